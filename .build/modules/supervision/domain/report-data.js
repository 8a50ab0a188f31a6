import { criterionLabel } from "./checklist.js";
import { computeIndicators } from "./indicators.js";
import { compareIds } from "./prng.js";
import { computeReferrals, REFERRAL_REASON_LABEL } from "./referrals.js";
function buildReport(rows, checklist, generatedOn) {
  const overall = computeIndicators(rows, "all")[0] ?? null;
  const cycles = [...new Set(rows.filter((r) => r.origin === "random").map((r) => r.cycle))].sort(compareIds);
  const trend = cycles.map((c) => ({ ...computeIndicators(rows, "all", c)[0], key: c }));
  const freq = /* @__PURE__ */ new Map();
  let concluded = 0;
  for (const r of rows) {
    if (r.outcome === null) continue;
    concluded++;
    for (const code of r.nonconformities) freq.set(code, (freq.get(code) ?? 0) + 1);
  }
  const nonconformities = [...freq.entries()].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0])).slice(0, 15).map(([code, count]) => ({
    code,
    label: criterionLabel(checklist, code),
    count,
    share: concluded > 0 ? Math.round(count * 1e4 / concluded) / 100 : 0
  }));
  const refCycles = [
    ...new Set(
      rows.filter((r) => r.origin === "extraordinary" || r.origin === "error_indication").map((r) => r.cycle)
    )
  ].sort(compareIds);
  const previous = /* @__PURE__ */ new Map();
  const referrals = [];
  for (const cycle of refCycles) {
    const result = computeReferrals(rows, cycle, previous);
    for (const s of result) {
      if (s.reasons.length === 0) continue;
      referrals.push({ ...s, cycle, reasonLabels: s.reasons.map((x) => REFERRAL_REASON_LABEL[x]) });
    }
    for (const s of result)
      if (s.reasons.length > 0) previous.set(s.serverId, [...previous.get(s.serverId) ?? [], cycle]);
  }
  return {
    title: "Relat\xF3rio da Supervis\xE3o T\xE9cnica em Benef\xEDcios \u2014 Portaria DIRBEN/INSS n\xBA 1.309/2025",
    generatedOn,
    supervisions: rows.length,
    pending: rows.filter((r) => r.outcome === null).length,
    overall,
    bySr: computeIndicators(rows, "sr"),
    byGex: computeIndicators(rows, "gex"),
    trend,
    nonconformities,
    referrals
  };
}
export {
  buildReport
};
