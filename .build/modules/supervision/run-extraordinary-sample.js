import { and, eq, gte, inArray, isNotNull, lte } from "drizzle-orm";
import { LocalDate } from "../../platform/values/dates.js";
import {
  drawExtraordinarySample,
  EXTRAORDINARY_CYCLE_DAYS,
  summariseHistory
} from "./domain/extraordinary.js";
import { quarterRange } from "./domain/periods.js";
import { supFrameTasks, supSupervisions } from "./schema.js";
import { canonicalFrameHash, createCycle, loadFrameTasks, requireNationalScope, resolveTeams } from "./store.js";
async function runExtraordinarySample(deps, ctx, staff, input) {
  await requireNationalScope(deps, ctx);
  const { start, end } = quarterRange(input.quarter);
  const tx0 = deps.db.orm;
  const rows = await tx0.select({
    taskId: supFrameTasks.taskId,
    serverId: supFrameTasks.serverId,
    decision: supFrameTasks.decision,
    inScope: supFrameTasks.inScope
  }).from(supFrameTasks).where(
    and(
      eq(supFrameTasks.queue, "extraordinary"),
      // strata are professionals (art. 11 §1): automatic conclusions have none
      isNotNull(supFrameTasks.serverId),
      gte(supFrameTasks.concludedAt, start),
      lte(supFrameTasks.concludedAt, end)
    )
  );
  const serverIds = [...new Set(rows.map((r) => r.serverId))];
  const history = [];
  for (let i = 0; i < serverIds.length; i += 5e3) {
    history.push(
      ...await tx0.select({
        supervisionId: supSupervisions.id,
        taskId: supSupervisions.taskId,
        serverId: supSupervisions.serverId,
        sr: supSupervisions.srCode,
        gex: supSupervisions.gexCode,
        origin: supSupervisions.origin,
        cycle: supSupervisions.cycleLabel,
        concludedAt: supSupervisions.concludedAt,
        outcome: supSupervisions.outcome
      }).from(supSupervisions).where(inArray(supSupervisions.serverId, serverIds.slice(i, i + 5e3)))
    );
  }
  const facts = summariseHistory(
    history.map((h) => ({ ...h, serverId: h.serverId, sr: h.sr ?? "", gex: h.gex ?? "" })),
    start
  );
  const profs = /* @__PURE__ */ new Map();
  for (const r0 of rows) {
    const r = { ...r0, serverId: r0.serverId };
    let p = profs.get(r.serverId);
    if (!p) {
      const h = facts.get(r.serverId);
      p = {
        serverId: r.serverId,
        production: 0,
        denied: 0,
        granted: 0,
        candidates: [],
        revisionsIdentified: h?.revisionsIdentified ?? 0,
        neverSupervised: !(h?.supervisedInEarlierExtraordinaryCycle ?? false)
      };
      profs.set(r.serverId, p);
    }
    p.production++;
    if (r.decision === "denied") p.denied++;
    else if (r.decision === "granted") p.granted++;
    if (r.inScope) p.candidates.push(r.taskId);
  }
  const { reference, servers } = drawExtraordinarySample([...profs.values()], input.quarter, input.seed);
  const frameSha256 = canonicalFrameHash(rows.map((r) => `${r.serverId},${r.taskId}`));
  const selected = servers.flatMap((s) => s.taskIds);
  const tasks = await loadFrameTasks(tx0, selected);
  const teams = await resolveTeams(
    staff,
    [...tasks.values()].map((t) => t.unitId)
  );
  const dueDate = LocalDate.addDays(LocalDate.today(deps.clock.now()), EXTRAORDINARY_CYCLE_DAYS);
  const { productionSumSq: _sq, ...ref } = reference;
  const result = { reference: ref, servers };
  return deps.db.tx(async (tx) => {
    const { cycle, supervisionIds } = await createCycle(
      deps,
      ctx,
      tx,
      teams,
      {
        kind: "extraordinary",
        label: input.quarter,
        seed: input.seed,
        params: { quarter: input.quarter },
        frameSha256,
        frameSize: rows.length,
        result,
        dueDate
      },
      selected.map((id) => ({ task: tasks.get(id), origin: "extraordinary" }))
    );
    return {
      cycleId: cycle.id,
      quarter: input.quarter,
      seed: input.seed,
      frameSha256,
      dueDate,
      supervisions: supervisionIds.length,
      ...result
    };
  });
}
export {
  runExtraordinarySample
};
