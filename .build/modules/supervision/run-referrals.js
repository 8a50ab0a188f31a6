import { randomUUID } from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import { computeReferrals } from "./domain/referrals.js";
import { supReferrals, supSupervisions } from "./schema.js";
import { requireNationalScope } from "./store.js";
async function runReferrals(deps, ctx, input) {
  await requireNationalScope(deps, ctx);
  return deps.db.tx(async (tx) => {
    const rows = await tx.select({
      serverId: supSupervisions.serverId,
      unitId: supSupervisions.unitId,
      origin: supSupervisions.origin,
      outcome: supSupervisions.outcome,
      cycle: supSupervisions.cycleLabel
    }).from(supSupervisions).where(
      and(
        eq(supSupervisions.cycleLabel, input.cycle),
        inArray(supSupervisions.origin, ["extraordinary", "error_indication"])
      )
    );
    const byServer = rows.filter((r) => r.serverId !== null);
    const unitOf = new Map(byServer.map((r) => [r.serverId, r.unitId]));
    const servers = [...unitOf.keys()];
    const previous = /* @__PURE__ */ new Map();
    if (servers.length) {
      const prev = await tx.select({ serverId: supReferrals.serverId, cycle: supReferrals.cycle }).from(supReferrals).where(and(inArray(supReferrals.serverId, servers), ne(supReferrals.cycle, input.cycle)));
      for (const p of prev) previous.set(p.serverId, [...previous.get(p.serverId) ?? [], p.cycle]);
    }
    const result = computeReferrals(byServer, input.cycle, previous);
    for (const r of result) {
      if (r.reasons.length === 0) continue;
      const values = {
        serverId: r.serverId,
        unitId: unitOf.get(r.serverId) ?? null,
        cycle: input.cycle,
        supervised: r.supervised,
        fullCount: r.full,
        performanceIndex: r.performanceIndex === null ? null : r.performanceIndex.toFixed(2),
        notRatified: r.notRatified,
        reasons: r.reasons,
        proposedRemoval: r.proposedRemoval
      };
      await tx.insert(supReferrals).values({ id: randomUUID(), ...values, status: r.proposedRemoval ? "removal_proposed" : "referred" }).onConflictDoUpdate({ target: [supReferrals.serverId, supReferrals.cycle], set: values });
    }
    await deps.audit.record(tx, ctx, {
      action: "create",
      resourceType: "supervision_referrals",
      resourceId: input.cycle,
      details: { servers: result.length, referred: result.filter((r) => r.reasons.length > 0).length }
    });
    return { cycle: input.cycle, servers: result };
  });
}
export {
  runReferrals
};
