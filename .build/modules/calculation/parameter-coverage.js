import { Competence } from "../../platform/values/competence.js";
function parameterCoverage(t) {
  const last = (list) => list.map((v) => v.to).sort().at(-1) ?? "";
  return {
    version: t.version,
    correctionIndexUntil: Competence.fromIndex(t.lastIndexMonth),
    maxDibMonth: Competence.fromIndex(t.lastIndexMonth + 1),
    minimumWageUntil: last(t.minimumWage),
    tetoUntil: last(t.teto),
    readjustmentsUntil: Math.max(...t.readjustments.map((r) => r.year)),
    lifeTables: t.lifeTables.map((l) => ({ year: l.year, validFrom: l.validFrom, validTo: l.validTo })),
    missingLifeTables: t.missingLifeTables.map((m) => ({
      year: m.year,
      validFrom: m.validFrom,
      validTo: m.validTo,
      reason: m.reason
    }))
  };
}
export {
  parameterCoverage
};
