import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { AUDIT_INSERT } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/roles';
import { type Coalescer, createCoalescer } from '../../platform/db/coalescer';
import { statement } from '../../platform/db/database';
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

/**
 * GET /staff/:id, the hot read of one staff record: the read, the scope check and the audit row
 * are one prepared statement, and concurrent reads share it (platform/db/coalescer.ts): one
 * round trip and one commit for a batch. The audit row is inserted for exactly the rows returned,
 * and commits before any of them leaves the server.
 */
const READ_STAFF = statement(
  'org_staff_read_audited',
  `WITH q AS (
     SELECT * FROM jsonb_to_recordset($1::jsonb)
              AS q(ord int, id uuid, scope text[], actor_id text, actor_role text, actor_unit_id text,
                   request_id text)),
   found AS (
     SELECT q.ord, $2::timestamptz AS at, q.actor_id, q.actor_role, q.actor_unit_id, q.request_id,
            s.id, s.registration, s.name, s.unit_id, s.roles, s.start_date, s.active
       FROM q JOIN org_staff s ON s.id = q.id
      WHERE q.scope IS NULL OR s.unit_id = ANY(q.scope)),
   audited AS (
     ${AUDIT_INSERT}
     SELECT at, actor_id, actor_role, actor_unit_id, 'read', 'staff', id::text, 'success', request_id, '{}'::jsonb FROM found)
   SELECT ord, id, registration, name, unit_id AS "unitId", roles, start_date AS "startDate", active FROM found`,
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What GET /staff/:id shows (no CPF). */
export type StaffView = Pick<
  StaffRow,
  'id' | 'registration' | 'name' | 'unitId' | 'roles' | 'startDate' | 'active'
>;

interface StaffRead {
  id: string;
  scope: string[] | null;
  ctx: Ctx;
}
const staffReaders = new WeakMap<object, Coalescer<StaffRead, StaffView | undefined>>();

function staffReader(deps: Deps): Coalescer<StaffRead, StaffView | undefined> {
  let c = staffReaders.get(deps.db);
  if (!c) {
    c = createCoalescer(
      async (reads: readonly StaffRead[]) => {
        // One instant for the batch (the audit rows' `at`): when its statement is sent, which is
        // when these reads happen — at most one event-loop turn after each was asked for.
        const at = deps.clock.now().toISOString();
        // The jsonb parameter, written directly (this runs for every read of the hot route): the
        // id passed the UUID check of getStaff, every other value goes through JSON.stringify.
        let q = '[';
        for (let i = 0; i < reads.length; i++) {
          const r = reads[i]!;
          const [actorId, actorRole, actorUnitId, requestId] = deps.audit.actorColumns(r.ctx);
          q +=
            `${i === 0 ? '' : ','}{"ord":${i + 1},"id":"${r.id}",` +
            `"scope":${r.scope === null ? 'null' : JSON.stringify(r.scope)},` +
            `"actor_id":${JSON.stringify(actorId)},"actor_role":${JSON.stringify(actorRole)},` +
            `"actor_unit_id":${JSON.stringify(actorUnitId)},"request_id":${JSON.stringify(requestId)}}`;
        }
        const { rows } = await deps.db.query<StaffView & { ord: number }>(READ_STAFF, [`${q}]`, at]);
        const out: (StaffView | undefined)[] = new Array(reads.length).fill(undefined);
        // The row keeps its `ord`: the route copies the view's fields, and the serializer sends only those.
        for (const row of rows) out[row.ord - 1] = row;
        return out;
      },
      { maxInFlight: 1 },
    );
    staffReaders.set(deps.db, c);
  }
  return c;
}

/**
 * One staff record, in the caller's scope (404 outside it). With a caller, the read is audited;
 * ctx null is for internal callers (no personal data leaves the server).
 */
export async function getStaff(deps: Deps, ctx: Ctx | null, id: string): Promise<StaffView> {
  if (!UUID.test(id)) throw notFound('Servidor');
  if (!ctx) {
    const [row] = await deps.db.orm.select().from(orgStaff).where(eq(orgStaff.id, id));
    if (!row) throw notFound('Servidor');
    return row;
  }
  const scope = await actorUnitScope(deps, ctx.actor);
  const row = await staffReader(deps).submit({ id, scope, ctx });
  if (!row) throw notFound('Servidor');
  return row;
}

/** Staff by ids, unscoped: for internal use by other modules' jobs (no personal data leaves the server). */
export async function findStaffByIds(deps: Pick<Deps, 'db'>, ids: string[]): Promise<StaffRow[]> {
  if (ids.length === 0) return [];
  return deps.db.orm.select().from(orgStaff).where(inArray(orgStaff.id, ids));
}
