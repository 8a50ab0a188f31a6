import { Competence } from '../../../platform/values/competence';
import { LocalDate } from '../../../platform/values/dates';
import type { ParsedLink } from './input';

/**
 * Contribution time, carência and insured status (Lei 8.213 arts. 15, 24–27, 55; EC 103 art. 25
 * and CF art. 195 §14). Days are UTC epoch days; periods are inclusive of both ends, as the INSS
 * counts them: 01/01/2000 to 31/12/2000 is one year.
 */

export interface Ymd {
  years: number;
  months: number;
  days: number;
}

/** A year with fractions in integer units: 1 year = 4380, 1 month = 365, 1 day = 12. */
export const UNITS_PER_YEAR = 4380;
export const UNITS_PER_MONTH = 365;
export const UNITS_PER_DAY = 12;

export function ymdUnits(t: Ymd): number {
  return t.years * UNITS_PER_YEAR + t.months * UNITS_PER_MONTH + t.days * UNITS_PER_DAY;
}

export function normalize(years: number, months: number, days: number): Ymd {
  const m = months + Math.floor(days / 30);
  return { years: years + Math.floor(m / 12), months: m % 12, days: days % 30 };
}

export function minusMonths(t: Ymd, k: number): Ymd {
  const total = t.years * 12 + t.months - k;
  if (total < 0) return { years: 0, months: 0, days: 0 };
  return { years: Math.floor(total / 12), months: total % 12, days: t.days };
}

function part(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatYmd(t: Ymd): string {
  return `${part(t.years, 'ano', 'anos')}, ${part(t.months, 'mês', 'meses')} e ${part(t.days, 'dia', 'dias')}`;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil; proleptic Gregorian). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil: [year, month 1–12, day]. */
export function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const daysInMonth = (y: number, m: number) =>
  daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);

