import { unprocessable } from "../../platform/errors.js";
import { Competence } from "../../platform/values/competence.js";
import { Money } from "../../platform/values/money.js";
import { correctArrears } from "./domain/arrears.js";
import { CalculationError, formatScaled } from "./domain/fixed.js";
function calculateArrears(body, tables) {
  const errors = [];
  const b = typeof body === "object" && body !== null ? body : {};
  const pm = b["payment_month"];
  if (typeof pm !== "string" || !Competence.isValid(pm))
    errors.push({ field: "payment_month", message: "m\xEAs do pagamento inv\xE1lido (use AAAA-MM)" });
  const items = [];
  const seen = /* @__PURE__ */ new Set();
  if (!Array.isArray(b["installments"]) || b["installments"].length === 0) {
    errors.push({ field: "installments", message: "informe a lista de parcelas {month, amount}" });
  }
  for (const [i, raw] of (Array.isArray(b["installments"]) ? b["installments"] : []).entries()) {
    const it = typeof raw === "object" && raw !== null ? raw : {};
    const month = it["month"];
    const amount = it["amount"];
    if (typeof month !== "string" || !Competence.isValid(month)) {
      errors.push({ field: `installments.${i}.month`, message: "compet\xEAncia inv\xE1lida (use AAAA-MM)" });
      continue;
    }
    if (seen.has(month))
      errors.push({
        field: `installments.${i}.month`,
        message: `parcela de ${Competence.toBr(month)} repetida`
      });
    seen.add(month);
    const cents = typeof amount === "string" ? Money.tryParse(amount) : null;
    if (cents === null || cents < 0) {
      errors.push({
        field: `installments.${i}.amount`,
        message: "valor inv\xE1lido ou negativo (use o formato 1234.56)"
      });
      continue;
    }
    items.push({ month: Competence.index(month), cents });
  }
  if (errors.length > 0) {
    throw unprocessable(
      `Dados inv\xE1lidos: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`,
      errors
    );
  }
  try {
    const r = correctArrears(tables, Competence.index(pm), items);
    return {
      payment_month: pm,
      installments: r.lines.map((l) => ({
        month: Competence.fromIndex(l.month),
        amount: Money.toDecimalString(l.original),
        factor: formatScaled(l.factor, 6),
        corrected: Money.toDecimalString(l.corrected),
        kept_original: l.keptOriginal
      })),
      total_original: Money.toDecimalString(r.totalOriginal),
      total_corrected: Money.toDecimalString(r.totalCorrected),
      steps: r.steps
    };
  } catch (e) {
    if (e instanceof CalculationError)
      throw unprocessable(e.message, [
        { field: e.field === "request_date" ? "payment_month" : e.field, message: e.message }
      ]);
    throw e;
  }
}
export {
  calculateArrears
};
