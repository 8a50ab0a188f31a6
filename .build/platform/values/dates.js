import { isBusinessDay } from "@brazilian-utils/brazilian-utils/is-business-day";
const ZONE = "America/Sao_Paulo";
const RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 864e5;
class DateError extends Error {
}
const fmt = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit"
});
const LocalDate = {
  isValid(text) {
    const m = RE.exec(text);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  },
  parse(text) {
    if (!LocalDate.isValid(text)) throw new DateError(`data inv\xE1lida: "${text}" (use AAAA-MM-DD)`);
    return text;
  },
  /** The calendar date in São Paulo at a given instant. */
  ofInstant(at) {
    return fmt.format(at);
  },
  today(now = /* @__PURE__ */ new Date()) {
    return LocalDate.ofInstant(now);
  },
  /** Days since 1970-01-01 (may be negative). */
  toEpochDay(d) {
    const m = RE.exec(d);
    if (!m) throw new DateError(`data inv\xE1lida: "${d}"`);
    return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
  },
  fromEpochDay(n) {
    return new Date(n * DAY_MS).toISOString().slice(0, 10);
  },
  addDays(d, n) {
    return LocalDate.fromEpochDay(LocalDate.toEpochDay(d) + n);
  },
  /** b - a in days. */
  daysBetween(a, b) {
    return LocalDate.toEpochDay(b) - LocalDate.toEpochDay(a);
  },
  /** Adds calendar months, clamping to the month's last day (31/01 + 1 month = 28 or 29/02). */
  addMonths(d, months) {
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7)) - 1 + months;
    const ty = y + Math.floor(m / 12);
    const tm = (m % 12 + 12) % 12;
    const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
    const day = Math.min(Number(d.slice(8, 10)), last);
    return `${String(ty).padStart(4, "0")}-${String(tm + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  },
  addYears(d, years) {
    return LocalDate.addMonths(d, years * 12);
  },
  /** "dd/mm/aaaa". */
  toBr(d) {
    return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  },
  fromBr(text) {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
    if (!m) throw new DateError(`data inv\xE1lida: "${text}" (use DD/MM/AAAA)`);
    return LocalDate.parse(`${m[3]}-${m[2]}-${m[1]}`);
  },
  /** Start of the calendar day in São Paulo as an instant (for timestamptz comparisons). */
  startOfDay(d) {
    return /* @__PURE__ */ new Date(`${d}T00:00:00-03:00`);
  }
};
const BusinessDays = {
  isBusinessDay(d) {
    const y = Number(d.slice(0, 4));
    const res = isBusinessDay(new Date(y, Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), 12));
    if (res === null) throw new DateError(`data fora do calend\xE1rio suportado: ${d}`);
    return res;
  },
  /** The n-th business day after d (n ≥ 0; n = 0 rolls forward to a business day). */
  add(d, n) {
    let cur = d;
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
  between(a, b) {
    let count = 0;
    for (let e = LocalDate.toEpochDay(a) + 1; e <= LocalDate.toEpochDay(b); e++) {
      if (BusinessDays.isBusinessDay(LocalDate.fromEpochDay(e))) count++;
    }
    return count;
  }
};
export {
  BusinessDays,
  DateError,
  LocalDate,
  ZONE
};
