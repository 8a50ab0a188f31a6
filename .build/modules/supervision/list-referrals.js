import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { supReferrals } from "./schema.js";
import { unitScope } from "./store.js";
async function listReferrals(deps, ctx, f) {
  const limit = Math.min(f.limit ?? 50, 500);
  const scope = await unitScope(deps, ctx);
  const conds = [];
  if (scope !== null) conds.push(scope.length ? inArray(supReferrals.unitId, scope) : sql`false`);
  if (f.cycle) conds.push(eq(supReferrals.cycle, f.cycle));
  if (f.cursor) conds.push(gt(supReferrals.id, f.cursor));
  return deps.db.tx(async (tx) => {
    const rows = await tx.select().from(supReferrals).where(conds.length ? and(...conds) : void 0).orderBy(asc(supReferrals.id)).limit(limit + 1);
    const page = rows.slice(0, limit);
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "supervision_referral",
      resourceId: null,
      details: { count: page.length }
    });
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  });
}
export {
  listReferrals
};
