import { percent } from './indicators';
import { compareIds } from './prng';
import type { Origin, Outcome } from './types';

/**
 * Performance index of the extraordinary queues (art. 13): replaces ICON and counts every
 * supervised process of the server, from the extraordinary-queue sample or from an indication of
 * administrative error: full / total over supervisions of origin extraordinary or error_indication.
 *
 * Training referral (art. 14): I — performance index < 70% with ≥ 5 supervised processes; or
 * II — ≥ 3 supervisions not ratified. Parágrafo único: a server referred more than once is removed
 * from the special programme for insufficient technical performance, with the right to
 * contraditório e ampla defesa — the platform only PROPOSES the removal; a person decides.
 */
export const PERFORMANCE_THRESHOLD_NUM = 7; // 70% = 7/10 (art. 14, I)
export const PERFORMANCE_THRESHOLD_DEN = 10;
export const MIN_SUPERVISED = 5; // art. 14, I
export const NOT_RATIFIED_THRESHOLD = 3; // art. 14, II

export type ReferralReason = 'performance_index_below_70' | 'not_ratified_3_or_more';

export const REFERRAL_REASON_LABEL: Record<ReferralReason, string> = {
  performance_index_below_70:
    'Índice de Performance inferior a 70% com 5 ou mais processos supervisionados (art. 14, I)',
  not_ratified_3_or_more: '3 ou mais supervisões com decisão não ratificada (art. 14, II)',
};

export interface ReferralInput {
  serverId: string;
  origin: Origin;
  outcome: Outcome | null;
  cycle: string;
}

export interface ServerReferral {
  serverId: string;
  supervised: number;
  full: number;
  performanceIndex: number | null;
  notRatified: number;
  reasons: ReferralReason[];
  /** Referred in this cycle and at least once before (art. 14 parágrafo único). */
  proposedRemoval: boolean;
  previousReferrals: string[];
}

/** Origins that count for the performance index (art. 13). */
export function countsForPerformance(origin: Origin): boolean {
  return origin === 'extraordinary' || origin === 'error_indication';
}

export function referralReasons(supervised: number, full: number, notRatified: number): ReferralReason[] {
  const reasons: ReferralReason[] = [];
  // full/supervised < 7/10  ⇔  10·full < 7·supervised (exact)
  if (
    supervised >= MIN_SUPERVISED &&
    PERFORMANCE_THRESHOLD_DEN * full < PERFORMANCE_THRESHOLD_NUM * supervised
  ) {
    reasons.push('performance_index_below_70');
  }
  if (notRatified >= NOT_RATIFIED_THRESHOLD) reasons.push('not_ratified_3_or_more');
  return reasons;
}

/**
 * @param previousReferrals server → cycles in which the server was referred before (rows of the
 *   same cycle are ignored, so re-running a cycle never proposes a removal by itself).
 */
export function computeReferrals(
  supervisions: Iterable<ReferralInput>,
  cycle: string,
  previousReferrals: ReadonlyMap<string, readonly string[]> = new Map(),
): ServerReferral[] {
  const by = new Map<string, { supervised: number; full: number; notRatified: number }>();
  for (const s of supervisions) {
    if (s.cycle !== cycle || s.outcome === null || !countsForPerformance(s.origin)) continue;
    let c = by.get(s.serverId);
    if (!c) {
      c = { supervised: 0, full: 0, notRatified: 0 };
      by.set(s.serverId, c);
    }
    c.supervised++;
    if (s.outcome === 'full_ratification') c.full++;
    else if (s.outcome === 'not_ratified') c.notRatified++;
  }
  return [...by.keys()].sort(compareIds).map((serverId) => {
    const c = by.get(serverId)!;
    const reasons = referralReasons(c.supervised, c.full, c.notRatified);
    const previous = (previousReferrals.get(serverId) ?? []).filter((p) => p !== cycle);
    return {
      serverId,
      supervised: c.supervised,
      full: c.full,
      performanceIndex: percent(c.full, c.supervised),
      notRatified: c.notRatified,
      reasons,
      proposedRemoval: reasons.length > 0 && previous.length > 0,
      previousReferrals: [...new Set(previous)].sort(compareIds),
    };
  });
}
