import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { computeIndicators, type GroupBy } from './domain/indicators';
import { AUTOMATIC_LABEL, NO_GEX_LABEL, NO_SR_LABEL } from './domain/types';
import { supSupervisions } from './schema';
import { unitScope } from './store';

/**
 * Indicators ICON, IDR, IPR, IDNR (art. 9) over the random-sample supervisions (§1) of the caller's
 * scope, by SR, GEX or server, for one cycle or all. Aggregated in SQL (counts only), computed by
 * the same pure function as the CLI.
 */
export async function getIndicators(deps: Deps, ctx: Ctx, input: { cycle?: string; by: GroupBy }) {
  const scope = await unitScope(deps, ctx);
  const conds: SQL[] = [eq(supSupervisions.origin, 'random'), eq(supSupervisions.status, 'concluded')];
  if (scope !== null) conds.push(scope.length ? inArray(supSupervisions.unitId, scope) : sql`false`);
  if (input.cycle) conds.push(eq(supSupervisions.cycleLabel, input.cycle));
  const rows = await deps.db.orm
    .select({
      cycle: supSupervisions.cycleLabel,
      sr: supSupervisions.srCode,
      gex: supSupervisions.gexCode,
      serverId: supSupervisions.serverId,
      outcome: supSupervisions.outcome,
      n: sql<number>`count(*)::int`,
    })
    .from(supSupervisions)
    .where(and(...conds))
    .groupBy(
      supSupervisions.cycleLabel,
      supSupervisions.srCode,
      supSupervisions.gexCode,
      supSupervisions.serverId,
      supSupervisions.outcome,
    );
  // Expand the grouped counts lazily for the pure function.
  function* expand() {
    for (const r of rows) {
      for (let i = 0; i < r.n; i++)
        yield {
          origin: 'random' as const,
          outcome: r.outcome,
          cycle: r.cycle,
          sr: r.sr ?? NO_SR_LABEL,
          gex: r.gex ?? NO_GEX_LABEL,
          serverId: r.serverId ?? AUTOMATIC_LABEL,
        };
    }
  }
  return {
    cycle: input.cycle ?? null,
    by: input.by,
    groups: computeIndicators(expand(), input.by, input.cycle),
  };
}
