import { compareIds } from "./prng.js";
const WILSON_Z = 1.96;
function percent(num, den) {
  if (den <= 0) return null;
  const scaled = Math.floor((2 * num * 1e4 + den) / (2 * den));
  return scaled / 100;
}
function wilson(x, n, z = WILSON_Z) {
  if (n <= 0) return { low: 0, high: 100 };
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  const r = (v) => Math.round(Math.min(1, Math.max(0, v)) * 1e4) / 100;
  return { low: r(centre - half), high: r(centre + half) };
}
function emptyCounts() {
  return { total: 0, full: 0, revision: 0, notRatified: 0 };
}
function addOutcome(c, outcome) {
  c.total++;
  if (outcome === "full_ratification") c.full++;
  else if (outcome === "ratified_with_revision") c.revision++;
  else c.notRatified++;
}
function indicatorsOf(key, c) {
  const idrNum = c.full + c.revision;
  const iprNum = c.revision + c.notRatified;
  return {
    key,
    ...c,
    icon: percent(c.full, c.total),
    idr: percent(idrNum, c.total),
    ipr: percent(iprNum, c.total),
    idnr: percent(c.notRatified, c.total),
    ci95: c.total > 0 ? {
      icon: wilson(c.full, c.total),
      idr: wilson(idrNum, c.total),
      ipr: wilson(iprNum, c.total),
      idnr: wilson(c.notRatified, c.total)
    } : null
  };
}
function countsForIndicators(base, by, cycle) {
  const groups = /* @__PURE__ */ new Map();
  for (const s of base) {
    if (s.origin !== "random" || s.outcome === null) continue;
    if (cycle !== void 0 && s.cycle !== cycle) continue;
    const key = by === "sr" ? s.sr : by === "gex" ? s.gex : by === "server" ? s.serverId : by === "cycle" ? s.cycle : "all";
    let c = groups.get(key);
    if (!c) {
      c = emptyCounts();
      groups.set(key, c);
    }
    addOutcome(c, s.outcome);
  }
  return groups;
}
function computeIndicators(base, by, cycle) {
  const groups = countsForIndicators(base, by, cycle);
  return [...groups.keys()].sort(compareIds).map((k) => indicatorsOf(k, groups.get(k)));
}
export {
  WILSON_Z,
  addOutcome,
  computeIndicators,
  countsForIndicators,
  emptyCounts,
  indicatorsOf,
  percent,
  wilson
};
