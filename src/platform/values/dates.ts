import { isBusinessDay } from '@brazilian-utils/brazilian-utils/is-business-day';

/**
 * Calendar dates ("YYYY-MM-DD") in America/Sao_Paulo. Legal dates (DER, DIB, deadlines) are
 * calendar days, not instants: we keep them as strings and do day arithmetic on a UTC epoch-day
 * index so that the host's time zone and DST never shift a date.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

export const ZONE = 'America/Sao_Paulo';
const RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class DateError extends Error {}

const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const LocalDate = {
  isValid(text: string): boolean {
    const m = RE.exec(text);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return (
      d.getUTCFullYear() === Number(m[1]) &&
      d.getUTCMonth() === Number(m[2]) - 1 &&
      d.getUTCDate() === Number(m[3])
    );
  },
  parse(text: string): LocalDate {
    if (!LocalDate.isValid(text)) throw new DateError(`data inválida: "${text}" (use AAAA-MM-DD)`);
    return text as LocalDate;
  },
  /** The calendar date in São Paulo at a given instant. */
  ofInstant(at: Date): LocalDate {
    return fmt.format(at) as LocalDate;
  },
  today(now: Date = new Date()): LocalDate {
    return LocalDate.ofInstant(now);
  },
  /** Days since 1970-01-01 (may be negative). */
  toEpochDay(d: string): number {
    const m = RE.exec(d);
    if (!m) throw new DateError(`data inválida: "${d}"`);
    return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
  },
  fromEpochDay(n: number): LocalDate {
    return new Date(n * DAY_MS).toISOString().slice(0, 10) as LocalDate;
  },
  addDays(d: string, n: number): LocalDate {
    return LocalDate.fromEpochDay(LocalDate.toEpochDay(d) + n);
  },
  /** b - a in days. */
  daysBetween(a: string, b: string): number {
    return LocalDate.toEpochDay(b) - LocalDate.toEpochDay(a);
  },
  /** Adds calendar months, clamping to the month's last day (31/01 + 1 month = 28 or 29/02). */
  addMonths(d: string, months: number): LocalDate {
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7)) - 1 + months;
    const ty = y + Math.floor(m / 12);
    const tm = ((m % 12) + 12) % 12;
    const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
    const day = Math.min(Number(d.slice(8, 10)), last);
    return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
  },
  addYears(d: string, years: number): LocalDate {
    return LocalDate.addMonths(d, years * 12);
  },
  /** "dd/mm/aaaa". */
  toBr(d: string): string {
    return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  },
  fromBr(text: string): LocalDate {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
    if (!m) throw new DateError(`data inválida: "${text}" (use DD/MM/AAAA)`);
    return LocalDate.parse(`${m[3]}-${m[2]}-${m[1]}`);
  },
  /** Start of the calendar day in São Paulo as an instant (for timestamptz comparisons). */
  startOfDay(d: string): Date {
    // São Paulo has had no DST since 2019 and is UTC-3; earlier dates may be off by one hour,
    // which never crosses a calendar day at midnight.
    return new Date(`${d}T00:00:00-03:00`);
  },
};

/**
 * Business days (dias úteis): Monday–Friday that are not national holidays nor pontos
 * facultativos of the federal public service (Carnaval, Corpus Christi), as
 * @brazilian-utils computes them for 1900–2099.
 */
export const BusinessDays = {
  isBusinessDay(d: string): boolean {
    const y = Number(d.slice(0, 4));
    const res = isBusinessDay(new Date(y, Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), 12));
    if (res === null) throw new DateError(`data fora do calendário suportado: ${d}`);
    return res;
  },
  /** The n-th business day after d (n ≥ 0; n = 0 rolls forward to a business day). */
  add(d: string, n: number): LocalDate {
    let cur = d as LocalDate;
    if (n === 0) {
      while (!BusinessDays.isBusinessDay(cur)) cur = LocalDate.addDays(cur, 1);
      return cur;
    }
    let left = n;
    while (left > 0) {
      cur = LocalDate.addDays(cur, 1);
      if (BusinessDays.isBusinessDay(cur)) left--;
    }
    return cur;
  },
  /** Business days in (a, b]. */
  between(a: string, b: string): number {
    let count = 0;
    for (let e = LocalDate.toEpochDay(a) + 1; e <= LocalDate.toEpochDay(b); e++) {
      if (BusinessDays.isBusinessDay(LocalDate.fromEpochDay(e))) count++;
    }
    return count;
  },
};
