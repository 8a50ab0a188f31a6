import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { notFound } from "../../platform/errors.js";
import { criteriaFor } from "./domain/checklist.js";
import { supSupervisions } from "./schema.js";
import { currentChecklist, unitScope } from "./store.js";
async function listSupervisions(deps, ctx, f) {
  const limit = Math.min(f.limit ?? 50, 500);
  const scope = await unitScope(deps, ctx);
  const conds = [];
  if (scope !== null) conds.push(scope.length ? inArray(supSupervisions.unitId, scope) : sql`false`);
  if (f.status) conds.push(eq(supSupervisions.status, f.status));
  if (f.origin) conds.push(eq(supSupervisions.origin, f.origin));
  if (f.cycle) conds.push(eq(supSupervisions.cycleLabel, f.cycle));
  if (f.assignedToMe)
    conds.push(ctx.actor.staffId ? eq(supSupervisions.assignedTo, ctx.actor.staffId) : sql`false`);
  if (f.cursor) conds.push(gt(supSupervisions.id, f.cursor));
  return deps.db.tx(async (tx) => {
    const rows = await tx.select().from(supSupervisions).where(conds.length ? and(...conds) : void 0).orderBy(asc(supSupervisions.id)).limit(limit + 1);
    const page = rows.slice(0, limit);
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "supervision",
      resourceId: null,
      details: {
        count: page.length,
        status: f.status ?? null,
        origin: f.origin ?? null,
        cycle: f.cycle ?? null
      }
    });
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  });
}
async function getSupervision(deps, ctx, id) {
  const scope = await unitScope(deps, ctx);
  return deps.db.tx(async (tx) => {
    const [row] = await tx.select().from(supSupervisions).where(eq(supSupervisions.id, id));
    if (!row || scope !== null && !scope.includes(row.unitId)) throw notFound("Supervis\xE3o");
    await deps.audit.record(tx, ctx, { action: "read", resourceType: "supervision", resourceId: id });
    const checklist = await currentChecklist(tx);
    return { ...row, criteria: criteriaFor(checklist, row.species) };
  });
}
export {
  getSupervision,
  listSupervisions
};
