import { readPreviousReferrals, readSupervisions } from "../csv/inputs.js";
import { computeReferrals, REFERRAL_REASON_LABEL } from "../domain/referrals.js";
async function referralsFromFiles(input) {
  const rows = [];
  await readSupervisions(input.supervisions, (s) => rows.push(s));
  const previous = input.previousReferrals ? await readPreviousReferrals(input.previousReferrals) : /* @__PURE__ */ new Map();
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
      ...s.proposedRemoval ? {
        removal_note: "Proposta de desligamento do programa especial (art. 14, par\xE1grafo \xFAnico): decis\xE3o da chefia, assegurados o contradit\xF3rio e a ampla defesa."
      } : {}
    }))
  };
}
export {
  referralsFromFiles
};
