import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { notFound } from "../../platform/errors.js";
import { actorUnitScope, subtreeUnitIds } from "./directory.js";
import { orgStaff } from "./schema.js";
async function listStaff(deps, ctx, f = {}) {
  const limit = Math.min(f.limit ?? 50, 500);
  const conds = [];
  const scope = ctx ? await actorUnitScope(deps, ctx.actor) : null;
  if (scope !== null) conds.push(scope.length ? inArray(orgStaff.unitId, scope) : sql`false`);
  if (f.unitId) {
    const sub = await subtreeUnitIds(deps, f.unitId);
    conds.push(sub.length ? inArray(orgStaff.unitId, sub) : sql`false`);
  }
  if (f.role) conds.push(sql`${f.role} = ANY(${orgStaff.roles})`);
  if (f.active !== void 0) conds.push(eq(orgStaff.active, f.active));
  if (f.startedFrom) conds.push(sql`${orgStaff.startDate} >= ${f.startedFrom}`);
  if (f.cursor) conds.push(gt(orgStaff.registration, f.cursor));
  const run = async (exec) => {
    const rows2 = await exec.select().from(orgStaff).where(conds.length ? and(...conds) : void 0).orderBy(asc(orgStaff.registration)).limit(limit + 1);
    if (ctx) {
      await deps.audit.record(exec, ctx, {
        action: "read",
        resourceType: "staff",
        resourceId: null,
        details: { count: Math.min(rows2.length, limit), unitId: f.unitId ?? null, role: f.role ?? null }
      });
    }
    return rows2;
  };
  const rows = ctx ? await deps.db.tx(run) : await run(deps.db.orm);
  const page = rows.slice(0, limit);
  return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].registration : null };
}
async function getStaff(deps, ctx, id) {
  const scope = ctx ? await actorUnitScope(deps, ctx.actor) : null;
  const [row] = await deps.db.orm.select().from(orgStaff).where(eq(orgStaff.id, id));
  if (!row || scope !== null && !scope.includes(row.unitId)) throw notFound("Servidor");
  if (ctx)
    await deps.audit.record(deps.db.orm, ctx, { action: "read", resourceType: "staff", resourceId: id });
  return row;
}
async function findStaffByIds(deps, ids) {
  if (ids.length === 0) return [];
  return deps.db.orm.select().from(orgStaff).where(inArray(orgStaff.id, ids));
}
export {
  findStaffByIds,
  getStaff,
  listStaff
};
