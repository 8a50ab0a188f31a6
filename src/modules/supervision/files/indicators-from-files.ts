import { readSupervisions } from '../csv/inputs';
import { countsForIndicators, type GroupBy, type IndicatorInput, indicatorsOf } from '../domain/indicators';
import { compareIds } from '../domain/prng';

/** `supervision indicators`: ICON/IDR/IPR/IDNR (art. 9) over random-sample supervisions. */
export async function indicatorsFromFiles(input: { supervisions: string; cycle?: string; by?: GroupBy }) {
  const by = input.by ?? 'all';
  const rows: IndicatorInput[] = [];
  await readSupervisions(input.supervisions, (s) => {
    if (s.origin === 'random' && s.outcome !== null) rows.push(s);
  });
  const groups = countsForIndicators(rows, by, input.cycle);
  return {
    cycle: input.cycle ?? null,
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
