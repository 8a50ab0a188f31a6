import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, notFound } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import { supReferrals } from './schema';
import { unitScope } from './store';

/**
 * Right of defence for a removal proposal (art. 14 parágrafo único: "assegurados o contraditório e
 * a ampla defesa", Portaria PRES/INSS 1.839/2025 Anexo I Seção 5.5): notify the server, record the
 * defence, then a person decides (removed or kept) with reasons. The state machine below is the
 * only path; a decision without prior notice is refused.
 */
export const REFERRAL_ACTIONS = {
  referred: [],
  removal_proposed: ['notify_defence'],
  defence_notified: ['record_defence', 'decide'],
  decided: [],
} as const satisfies Record<string, readonly ('notify_defence' | 'record_defence' | 'decide')[]>;

export type ReferralAction =
  | { action: 'notify_defence' }
  | { action: 'record_defence'; defence: string }
  | { action: 'decide'; decision: 'removed' | 'kept'; reason: string };

export async function recordReferralDecision(deps: Deps, ctx: Ctx, id: string, input: ReferralAction) {
  const scope = await unitScope(deps, ctx);
  return deps.db.tx(async (tx) => {
    const [r] = await tx.select().from(supReferrals).where(eq(supReferrals.id, id)).for('update');
    if (!r || (scope !== null && (r.unitId === null || !scope.includes(r.unitId))))
      throw notFound('Encaminhamento');
    const allowed: readonly string[] = REFERRAL_ACTIONS[r.status];
    if (!allowed.includes(input.action)) throw actionNotAllowed(input.action, r.status, allowed);
    const today = LocalDate.today(deps.clock.now());
    const set =
      input.action === 'notify_defence'
        ? { status: 'defence_notified' as const, defenceNotifiedAt: today }
        : input.action === 'record_defence'
          ? { defenceText: input.defence, defenceReceivedAt: today }
          : {
              status: 'decided' as const,
              decision: input.decision,
              decisionReason: input.reason,
              decidedBy: ctx.actor.staffId ?? ctx.actor.accountId,
              decidedAt: today,
            };
    const [updated] = await tx.update(supReferrals).set(set).where(eq(supReferrals.id, id)).returning();
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'supervision_referral',
      resourceId: id,
      details: { action: input.action },
    });
    return updated!;
  });
}
