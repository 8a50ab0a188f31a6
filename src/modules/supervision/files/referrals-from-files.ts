import { readPreviousReferrals, readSupervisions } from '../csv/inputs';
import { computeReferrals, REFERRAL_REASON_LABEL, type ReferralInput } from '../domain/referrals';

/** `supervision referrals`: performance index (art. 13) and training referrals (art. 14). */
export async function referralsFromFiles(input: {
  supervisions: string;
  cycle: string;
  previousReferrals?: string;
}) {
  const rows: ReferralInput[] = [];
  await readSupervisions(input.supervisions, (s) => rows.push(s));
  const previous = input.previousReferrals ? await readPreviousReferrals(input.previousReferrals) : new Map();
  const servers = computeReferrals(rows, input.cycle, previous);
  return {
    cycle: input.cycle,
    servers: servers.map((s) => ({
      server_id: s.serverId,
      supervised: s.supervised,
      full: s.full,
      performance_index: s.performanceIndex,
      not_ratified: s.notRatified,
      reasons: s.reasons,
      reason_labels: s.reasons.map((r) => REFERRAL_REASON_LABEL[r]),
      referred: s.reasons.length > 0,
      previous_referrals: s.previousReferrals,
      proposed_removal: s.proposedRemoval,
      ...(s.proposedRemoval
        ? {
            removal_note:
              'Proposta de desligamento do programa especial (art. 14, parágrafo único): decisão da chefia, assegurados o contraditório e a ampla defesa.',
          }
        : {}),
    })),
  };
}
