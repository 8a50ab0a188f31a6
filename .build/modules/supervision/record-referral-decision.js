import { eq } from "drizzle-orm";
import { actionNotAllowed, notFound } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { supReferrals } from "./schema.js";
import { unitScope } from "./store.js";
const REFERRAL_ACTIONS = {
  referred: [],
  removal_proposed: ["notify_defence"],
  defence_notified: ["record_defence", "decide"],
  decided: []
};
async function recordReferralDecision(deps, ctx, id, input) {
  const scope = await unitScope(deps, ctx);
  return deps.db.tx(async (tx) => {
    const [r] = await tx.select().from(supReferrals).where(eq(supReferrals.id, id)).for("update");
    if (!r || scope !== null && (r.unitId === null || !scope.includes(r.unitId)))
      throw notFound("Encaminhamento");
    const allowed = REFERRAL_ACTIONS[r.status];
    if (!allowed.includes(input.action)) throw actionNotAllowed(input.action, r.status, allowed);
    const today = LocalDate.today(deps.clock.now());
    const set = input.action === "notify_defence" ? { status: "defence_notified", defenceNotifiedAt: today } : input.action === "record_defence" ? { defenceText: input.defence, defenceReceivedAt: today } : {
      status: "decided",
      decision: input.decision,
      decisionReason: input.reason,
      decidedBy: ctx.actor.staffId ?? ctx.actor.accountId,
      decidedAt: today
    };
    const [updated] = await tx.update(supReferrals).set(set).where(eq(supReferrals.id, id)).returning();
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "supervision_referral",
      resourceId: id,
      details: { action: input.action }
    });
    return updated;
  });
}
export {
  REFERRAL_ACTIONS,
  recordReferralDecision
};
