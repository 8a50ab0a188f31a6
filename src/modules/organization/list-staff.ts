import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorUnitScope, subtreeUnitIds } from './directory';
import { orgStaff, type StaffRow } from './schema';

export interface ListStaffFilter {
  /** Only staff of this unit's subtree. */
  unitId?: string;
  role?: string;
  active?: boolean;
  /** Entered service on or after this date (new-servers training track). */
  startedFrom?: string;
  cursor?: string;
  limit?: number;
}

/**
 * Staff of the caller's scope (or of the whole tree when ctx is null: internal callers such as the
 * supervision module's sampling jobs). Reading names is a personal-data access: audited.
 */
export async function listStaff(deps: Deps, ctx: Ctx | null, f: ListStaffFilter = {}) {
  const limit = Math.min(f.limit ?? 50, 500);
  const conds: SQL[] = [];
  const scope = ctx ? await actorUnitScope(deps, ctx.actor) : null;
  if (scope !== null) conds.push(scope.length ? inArray(orgStaff.unitId, scope) : sql`false`);
  if (f.unitId) {
    const sub = await subtreeUnitIds(deps, f.unitId);
    conds.push(sub.length ? inArray(orgStaff.unitId, sub) : sql`false`);
  }
  if (f.role) conds.push(sql`${f.role} = ANY(${orgStaff.roles})`);
  if (f.active !== undefined) conds.push(eq(orgStaff.active, f.active));
  if (f.startedFrom) conds.push(sql`${orgStaff.startDate} >= ${f.startedFrom}`);
  if (f.cursor) conds.push(gt(orgStaff.registration, f.cursor));
  const run = async (exec: Deps['db']['orm'] | Parameters<Parameters<Deps['db']['tx']>[0]>[0]) => {
    const rows = await exec
      .select()
      .from(orgStaff)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(orgStaff.registration))
      .limit(limit + 1);
    if (ctx) {
      await deps.audit.record(exec, ctx, {
        action: 'read',
        resourceType: 'staff',
        resourceId: null,
        details: { count: Math.min(rows.length, limit), unitId: f.unitId ?? null, role: f.role ?? null },
      });
    }
    return rows;
  };
  const rows = ctx ? await deps.db.tx(run) : await run(deps.db.orm);
  const page = rows.slice(0, limit);
  return { items: page, nextCursor: rows.length > limit ? page[page.length - 1]!.registration : null };
}

export async function getStaff(deps: Deps, ctx: Ctx | null, id: string): Promise<StaffRow> {
  const scope = ctx ? await actorUnitScope(deps, ctx.actor) : null;
  const [row] = await deps.db.orm.select().from(orgStaff).where(eq(orgStaff.id, id));
  if (!row || (scope !== null && !scope.includes(row.unitId))) throw notFound('Servidor');
  // A read needs no transaction: the audit row is committed before the data leaves the server.
  if (ctx)
    await deps.audit.record(deps.db.orm, ctx, { action: 'read', resourceType: 'staff', resourceId: id });
  return row;
}

/** Staff by ids, unscoped: for internal use by other modules' jobs (no personal data leaves the server). */
export async function findStaffByIds(deps: Pick<Deps, 'db'>, ids: string[]): Promise<StaffRow[]> {
  if (ids.length === 0) return [];
  return deps.db.orm.select().from(orgStaff).where(inArray(orgStaff.id, ids));
}
