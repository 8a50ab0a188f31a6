import { LocalDate } from "../../../platform/values/dates.js";
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
function isMonth(s) {
  return MONTH.test(s);
}
function isQuarter(s) {
  return QUARTER.test(s);
}
function monthRange(month) {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`m\xEAs inv\xE1lido: "${month}" (use AAAA-MM)`);
  const start = `${month}-01`;
  return { start, end: LocalDate.addDays(LocalDate.addMonths(start, 1), -1) };
}
function quarterRange(quarter) {
  const m = QUARTER.exec(quarter);
  if (!m) throw new RangeError(`trimestre inv\xE1lido: "${quarter}" (use AAAA-Tn, ex.: 2025-Q3)`);
  const firstMonth = (Number(m[2]) - 1) * 3 + 1;
  const start = `${m[1]}-${String(firstMonth).padStart(2, "0")}-01`;
  return { start, end: LocalDate.addDays(LocalDate.addMonths(start, 3), -1) };
}
function cycleStart(cycle) {
  if (MONTH.test(cycle)) return `${cycle}-01`;
  if (QUARTER.test(cycle)) return quarterRange(cycle).start;
  if (LocalDate.isValid(cycle)) return cycle;
  return null;
}
export {
  cycleStart,
  isMonth,
  isQuarter,
  monthRange,
  quarterRange
};
