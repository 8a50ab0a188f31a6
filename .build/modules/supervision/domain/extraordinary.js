import { cycleStart } from "./periods.js";
import { compareIds, sampleWithoutReplacement, Xoshiro128 } from "./prng.js";
const REFERENCE_MIN_PRODUCTION = 150;
const FLAGGED_MIN_SIZE = 10;
const NEVER_SUPERVISED_MIN_SIZE = 1;
const REVISIONS_THRESHOLD = 3;
const EXTRAORDINARY_CYCLE_DAYS = 90;
const RATE_EPSILON = 1e-12;
function meanSd(xs) {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, sd: Math.sqrt(ss / n) };
}
function referenceStats(profs) {
  const ref = profs.filter((p) => p.production >= REFERENCE_MIN_PRODUCTION).sort((a, b) => compareIds(a.serverId, b.serverId));
  if (ref.length === 0) {
    return {
      servers: 0,
      productionMean: null,
      productionSd: null,
      denialRateMean: null,
      denialRateSd: null,
      grantRateMean: null,
      grantRateSd: null,
      productionSum: 0,
      productionSumSq: 0n
    };
  }
  const prod = meanSd(ref.map((p) => p.production));
  const den = meanSd(ref.map((p) => p.denied / p.production));
  const gra = meanSd(ref.map((p) => p.granted / p.production));
  let sum = 0;
  let sumSq = 0n;
  for (const p of ref) {
    sum += p.production;
    sumSq += BigInt(p.production) * BigInt(p.production);
  }
  return {
    servers: ref.length,
    productionMean: prod.mean,
    productionSd: prod.sd,
    denialRateMean: den.mean,
    denialRateSd: den.sd,
    grantRateMean: gra.mean,
    grantRateSd: gra.sd,
    productionSum: sum,
    productionSumSq: sumSq
  };
}
function productionAboveReference(x, ref) {
  if (ref.servers === 0) return false;
  const n = BigInt(ref.servers);
  const d = n * BigInt(x) - BigInt(ref.productionSum);
  if (d <= 0n) return false;
  return d * d > 4n * (n * ref.productionSumSq - BigInt(ref.productionSum) * BigInt(ref.productionSum));
}
function rateAbove(x, mean, sd) {
  if (mean === null || sd === null) return false;
  return x - (mean + 2 * sd) > RATE_EPSILON;
}
function flagsOf(p, ref) {
  const flags = [];
  if (productionAboveReference(p.production, ref)) flags.push("production");
  if (p.revisionsIdentified >= REVISIONS_THRESHOLD) flags.push("revisions");
  if (p.production > 0 && rateAbove(p.denied / p.production, ref.denialRateMean, ref.denialRateSd))
    flags.push("denial_rate");
  if (p.production > 0 && rateAbove(p.granted / p.production, ref.grantRateMean, ref.grantRateSd))
    flags.push("grant_rate");
  return flags;
}
function stratumSize(flags, neverSupervised, available) {
  if (flags.length > 0) return Math.min(FLAGGED_MIN_SIZE, available);
  if (neverSupervised) return Math.min(NEVER_SUPERVISED_MIN_SIZE, available);
  return 0;
}
function drawExtraordinarySample(profs, quarter, seed) {
  const reference = referenceStats(profs);
  const sorted = [...profs].sort((a, b) => compareIds(a.serverId, b.serverId));
  const servers = sorted.map((p) => {
    const flags = flagsOf(p, reference);
    const size = stratumSize(flags, p.neverSupervised, p.candidates.length);
    let taskIds = [];
    if (size > 0) {
      const frame = [...p.candidates].sort(compareIds);
      taskIds = sampleWithoutReplacement(
        frame,
        size,
        Xoshiro128.fromSeed(seed, `extraordinary|${quarter}|${p.serverId}`)
      ).sort(compareIds);
    }
    return {
      serverId: p.serverId,
      production: p.production,
      denialRate: p.production > 0 ? p.denied / p.production : 0,
      grantRate: p.production > 0 ? p.granted / p.production : 0,
      revisionsIdentified: p.revisionsIdentified,
      neverSupervised: p.neverSupervised,
      flags,
      size: taskIds.length,
      taskIds
    };
  });
  return { reference, servers };
}
function summariseHistory(history, quarterStart) {
  const out = /* @__PURE__ */ new Map();
  for (const h of history) {
    const start = cycleStart(h.cycle) ?? h.concludedAt;
    if (start === null || start >= quarterStart) continue;
    let f = out.get(h.serverId);
    if (!f) {
      f = { revisionsIdentified: 0, supervisedInEarlierExtraordinaryCycle: false };
      out.set(h.serverId, f);
    }
    if (h.origin === "extraordinary") f.supervisedInEarlierExtraordinaryCycle = true;
    if (h.outcome === "ratified_with_revision" || h.outcome === "not_ratified") f.revisionsIdentified++;
  }
  return out;
}
export {
  EXTRAORDINARY_CYCLE_DAYS,
  FLAGGED_MIN_SIZE,
  NEVER_SUPERVISED_MIN_SIZE,
  RATE_EPSILON,
  REFERENCE_MIN_PRODUCTION,
  REVISIONS_THRESHOLD,
  drawExtraordinarySample,
  flagsOf,
  productionAboveReference,
  referenceStats,
  stratumSize,
  summariseHistory
};
