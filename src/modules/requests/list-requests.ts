import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { Cpf } from '../../platform/values/documents';
import { isStaff, scopeOf } from './access';
import { STATUSES } from './domain/lifecycle';
import { decodeCursor, encodeCursor } from './pagination';
import { clockOf, pgTextArray, type RequestRow, rows, today } from './store';
import { presentRequest } from './views';

export const listRequestsQuery = z.object({
  status: z.enum(STATUSES).optional(),
  species: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  unitId: z.string().max(40).optional(),
  channel: z.enum(['self_service', 'act_partner', 'call_centre', 'in_person']).optional(),
  protocol: z.string().max(20).optional(),
  cpf: z.string().max(14).optional().describe('Somente servidores'),
  sort: z.enum(['createdAt', '-createdAt']).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type ListRequestsQuery = z.input<typeof listRequestsQuery>;

/**
 * Requests the caller may see — a citizen only theirs (CPF), a partner only those its entity
 * filed, staff those of their unit subtree — with filters, keyset pagination and sorting.
 * Reading personal data is audited (one row per page, with the filters, never the CPF).
 */
export async function listRequests(deps: Deps, ctx: Ctx, raw: ListRequestsQuery) {
  const q = listRequestsQuery.parse(raw);
  const scope = await scopeOf(deps, ctx.actor);
  const where: SQL[] = [];
  if (scope.kind === 'citizen') where.push(sql`citizen_cpf = ${scope.cpf ?? '-'}`);
  else if (scope.kind === 'partner') where.push(sql`partner_entity_id = ${scope.partnerEntityId ?? '-'}`);
  else if (scope.unitIds !== null) where.push(sql`unit_id = ANY(${pgTextArray(scope.unitIds)}::text[])`);
  if (q.status) where.push(sql`status = ${q.status}`);
  if (q.species) where.push(sql`species = ${q.species}`);
  if (q.unitId) where.push(sql`unit_id = ${q.unitId}`);
  if (q.channel) where.push(sql`channel = ${q.channel}`);
  if (q.protocol) where.push(sql`protocol = ${q.protocol}`);
  if (q.cpf && scope.kind === 'units')
    where.push(sql`citizen_cpf = ${Cpf.isValid(q.cpf) ? Cpf.parse(q.cpf) : '-'}`);
  const cur = decodeCursor(q.cursor);
  const desc = q.sort === '-createdAt';
  if (cur)
    where.push(
      desc
        ? sql`(created_at, id) < (${cur.value}::timestamptz, ${cur.id}::uuid)`
        : sql`(created_at, id) > (${cur.value}::timestamptz, ${cur.id}::uuid)`,
    );
  const order = desc ? sql`ORDER BY created_at DESC, id DESC` : sql`ORDER BY created_at ASC, id ASC`;
  const whereSql = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const on = today(deps);
  return deps.db.tx(async (tx) => {
    const list = await rows<RequestRow>(
      tx,
      sql`SELECT * FROM req_requests ${whereSql} ${order} LIMIT ${q.limit + 1}`,
    );
    const page = list.slice(0, q.limit);
    const ids = page.map((r) => r.id);
    const clocks = ids.length
      ? await rows<{ request_id: string; kind: 'start' | 'pause' | 'resume' | 'stop'; on_date: string }>(
          tx,
          sql`SELECT request_id, kind, on_date FROM req_clock_events WHERE request_id = ANY(${pgTextArray(ids)}::uuid[]) ORDER BY id`,
        )
      : [];
    const byReq = new Map<string, { kind: 'start' | 'pause' | 'resume' | 'stop'; on: string }[]>();
    for (const c of clocks) {
      const l = byReq.get(c.request_id) ?? [];
      l.push({ kind: c.kind, on: c.on_date });
      byReq.set(c.request_id, l);
    }
    await deps.audit.record(tx, ctx, {
      action: 'read',
      resourceType: 'request',
      resourceId: null,
      details: {
        list: true,
        count: page.length,
        filters: { ...q, cpf: q.cpf ? 'informado' : undefined, cursor: undefined },
      },
    });
    const last = page.at(-1);
    return {
      items: page.map((r) =>
        presentRequest(r, clockOf(r, byReq.get(r.id) ?? [], on), { staff: isStaff(ctx.actor) }),
      ),
      nextCursor:
        list.length > q.limit && last ? encodeCursor(new Date(last.created_at).toISOString(), last.id) : null,
    };
  });
}
