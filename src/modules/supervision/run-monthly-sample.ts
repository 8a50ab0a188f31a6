import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { LocalDate } from '../../platform/values/dates';
import { monthRange } from './domain/periods';
import { drawMonthlySample, type SampleSizing } from './domain/random-sample';
import { supFrameTasks } from './schema';
import type { StaffDirectory } from './staff-directory';
import { canonicalFrameHash, createCycle, loadFrameTasks, requireNationalScope, resolveTeams } from './store';

/**
 * Monthly random sample (art. 7) on the platform's frame: in-scope tasks concluded in `month`,
 * per SR. The cycle records seed, parameters and the canonical frame hash; supervisions get the
 * origin "Amostra aleatória" and are due at the end of the month after the sampled month (the
 * month in which the SR supervises it, art. 7 §2).
 */
export async function runMonthlySample(
  deps: Deps,
  ctx: Ctx,
  staff: StaffDirectory,
  input: { month: string; sizing: SampleSizing; seed: string },
) {
  await requireNationalScope(deps, ctx);
  const { start, end } = monthRange(input.month);
  // Read and draw first, resolve the teams, then write everything in one transaction.
  const rows = await deps.db.orm
    .select({
      taskId: supFrameTasks.taskId,
      sr: sql<string>`coalesce(${supFrameTasks.srCode}, ${supFrameTasks.unitId})`,
    })
    .from(supFrameTasks)
    .where(
      and(
        eq(supFrameTasks.inScope, true),
        gte(supFrameTasks.concludedAt, start),
        lte(supFrameTasks.concludedAt, end),
      ),
    );
  const bySr = new Map<string, string[]>();
  for (const r of rows) {
    const l = bySr.get(r.sr);
    if (l) l.push(r.taskId);
    else bySr.set(r.sr, [r.taskId]);
  }
  const frameSha256 = canonicalFrameHash(rows.map((r) => `${r.sr},${r.taskId}`));
  const srs = drawMonthlySample(bySr, input.month, input.sizing, input.seed);
  const tasks = await loadFrameTasks(
    deps.db.orm,
    srs.flatMap((s) => s.taskIds),
  );
  const teams = await resolveTeams(
    staff,
    [...tasks.values()].map((t) => t.unitId),
  );
  return deps.db.tx(async (tx) => {
    const dueDate = LocalDate.addDays(LocalDate.addMonths(`${input.month}-01`, 2), -1);
    const result = {
      srs: srs.map((s) => ({ sr: s.sr, population: s.population, size: s.size, taskIds: s.taskIds })),
    };
    const { cycle, supervisionIds } = await createCycle(
      deps,
      ctx,
      tx,
      teams,
      {
        kind: 'random',
        label: input.month,
        seed: input.seed,
        params: { month: input.month, sizing: input.sizing },
        frameSha256,
        frameSize: rows.length,
        result,
        dueDate,
      },
      srs.flatMap((s) => s.taskIds.map((id) => ({ task: tasks.get(id)!, origin: 'random' as const }))),
    );
    return {
      cycleId: cycle.id,
      month: input.month,
      seed: input.seed,
      frameSha256,
      dueDate,
      supervisions: supervisionIds.length,
      ...result,
    };
  });
}
