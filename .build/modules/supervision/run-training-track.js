import { and, eq, gt, lte } from "drizzle-orm";
import { LocalDate } from "../../platform/values/dates.js";
import { compareIds } from "./domain/prng.js";
import { normalizeSpecies } from "./domain/scope.js";
import {
  currentSamplePoint,
  DEFAULT_TASKS_PER_POINT,
  drawTrainingTasks,
  TRAINING_CYCLE_DAYS,
  TRAINING_DAYS
} from "./domain/training-track.js";
import { supFrameTasks, supSupervisions } from "./schema.js";
import { canonicalFrameHash, createCycle, loadFrameTasks, requireNationalScope, resolveTeams } from "./store.js";
async function runTrainingTrack(deps, ctx, staff, input) {
  await requireNationalScope(deps, ctx);
  const servers = (await staff.newServers(LocalDate.addDays(input.date, -TRAINING_DAYS))).sort(
    (a, b) => compareIds(a.id, b.id)
  );
  const tx0 = deps.db.orm;
  const out = [];
  const selections = [];
  const frameLines = [];
  for (const s of servers) {
    const point = currentSamplePoint(s.startDate, input.date);
    if (!point) continue;
    const criterion = `Ponto de ${point.days} dias (art. 18)`;
    const done = await tx0.select({ id: supSupervisions.id }).from(supSupervisions).where(
      and(
        eq(supSupervisions.serverId, s.id),
        eq(supSupervisions.origin, "training_track"),
        eq(supSupervisions.criterion, criterion)
      )
    ).limit(1);
    if (done.length) continue;
    const window = await tx0.select({ taskId: supFrameTasks.taskId, species: supFrameTasks.species }).from(supFrameTasks).where(
      and(
        eq(supFrameTasks.serverId, s.id),
        eq(supFrameTasks.inScope, true),
        gt(supFrameTasks.concludedAt, point.windowStart),
        lte(supFrameTasks.concludedAt, point.windowEnd)
      )
    );
    const earlier = await tx0.select({ species: supSupervisions.species }).from(supSupervisions).where(and(eq(supSupervisions.serverId, s.id), eq(supSupervisions.origin, "training_track")));
    const covered = new Set(earlier.map((e) => normalizeSpecies(e.species)));
    const taskIds = drawTrainingTasks(
      s.id,
      point,
      window,
      covered,
      input.seed,
      input.perServer ?? DEFAULT_TASKS_PER_POINT
    );
    for (const w of window) frameLines.push(`${s.id},${w.taskId}`);
    out.push({
      serverId: s.id,
      samplePointDays: point.days,
      windowStart: point.windowStart,
      windowEnd: point.windowEnd,
      taskIds
    });
    for (const id of taskIds) selections.push({ id, criterion });
  }
  const tasks = await loadFrameTasks(
    tx0,
    selections.map((x) => x.id)
  );
  const teams = await resolveTeams(
    staff,
    [...tasks.values()].map((t) => t.unitId)
  );
  const dueDate = LocalDate.addDays(input.date, TRAINING_CYCLE_DAYS);
  const frameSha256 = canonicalFrameHash(frameLines);
  return deps.db.tx(async (tx) => {
    const { cycle, supervisionIds } = await createCycle(
      deps,
      ctx,
      tx,
      teams,
      {
        kind: "training_track",
        label: input.date,
        seed: input.seed,
        params: { date: input.date, perServer: input.perServer ?? DEFAULT_TASKS_PER_POINT },
        frameSha256,
        frameSize: frameLines.length,
        result: { servers: out },
        dueDate
      },
      selections.map((x) => ({
        task: tasks.get(x.id),
        origin: "training_track",
        criterion: x.criterion
      }))
    );
    return {
      cycleId: cycle.id,
      date: input.date,
      seed: input.seed,
      frameSha256,
      dueDate,
      supervisions: supervisionIds.length,
      servers: out
    };
  });
}
export {
  runTrainingTrack
};
