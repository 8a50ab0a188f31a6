import { and, eq, inArray, sql } from "drizzle-orm";
import { computeIndicators } from "./domain/indicators.js";
import { AUTOMATIC_LABEL, NO_GEX_LABEL, NO_SR_LABEL } from "./domain/types.js";
import { supSupervisions } from "./schema.js";
import { unitScope } from "./store.js";
async function getIndicators(deps, ctx, input) {
  const scope = await unitScope(deps, ctx);
  const conds = [eq(supSupervisions.origin, "random"), eq(supSupervisions.status, "concluded")];
  if (scope !== null) conds.push(scope.length ? inArray(supSupervisions.unitId, scope) : sql`false`);
  if (input.cycle) conds.push(eq(supSupervisions.cycleLabel, input.cycle));
  const rows = await deps.db.orm.select({
    cycle: supSupervisions.cycleLabel,
    sr: supSupervisions.srCode,
    gex: supSupervisions.gexCode,
    serverId: supSupervisions.serverId,
    outcome: supSupervisions.outcome,
    n: sql`count(*)::int`
  }).from(supSupervisions).where(and(...conds)).groupBy(
    supSupervisions.cycleLabel,
    supSupervisions.srCode,
    supSupervisions.gexCode,
    supSupervisions.serverId,
    supSupervisions.outcome
  );
  function* expand() {
    for (const r of rows) {
      for (let i = 0; i < r.n; i++)
        yield {
          origin: "random",
          outcome: r.outcome,
          cycle: r.cycle,
          sr: r.sr ?? NO_SR_LABEL,
          gex: r.gex ?? NO_GEX_LABEL,
          serverId: r.serverId ?? AUTOMATIC_LABEL
        };
    }
  }
  return {
    cycle: input.cycle ?? null,
    by: input.by,
    groups: computeIndicators(expand(), input.by, input.cycle)
  };
}
export {
  getIndicators
};
