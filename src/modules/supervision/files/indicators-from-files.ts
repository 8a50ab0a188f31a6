import { readSupervisionRows, S } from '../csv/inputs';
import { addOutcome, type Counts, emptyCounts, type GroupBy, indicatorsOf } from '../domain/indicators';
import { compareIds } from '../domain/prng';

/**
 * `supervision indicators`: ICON/IDR/IPR/IDNR (art. 9) over random-sample supervisions (§1).
 * Counts are accumulated while reading (only the group key becomes a string); the formulas are
 * the pure ones of domain/indicators.ts.
 */
export async function indicatorsFromFiles(input: { supervisions: string; cycle?: string; by?: GroupBy }) {
  const by = input.by ?? 'all';
  const keyColumn =
    by === 'sr' ? S.sr : by === 'gex' ? S.gex : by === 'server' ? S.serverId : by === 'cycle' ? S.cycle : -1;
  const groups = new Map<string, Counts>();
  let lastKey: string | null = null;
  let last: Counts | null = null;
  const cycle = input.cycle;
  await readSupervisionRows(input.supervisions, (v) => {
    if (v.origin !== 'random' || v.outcome === null) return; // art. 9 §1
    if (cycle !== undefined && !v.row.equals(S.cycle, cycle)) return;
    let c: Counts;
    if (last !== null && lastKey !== null && (keyColumn < 0 || v.row.equals(keyColumn, lastKey))) c = last;
    else {
      const key = keyColumn < 0 ? 'all' : v.row.get(keyColumn);
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
      const g = indicatorsOf(k, groups.get(k)!);
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
        ci95: g.ci95,
      };
    }),
  };
}
