import { LocalDate } from '../../../platform/values/dates';

/** Period arithmetic for cycle labels: "2025-10" (month), "2025-Q3" (quarter), "2025-10-15" (a day). */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}
export function isQuarter(s: string): boolean {
  return QUARTER.test(s);
}

/** [first day, last day] of a YYYY-MM month. */
export function monthRange(month: string): { start: string; end: string } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`mês inválido: "${month}" (use AAAA-MM)`);
  const start = `${month}-01`;
  return { start, end: LocalDate.addDays(LocalDate.addMonths(start, 1), -1) };
}

/** [first day, last day] of a YYYY-Qn quarter. */
export function quarterRange(quarter: string): { start: string; end: string } {
  const m = QUARTER.exec(quarter);
  if (!m) throw new RangeError(`trimestre inválido: "${quarter}" (use AAAA-Tn, ex.: 2025-Q3)`);
  const firstMonth = (Number(m[2]) - 1) * 3 + 1;
  const start = `${m[1]}-${String(firstMonth).padStart(2, '0')}-01`;
  return { start, end: LocalDate.addDays(LocalDate.addMonths(start, 3), -1) };
}

/** First day of the period a cycle label names, or null if the label is not a date-like period. */
export function cycleStart(cycle: string): string | null {
  if (MONTH.test(cycle)) return `${cycle}-01`;
  if (QUARTER.test(cycle)) return quarterRange(cycle).start;
  if (LocalDate.isValid(cycle)) return cycle;
  return null;
}
