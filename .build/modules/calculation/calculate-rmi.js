import { AppError, unprocessable } from "../../platform/errors.js";
import { Money } from "../../platform/values/money.js";
import { runEngine } from "./domain/engine.js";
import { CalculationError, formatScaled } from "./domain/fixed.js";
import { parseRmiRequest } from "./domain/input.js";
import { loadParameterTables as loadTables } from "./load-parameter-tables.js";
function loadParameterTables(deps) {
  return loadTables(deps);
}
function parseOrThrow(body) {
  const parsed = parseRmiRequest(body);
  if (!parsed.ok) {
    throw unprocessable(
      `Dados do c\xE1lculo inv\xE1lidos: ${parsed.errors.map((e) => e.field ? `${e.field}: ${e.message}` : e.message).join("; ")}`,
      parsed.errors
    );
  }
  return parsed.input;
}
function calculateRmi(input, tables, opts = {}) {
  return calculateParsed(parseOrThrow(input), tables, opts);
}
function calculateParsed(input, tables, opts = {}) {
  let result;
  try {
    result = runEngine(input, tables, opts);
  } catch (e) {
    if (e instanceof CalculationError)
      throw unprocessable(e.message, [{ field: e.field, message: e.message }]);
    throw e;
  }
  const { best } = result;
  const steps = [...result.baseSteps, ...best.steps];
  if (opts.explain !== false && !(best.eligible && best.rmi !== null)) {
    steps.push({
      what: "Requisitos n\xE3o cumpridos",
      value: best.reasons.join("; "),
      legal: "Lei 8.213/1991, art. 18"
    });
  }
  return {
    rule: best.rule,
    eligible: best.eligible && best.rmi !== null,
    dib: result.dib,
    contribution_time: { ...best.time },
    qualifying_months: best.qualifyingMonths,
    average: money(best.average),
    benefit_salary: money(best.benefitSalary),
    coefficient: best.coefficient === null ? null : rate(best.coefficient),
    fator_previdenciario: best.fator === null ? null : formatScaled(best.fator, 4),
    rmi: money(best.rmi),
    steps,
    alternatives: result.outcomes.filter((o) => o !== best).map(alternative)
  };
}
function alternative(o) {
  return { rule: o.rule, eligible: o.eligible, reasons: o.reasons, rmi: money(o.rmi) };
}
const money = (c) => c === null ? null : Money.toDecimalString(c);
function rate(r) {
  const s = formatScaled(r, 4);
  return s.replace(/(\.\d\d\d*?)0+$/, "$1");
}
function isAppError(e) {
  return e instanceof AppError;
}
export {
  calculateParsed,
  calculateRmi,
  isAppError,
  loadParameterTables,
  parseOrThrow
};
