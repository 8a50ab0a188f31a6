import { describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorInput, percent, wilson } from './indicators';

const row = (outcome: IndicatorInput['outcome'], extra: Partial<IndicatorInput> = {}): IndicatorInput => ({
  origin: 'random',
  outcome,
  cycle: '2025-10',
  sr: 'SR1',
  gex: 'G1',
  serverId: 'S1',
  ...extra,
});

describe('quality indicators (art. 9)', () => {
  it('worked example: 7 full, 2 with revision, 1 not ratified → ICON 70, IDR 90, IPR 30, IDNR 10', () => {
    const rows = [
      ...Array.from({ length: 7 }, () => row('full_ratification')),
      row('ratified_with_revision'),
      row('ratified_with_revision'),
      row('not_ratified'),
    ];
    const [g] = computeIndicators(rows, 'all');
    expect(g).toMatchObject({
      key: 'all',
      total: 10,
      full: 7,
      revision: 2,
      notRatified: 1,
      icon: 70,
      idr: 90,
      ipr: 30,
      idnr: 10,
    });
    // Wilson 95% for 7/10: centre = (0.7 + 1.9208/10)/1.38416 = 0.64449; half = 1.41602·√(0.021 + 0.009604) = 0.24772
    expect(g!.ci95!.icon).toEqual({ low: 39.68, high: 89.22 });
  });
  it('§1: only random-sample supervisions with an outcome enter the base', () => {
    const rows = [
      row('full_ratification'),
      row('not_ratified', { origin: 'targeted' }),
      row('not_ratified', { origin: 'extraordinary' }),
      row('not_ratified', { origin: 'error_indication' }),
      row('not_ratified', { origin: 'training_track' }),
      row(null),
    ];
    expect(computeIndicators(rows, 'all')[0]).toMatchObject({ total: 1, icon: 100, idnr: 0 });
  });
  it('groups by SR, GEX, server and filters the cycle', () => {
    const rows = [
      row('full_ratification', { sr: 'SR2', gex: 'G9', serverId: 'S9' }),
      row('not_ratified'),
      row('full_ratification', { cycle: '2025-11' }),
    ];
    expect(computeIndicators(rows, 'sr', '2025-10').map((g) => [g.key, g.total, g.icon])).toEqual([
      ['SR1', 1, 0],
      ['SR2', 1, 100],
    ]);
    expect(computeIndicators(rows, 'gex').map((g) => g.key)).toEqual(['G1', 'G9']);
    expect(computeIndicators(rows, 'cycle').map((g) => [g.key, g.total])).toEqual([
      ['2025-10', 2],
      ['2025-11', 1],
    ]);
    expect(computeIndicators(rows, 'server').map((g) => [g.key, g.total])).toEqual([
      ['S1', 2],
      ['S9', 1],
    ]);
  });
  it('percentages rounded half-up to 2 decimals, exactly', () => {
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(1, 160)).toBe(0.63); // 0.625 → 0.63
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(0, 0)).toBeNull();
  });
  it('Wilson interval edges: 0/10 → [0, 27.75]; 10/10 → [72.25, 100]', () => {
    expect(wilson(0, 10)).toEqual({ low: 0, high: 27.75 });
    expect(wilson(10, 10)).toEqual({ low: 72.25, high: 100 });
  });
});
