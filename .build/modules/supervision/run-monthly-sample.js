import { and, eq, gte, lte, sql } from "drizzle-orm";
import { LocalDate } from "../../platform/values/dates.js";
import { monthRange } from "./domain/periods.js";
import { drawMonthlySample } from "./domain/random-sample.js";
import { supFrameTasks } from "./schema.js";
import { canonicalFrameHash, createCycle, loadFrameTasks, requireNationalScope, resolveTeams } from "./store.js";
async function runMonthlySample(deps, ctx, staff, input) {
  await requireNationalScope(deps, ctx);
  const { start, end } = monthRange(input.month);
  const rows = await deps.db.orm.select({
    taskId: supFrameTasks.taskId,
    sr: sql`coalesce(${supFrameTasks.srCode}, ${supFrameTasks.unitId})`
  }).from(supFrameTasks).where(
    and(
      eq(supFrameTasks.inScope, true),
      gte(supFrameTasks.concludedAt, start),
      lte(supFrameTasks.concludedAt, end)
    )
  );
  const bySr = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const l = bySr.get(r.sr);
    if (l) l.push(r.taskId);
    else bySr.set(r.sr, [r.taskId]);
  }
  const frameSha256 = canonicalFrameHash(rows.map((r) => `${r.sr},${r.taskId}`));
  const srs = drawMonthlySample(bySr, input.month, input.sizing, input.seed);
  const tasks = await loadFrameTasks(
    deps.db.orm,
    srs.flatMap((s) => s.taskIds)
  );
  const teams = await resolveTeams(
    staff,
    [...tasks.values()].map((t) => t.unitId)
  );
  return deps.db.tx(async (tx) => {
    const dueDate = LocalDate.addDays(LocalDate.addMonths(`${input.month}-01`, 2), -1);
    const result = {
      srs: srs.map((s) => ({ sr: s.sr, population: s.population, size: s.size, taskIds: s.taskIds }))
    };
    const { cycle, supervisionIds } = await createCycle(
      deps,
      ctx,
      tx,
      teams,
      {
        kind: "random",
        label: input.month,
        seed: input.seed,
        params: { month: input.month, sizing: input.sizing },
        frameSha256,
        frameSize: rows.length,
        result,
        dueDate
      },
      srs.flatMap((s) => s.taskIds.map((id) => ({ task: tasks.get(id), origin: "random" })))
    );
    return {
      cycleId: cycle.id,
      month: input.month,
      seed: input.seed,
      frameSha256,
      dueDate,
      supervisions: supervisionIds.length,
      ...result
    };
  });
}
export {
  runMonthlySample
};
