import { Competence } from "../../../platform/values/competence.js";
import { Money } from "../../../platform/values/money.js";
import { CalculationError, FACTOR_SCALE, formatScaled, mulDivRound } from "./fixed.js";
import { correctionFactorExact } from "./tables.js";
function correctArrears(t, paymentMonth, items) {
  const lines = [];
  const steps = [];
  let totalOriginal = 0;
  let totalCorrected = 0;
  for (const it of [...items].sort((a, b) => a.month - b.month)) {
    if (it.month < t.firstMonth) {
      throw new CalculationError(
        "installments",
        `Parcela de ${label(it.month)} anterior a 07/1994: fora da tabela de corre\xE7\xE3o.`
      );
    }
    const factor = it.month >= paymentMonth ? FACTOR_SCALE : Number(correctionFactorExact(t, it.month, paymentMonth));
    const raw = mulDivRound(it.cents, factor, FACTOR_SCALE);
    const corrected = Math.max(raw, it.cents);
    lines.push({ month: it.month, original: it.cents, factor, corrected, keptOriginal: raw < it.cents });
    totalOriginal += it.cents;
    totalCorrected += corrected;
    steps.push({
      what: `Parcela devida em ${label(it.month)}, paga em ${label(paymentMonth)}`,
      value: `${Money.format(it.cents)} \xD7 ${formatScaled(factor, 6).replace(".", ",")} = ${Money.format(raw)}` + (raw < it.cents ? ` \u2192 mantido o valor original ${Money.format(it.cents)}` : ""),
      legal: raw < it.cents ? "Portaria MPS 904/2023, art. 4\xBA (n\xE3o inferior ao valor original)" : "Decreto 3.048/1999, art. 175; Portaria MPS 904/2023, art. 2\xBA"
    });
  }
  steps.push({
    what: "Total original",
    value: Money.format(totalOriginal),
    legal: "Decreto 3.048/1999, art. 175"
  });
  steps.push({
    what: "Total corrigido",
    value: Money.format(totalCorrected),
    legal: "Decreto 3.048/1999, art. 175"
  });
  return { paymentMonth, lines, totalOriginal, totalCorrected, steps };
}
const label = (m) => Competence.toBr(Competence.fromIndex(m));
export {
  correctArrears
};
