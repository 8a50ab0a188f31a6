import { describe, expect, it } from 'vitest';
import { eligibleQueues, isEligibilityEmpty } from './queues';

describe('queue eligibility', () => {
  it('a whole-queue grant is one unit range; a species grant is a key unless its whole queue is granted', () => {
    expect(
      eligibleQueues([
        { queue: 'regular', unitId: 'APS1A', species: null },
        { queue: 'regular', unitId: 'APS1A', species: '41' }, // covered by the whole queue
        { queue: 'extraordinary', unitId: 'CEAB1', species: '41' },
        { queue: 'extraordinary', unitId: 'CEAB1', species: '21' },
        { queue: 'training', unitId: 'APS1B', species: null },
        { queue: 'regular', unitId: 'APS1A', species: null }, // repeated
      ]),
    ).toEqual({
      units: [
        { queue: 'regular', unitId: 'APS1A' },
        { queue: 'training', unitId: 'APS1B' },
      ],
      keys: ['extraordinary:CEAB1:21', 'extraordinary:CEAB1:41'],
    });
  });

  it('no grants, nothing to take', () => {
    expect(isEligibilityEmpty(eligibleQueues([]))).toBe(true);
  });
});
