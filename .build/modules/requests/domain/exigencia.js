import { LocalDate } from "../../../platform/values/dates.js";
import { rollToBusinessDay } from "./deadline.js";
const DEFAULT_EXIGENCIA_DAYS = 30;
const MAX_EXTENSION_DAYS = 30;
const MAX_EXTENSIONS = 2;
function exigenciaDueDate(openedOn, days = DEFAULT_EXIGENCIA_DAYS) {
  if (!Number.isInteger(days) || days < 1 || days > 90)
    throw new RangeError("prazo da exig\xEAncia deve ter de 1 a 90 dias");
  return rollToBusinessDay(LocalDate.addDays(openedOn, days));
}
function extendExigencia(currentDue, extensionsSoFar, days, today) {
  if (extensionsSoFar >= MAX_EXTENSIONS)
    return { ok: false, message: `A exig\xEAncia j\xE1 foi prorrogada ${MAX_EXTENSIONS} vezes.` };
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
    return { ok: false, message: `A prorroga\xE7\xE3o deve ter de 1 a ${MAX_EXTENSION_DAYS} dias.` };
  }
  if (LocalDate.daysBetween(currentDue, today) > 0)
    return { ok: false, message: "O prazo da exig\xEAncia j\xE1 terminou; n\xE3o pode ser prorrogado." };
  return { ok: true, dueDate: rollToBusinessDay(LocalDate.addDays(currentDue, days)) };
}
function isExigenciaExpired(dueDate, today) {
  return LocalDate.daysBetween(dueDate, today) > 0;
}
const APPEAL_TERM_DAYS = 30;
const COMPLIANCE_BACKLOG_DAYS = 365;
export {
  APPEAL_TERM_DAYS,
  COMPLIANCE_BACKLOG_DAYS,
  DEFAULT_EXIGENCIA_DAYS,
  MAX_EXTENSIONS,
  MAX_EXTENSION_DAYS,
  exigenciaDueDate,
  extendExigencia,
  isExigenciaExpired
};
