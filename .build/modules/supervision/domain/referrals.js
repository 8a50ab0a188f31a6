import { percent } from "./indicators.js";
import { compareIds } from "./prng.js";
const PERFORMANCE_THRESHOLD_NUM = 7;
const PERFORMANCE_THRESHOLD_DEN = 10;
const MIN_SUPERVISED = 5;
const NOT_RATIFIED_THRESHOLD = 3;
const REFERRAL_REASON_LABEL = {
  performance_index_below_70: "\xCDndice de Performance inferior a 70% com 5 ou mais processos supervisionados (art. 14, I)",
  not_ratified_3_or_more: "3 ou mais supervis\xF5es com decis\xE3o n\xE3o ratificada (art. 14, II)"
};
function countsForPerformance(origin) {
  return origin === "extraordinary" || origin === "error_indication";
}
function referralReasons(supervised, full, notRatified) {
  const reasons = [];
  if (supervised >= MIN_SUPERVISED && PERFORMANCE_THRESHOLD_DEN * full < PERFORMANCE_THRESHOLD_NUM * supervised) {
    reasons.push("performance_index_below_70");
  }
  if (notRatified >= NOT_RATIFIED_THRESHOLD) reasons.push("not_ratified_3_or_more");
  return reasons;
}
function computeReferrals(supervisions, cycle, previousReferrals = /* @__PURE__ */ new Map()) {
  const by = /* @__PURE__ */ new Map();
  for (const s of supervisions) {
    if (s.cycle !== cycle || s.outcome === null || !countsForPerformance(s.origin)) continue;
    let c = by.get(s.serverId);
    if (!c) {
      c = { supervised: 0, full: 0, notRatified: 0 };
      by.set(s.serverId, c);
    }
    c.supervised++;
    if (s.outcome === "full_ratification") c.full++;
    else if (s.outcome === "not_ratified") c.notRatified++;
  }
  return [...by.keys()].sort(compareIds).map((serverId) => {
    const c = by.get(serverId);
    const reasons = referralReasons(c.supervised, c.full, c.notRatified);
    const previous = (previousReferrals.get(serverId) ?? []).filter((p) => p !== cycle);
    return {
      serverId,
      supervised: c.supervised,
      full: c.full,
      performanceIndex: percent(c.full, c.supervised),
      notRatified: c.notRatified,
      reasons,
      proposedRemoval: reasons.length > 0 && previous.length > 0,
      previousReferrals: [...new Set(previous)].sort(compareIds)
    };
  });
}
export {
  MIN_SUPERVISED,
  NOT_RATIFIED_THRESHOLD,
  PERFORMANCE_THRESHOLD_DEN,
  PERFORMANCE_THRESHOLD_NUM,
  REFERRAL_REASON_LABEL,
  computeReferrals,
  countsForPerformance,
  referralReasons
};
