import { readSupervisionRows, S } from "../csv/inputs.js";
import { addOutcome, emptyCounts, indicatorsOf } from "../domain/indicators.js";
import { compareIds } from "../domain/prng.js";
async function indicatorsFromFiles(input) {
  const by = input.by ?? "all";
  const keyColumn = by === "sr" ? S.sr : by === "gex" ? S.gex : by === "server" ? S.serverId : by === "cycle" ? S.cycle : -1;
  const groups = /* @__PURE__ */ new Map();
  let lastKey = null;
  let last = null;
  const cycle = input.cycle;
  await readSupervisionRows(input.supervisions, (v) => {
    if (v.origin !== "random" || v.outcome === null) return;
    if (cycle !== void 0 && !v.row.equals(S.cycle, cycle)) return;
    let c;
    if (last !== null && lastKey !== null && (keyColumn < 0 || v.row.equals(keyColumn, lastKey))) c = last;
    else {
      const key = keyColumn < 0 ? "all" : v.row.get(keyColumn);
      let g = groups.get(key);
      if (!g) {
        g = emptyCounts();
        groups.set(key, g);
      }
      lastKey = key;
      last = g;
      c = g;
    }
    addOutcome(c, v.outcome);
  });
  return {
    cycle: cycle ?? null,
    by,
    groups: [...groups.keys()].sort(compareIds).map((k) => {
      const g = indicatorsOf(k, groups.get(k));
      return {
        key: g.key,
        total: g.total,
        full: g.full,
        revision: g.revision,
        not_ratified: g.notRatified,
        icon: g.icon,
        idr: g.idr,
        ipr: g.ipr,
        idnr: g.idnr,
        ci95: g.ci95
      };
    })
  };
}
export {
  indicatorsFromFiles
};