/** Date string → epoch day, without Date objects (hot path). */
export function epochDay(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Epoch day of (ay-am-ad) plus k months, clamped to the month's last day. */
function anchorDay(ay: number, am: number, ad: number, k: number): number {
  const mi = am - 1 + k;
  const y = ay + Math.floor(mi / 12);
  const m = (mi % 12) + 1;
  return daysFromCivil(y, m, Math.min(ad, daysInMonth(y, m)));
}

/**
 * Calendar difference between epoch days a → b (b exclusive): whole months (adding months to a
 * clamps to the month's last day, as LocalDate.addMonths), then the remaining days.
 */
export function calendarDiffDays(a: number, b: number): Ymd {
  if (b <= a) return { years: 0, months: 0, days: 0 };
  const [ay, am, ad] = civilFromDays(a);
  const [by, bm, bd] = civilFromDays(b);
  let months = (by - ay) * 12 + (bm - am);
  if (bd < ad) months -= 1;
  let days = b - anchorDay(ay, am, ad, months);
  if (days < 0) {
    months -= 1;
    days = b - anchorDay(ay, am, ad, months);
  }
  return { years: Math.floor(months / 12), months: months % 12, days };
}

/** Calendar difference a → b (b exclusive) of date strings. */
export function calendarDiff(a: string, b: string): Ymd {
  return calendarDiffDays(epochDay(a), epochDay(b));
}

/** Age on a date (completed years/months/days). */
export function ageOn(birthDate: string, date: string): Ymd {
  return calendarDiff(birthDate, date);
}

export type Interval = [number, number];

const byStart = (x: Interval, y: Interval) => x[0] - y[0];

/** Union of inclusive day intervals, sorted, merged when overlapping or adjacent. */
export function unionIntervals(list: Interval[]): Interval[] {
  const sorted: Interval[] = [];
  for (const iv of list) if (iv[0] <= iv[1]) sorted.push(iv);
  if (sorted.length > 1) sorted.sort(byStart);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Removes the (sorted, disjoint) `holes` from the (sorted, disjoint) intervals. */
export function subtractIntervals(list: Interval[], holes: Interval[]): Interval[] {
  if (holes.length === 0) return list;
  const out: Interval[] = [];
  for (const [a0, b] of list) {
    let a = a0;
    for (const [h0, h1] of holes) {
      if (h1 < a || h0 > b) continue;
      if (h0 > a) out.push([a, h0 - 1]);
      a = h1 + 1;
      if (a > b) break;
    }
    if (a <= b) out.push([a, b]);
  }
  return out;
}

export const EC103_DATE = '2019-11-13';
const EC103_DAY = epochDay(EC103_DATE);
const EC103_MONTH = Competence.index('2019-11' as Competence);

export function monthFirstDay(month: number): number {
  return daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
}

export function monthLastDay(month: number): number {
  return monthFirstDay(month + 1) - 1;
}

export interface TimeCount {
  intervals: Interval[];
  time: Ymd;
  /** Months with at least one counted day (carência, Lei 8.213 art. 24 and 27). */
  qualifyingMonths: number;
  /** Competências removed by CF art. 195 §14 / EC 103 art. 29 (below the minimum wage). */
  belowMinimumMonths: number[];
}

/**
 * Counts the links up to `until` (inclusive), each concurrent day once (Lei 8.213 art. 96 I:
 * no double counting), removing from 13/11/2019 on the competências whose salário de
 * contribuição is below the minimum wage (CF art. 195 §14, EC 103 art. 29): those amounts are
 * the consolidated values, after any complementation or grouping.
 */
export function countTime(links: ParsedLink[], until: string, belowMinimumMonths: number[]): TimeCount {
  const untilDay = epochDay(until);
  const raw: Interval[] = [];
  for (const l of links)
    raw.push([epochDay(l.start), Math.min(l.end === null ? untilDay : epochDay(l.end), untilDay)]);
  let intervals = unionIntervals(raw);
  const holes: Interval[] = [];
  for (const m of belowMinimumMonths) {
    if (m < EC103_MONTH) continue;
    holes.push([Math.max(monthFirstDay(m), EC103_DAY), monthLastDay(m)]);
  }
  intervals = subtractIntervals(intervals, holes);

  let y = 0;
  let mo = 0;
  let d = 0;
  let qualifying = 0;
  let lastCountedMonth = -1;
  for (const [a, b] of intervals) {
    const t = calendarDiffDays(a, b + 1);
    y += t.years;
    mo += t.months;
    d += t.days;
    const [ya, ma0] = civilFromDays(a);
    const [yb, mb0] = civilFromDays(b);
    const ma = ya * 12 + ma0 - 1;
    const mb = yb * 12 + mb0 - 1;
    const from = Math.max(ma, lastCountedMonth + 1);
    if (mb >= from) qualifying += mb - from + 1;
    lastCountedMonth = Math.max(lastCountedMonth, mb);
  }
  return {
    intervals,
    time: normalize(y, mo, d),
    qualifyingMonths: qualifying,
    belowMinimumMonths: belowMinimumMonths.length
      ? belowMinimumMonths.filter((m) => m >= EC103_MONTH)
      : belowMinimumMonths,
  };
}

export interface InsuredStatus {
  insured: boolean;
  /** Last day with a counted period. */
  lastActivity: string | null;
  graceMonths: number;
  /** First day without insured status (art. 15 §4º), when not active on the date. */
  lossDate: string | null;
  reason: string;
}

/**
 * Qualidade de segurado on `date` (Lei 8.213 art. 15): active while a link covers the date;
 * then a período de graça of 12 months after the last contribution (II), extended to 24 with
 * more than 120 monthly contributions (§1º). Status is lost on the day after the deadline to pay
 * the contribution of the month following the end of the grace period (§4º: day 16 of the
 * second month after it, as Lei 8.212 art. 30 II sets the 15th). The §2º extension
 * (unemployment registered) needs evidence the calculation does not receive.
 */
export function insuredStatus(count: TimeCount, date: string): InsuredStatus {
  const day = epochDay(date);
  const covering = count.intervals.find(([a, b]) => a <= day && day <= b);
  const last = count.intervals.filter(([a]) => a <= day).at(-1);
  if (covering) {
    return {
      insured: true,
      lastActivity: date,
      graceMonths: 0,
      lossDate: null,
      reason: 'vínculo ativo na data',
    };
  }
  if (!last) {
    return {
      insured: false,
      lastActivity: null,
      graceMonths: 0,
      lossDate: null,
      reason: 'nenhum período de contribuição até a data',
    };
  }
  const lastDay = LocalDate.fromEpochDay(last[1]);
  const graceMonths = count.qualifyingMonths > 120 ? 24 : 12;
  const lastMonth = Competence.index(Competence.ofDate(lastDay));
  const lossDate = `${Competence.fromIndex(lastMonth + graceMonths + 2)}-16`;
  const insured = date < lossDate;
  return {
    insured,
    lastActivity: lastDay,
    graceMonths,
    lossDate,
    reason: insured
      ? `em período de graça de ${graceMonths} meses após ${LocalDate.toBr(lastDay)} (qualidade mantida até ${LocalDate.toBr(LocalDate.addDays(lossDate, -1))})`
      : `qualidade de segurado perdida em ${LocalDate.toBr(lossDate)} (período de graça de ${graceMonths} meses após ${LocalDate.toBr(lastDay)})`,
  };
}

/**
 * Carência of Lei 8.213 art. 142 for insured persons affiliated up to 24/07/1991: the
 * aposentadoria por idade/tempo requires the number of the year the conditions were met.
 */
const ART142: Record<number, number> = {
  1991: 60,
  1992: 60,
  1993: 66,
  1994: 72,
  1995: 78,
  1996: 90,
  1997: 96,
  1998: 102,
  1999: 108,
  2000: 114,
  2001: 120,
  2002: 126,
  2003: 132,
  2004: 138,
  2005: 144,
  2006: 150,
  2007: 156,
  2008: 162,
  2009: 168,
  2010: 174,
};

export function retirementCarencia(
  firstAffiliation: string | null,
  year: number,
): { months: number; legal: string } {
  if (firstAffiliation !== null && firstAffiliation <= '1991-07-24' && year <= 2010) {
    return {
      months: ART142[Math.max(1991, year)] ?? 180,
      legal: 'Lei 8.213/1991, art. 142 (tabela progressiva)',
    };
  }
  return { months: 180, legal: 'Lei 8.213/1991, art. 25, II' };
}
