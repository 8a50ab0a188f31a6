import { describe, expect, it } from 'vitest';
import { computeReferrals, type ReferralInput, referralReasons } from './referrals';

const sup = (
  serverId: string,
  outcome: ReferralInput['outcome'],
  origin: ReferralInput['origin'] = 'extraordinary',
  cycle = '2025-Q3',
) => ({
  serverId,
  outcome,
  origin,
  cycle,
});

describe('performance index (art. 13) and training referral (art. 14)', () => {
  it('I — index < 70% with ≥ 5 supervised: 3 full of 5 = 60% → referred; 7 of 10 = 70% → not', () => {
    expect(referralReasons(5, 3, 0)).toEqual(['performance_index_below_70']);
    expect(referralReasons(10, 7, 0)).toEqual([]);
    expect(referralReasons(4, 0, 2)).toEqual([]); // fewer than 5 supervised
  });
  it('II — 3 or more not ratified, whatever the number supervised', () => {
    expect(referralReasons(3, 0, 3)).toEqual(['not_ratified_3_or_more']);
    expect(referralReasons(20, 17, 3)).toEqual(['not_ratified_3_or_more']);
    expect(referralReasons(6, 2, 3)).toEqual(['performance_index_below_70', 'not_ratified_3_or_more']);
  });
  it('counts extraordinary and error-indication supervisions of the cycle; ignores random and pending', () => {
    const rows = [
      sup('S1', 'full_ratification'),
      sup('S1', 'full_ratification', 'error_indication'),
      sup('S1', 'not_ratified'),
      sup('S1', 'ratified_with_revision'),
      sup('S1', 'ratified_with_revision'),
      sup('S1', 'not_ratified', 'random'),
      sup('S1', null),
      sup('S1', 'not_ratified', 'extraordinary', '2025-Q2'),
    ];
    const [r] = computeReferrals(rows, '2025-Q3');
    // 2 full of 5 = 40%
    expect(r).toMatchObject({
      serverId: 'S1',
      supervised: 5,
      full: 2,
      performanceIndex: 40,
      notRatified: 1,
      reasons: ['performance_index_below_70'],
    });
    expect(r!.proposedRemoval).toBe(false);
  });
  it('referred again after an earlier referral → removal proposed (decision stays human); same-cycle rows ignored', () => {
    const rows = [
      sup('S1', 'not_ratified'),
      sup('S1', 'not_ratified'),
      sup('S1', 'not_ratified'),
      sup('S2', 'full_ratification'),
    ];
    const prev = new Map([
      ['S1', ['2025-Q1']],
      ['S2', ['2025-Q1']],
    ]);
    const out = computeReferrals(rows, '2025-Q3', prev);
    expect(out.map((s) => [s.serverId, s.reasons.length > 0, s.proposedRemoval])).toEqual([
      ['S1', true, true],
      ['S2', false, false],
    ]);
    expect(computeReferrals(rows, '2025-Q3', new Map([['S1', ['2025-Q3']]]))[0]!.proposedRemoval).toBe(false);
  });
});
