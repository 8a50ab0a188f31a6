import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { conflict, forbidden } from "../../platform/errors.js";
import { actorUnitScope } from "../organization/directory.js";
import checklistDefault from "./data/checklist-default.json" with { type: "json" };
import { pickSupervisor } from "./domain/assignment.js";
import { compareIds, sha256Hex } from "./domain/prng.js";
import { ORIGIN_LABEL } from "./domain/types.js";
import {
  supChecklists,
  supCycles,
  supFrameTasks,
  supSupervisions
} from "./schema.js";
async function requireNationalScope(deps, ctx) {
  if (await actorUnitScope(deps, ctx.actor) !== null) {
    throw forbidden("A sele\xE7\xE3o das amostras \xE9 feita pela Dirben: requer escopo nacional.");
  }
}
async function unitScope(deps, ctx) {
  return actorUnitScope(deps, ctx.actor);
}
function canonicalFrameHash(lines) {
  lines.sort(compareIds);
  return sha256Hex(lines.length ? `${lines.join("\n")}
` : "");
}
async function loadFrameTasks(exec, taskIds) {
  const out = /* @__PURE__ */ new Map();
  for (let i = 0; i < taskIds.length; i += 5e3) {
    const rows = await exec.select().from(supFrameTasks).where(inArray(supFrameTasks.taskId, taskIds.slice(i, i + 5e3)));
    for (const r of rows) out.set(r.taskId, r);
  }
  return out;
}
async function createCycle(deps, ctx, tx, teams, cycle, selections, opts = {}) {
  const id = randomUUID();
  const inserted = await tx.insert(supCycles).values({ id, ...cycle, createdBy: ctx.actor.accountId }).onConflictDoNothing({ target: [supCycles.kind, supCycles.label] }).returning();
  let row = inserted[0];
  if (!row) {
    if (!opts.reuseExisting)
      throw conflict(
        `J\xE1 existe o ciclo "${cycle.label}" (${cycle.kind}): a amostra n\xE3o \xE9 sorteada duas vezes.`
      );
    [row] = await tx.select().from(supCycles).where(and(eq(supCycles.kind, cycle.kind), eq(supCycles.label, cycle.label)));
  }
  const c = row;
  const load = /* @__PURE__ */ new Map();
  const loaded = /* @__PURE__ */ new Set();
  const values = [];
  for (const s of selections) {
    const team = teams.get(s.task.unitId) ?? [];
    const unknown = team.filter((t) => !loaded.has(t));
    if (unknown.length) {
      const counts = await tx.select({ a: supSupervisions.assignedTo, n: sql`count(*)::int` }).from(supSupervisions).where(and(inArray(supSupervisions.assignedTo, unknown), eq(supSupervisions.status, "pending"))).groupBy(supSupervisions.assignedTo);
      for (const r of counts) load.set(r.a, r.n);
      for (const t of unknown) loaded.add(t);
    }
    values.push({
      id: randomUUID(),
      cycleId: c.id,
      cycleLabel: c.label,
      taskId: s.task.taskId,
      requestId: s.task.requestId,
      protocol: s.task.protocol,
      unitId: s.task.unitId,
      srCode: s.task.srCode,
      gexCode: s.task.gexCode,
      serverId: s.task.serverId,
      species: s.task.species,
      serviceCode: s.task.serviceCode,
      system: s.task.system,
      origin: s.origin,
      originLabel: ORIGIN_LABEL[s.origin],
      criterion: s.criterion ?? null,
      assignedTo: pickSupervisor(team, s.task.serverId, load),
      dueDate: c.dueDate,
      status: "pending",
      nonconformities: []
    });
  }
  const ids = [];
  for (let i = 0; i < values.length; i += 1e3) {
    const chunk = values.slice(i, i + 1e3);
    const r = await tx.insert(supSupervisions).values(chunk).onConflictDoNothing({ target: [supSupervisions.cycleId, supSupervisions.taskId] }).returning({ id: supSupervisions.id });
    ids.push(...r.map((x) => x.id));
  }
  await deps.audit.record(tx, ctx, {
    action: "create",
    resourceType: "supervision_cycle",
    resourceId: c.id,
    details: { kind: c.kind, label: c.label, supervisions: ids.length, frameSha256: c.frameSha256 }
  });
  return { cycle: c, supervisionIds: ids };
}
async function resolveTeams(staff, unitIds) {
  const out = /* @__PURE__ */ new Map();
  for (const u of new Set(unitIds)) out.set(u, await staff.supervisorTeamOf(u));
  return out;
}
async function currentChecklist(exec) {
  const [row] = await exec.select().from(supChecklists).orderBy(sql`${supChecklists.version} DESC`).limit(1);
  if (row) return row.config;
  return checklistDefault;
}
export {
  canonicalFrameHash,
  createCycle,
  currentChecklist,
  loadFrameTasks,
  requireNationalScope,
  resolveTeams,
  unitScope
};
