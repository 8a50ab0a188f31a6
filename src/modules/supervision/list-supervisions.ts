import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { criteriaFor } from './domain/checklist';
import type { Origin } from './domain/types';
import { type SupervisionRow, supSupervisions } from './schema';
import { currentChecklist, unitScope } from './store';

export interface ListSupervisionsFilter {
  status?: 'pending' | 'concluded';
  origin?: Origin;
  cycle?: string;
  assignedToMe?: boolean;
  cursor?: string;
  limit?: number;
}

/** Supervisions of the caller's unit subtree, cursor-paginated by id; audited (they name servers and protocols). */
export async function listSupervisions(deps: Deps, ctx: Ctx, f: ListSupervisionsFilter) {
  const limit = Math.min(f.limit ?? 50, 500);
  const scope = await unitScope(deps, ctx);
  const conds: SQL[] = [];
  if (scope !== null) conds.push(scope.length ? inArray(supSupervisions.unitId, scope) : sql`false`);
  if (f.status) conds.push(eq(supSupervisions.status, f.status));
  if (f.origin) conds.push(eq(supSupervisions.origin, f.origin));
  if (f.cycle) conds.push(eq(supSupervisions.cycleLabel, f.cycle));
  if (f.assignedToMe)
    conds.push(ctx.actor.staffId ? eq(supSupervisions.assignedTo, ctx.actor.staffId) : sql`false`);
  if (f.cursor) conds.push(gt(supSupervisions.id, f.cursor));
  return deps.db.tx(async (tx) => {
    const rows = await tx
      .select()
      .from(supSupervisions)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(supSupervisions.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    await deps.audit.record(tx, ctx, {
      action: 'read',
      resourceType: 'supervision',
      resourceId: null,
      details: {
        count: page.length,
        status: f.status ?? null,
        origin: f.origin ?? null,
        cycle: f.cycle ?? null,
      },
    });
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
  });
}

/** One supervision with the checklist criteria of its species (art. 5). */
export async function getSupervision(deps: Deps, ctx: Ctx, id: string) {
  const scope = await unitScope(deps, ctx);
  return deps.db.tx(async (tx) => {
    const [row] = await tx.select().from(supSupervisions).where(eq(supSupervisions.id, id));
    if (!row || (scope !== null && !scope.includes(row.unitId))) throw notFound('Supervisão');
    await deps.audit.record(tx, ctx, { action: 'read', resourceType: 'supervision', resourceId: id });
    const checklist = await currentChecklist(tx);
    return { ...row, criteria: criteriaFor(checklist, row.species) } as SupervisionRow & {
      criteria: ReturnType<typeof criteriaFor>;
    };
  });
}
