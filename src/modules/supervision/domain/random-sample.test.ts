import { describe, expect, it } from 'vitest';
import { drawMonthlySample, targetedSelection } from './random-sample';

function frame() {
  return new Map([
    ['SR2', Array.from({ length: 40 }, (_, i) => `B${String(i).padStart(3, '0')}`)],
    ['SR1', Array.from({ length: 1000 }, (_, i) => `A${String(i).padStart(4, '0')}`)],
  ]);
}

describe('monthly random sample per SR (art. 7)', () => {
  it('fixed size per SR; all tasks when the SR has fewer', () => {
    const s = drawMonthlySample(frame(), '2025-10', { kind: 'fixed', size: 50 }, 'seed-1');
    expect(s.map((x) => [x.sr, x.population, x.size])).toEqual([
      ['SR1', 1000, 50],
      ['SR2', 40, 40],
    ]);
    expect(new Set(s[0]!.taskIds).size).toBe(50);
  });
  it('statistical size (95%, 5%, p = 0.5): N = 1000 → 278; N = 40 → 384.16/(1+383.16/40) = 36.4 → 37', () => {
    const s = drawMonthlySample(
      frame(),
      '2025-10',
      { kind: 'statistical', confidence: 0.95, margin: 0.05, expected: 0.5 },
      'x',
    );
    expect(s.map((x) => x.size)).toEqual([278, 37]);
  });
  it('reproducible: same frame (in any order), parameters and seed → same selection; other seed → other', () => {
    const a = drawMonthlySample(frame(), '2025-10', { kind: 'fixed', size: 20 }, 'seed-1');
    const shuffled = frame();
    shuffled.get('SR1')!.reverse();
    const b = drawMonthlySample(shuffled, '2025-10', { kind: 'fixed', size: 20 }, 'seed-1');
    const c = drawMonthlySample(frame(), '2025-10', { kind: 'fixed', size: 20 }, 'seed-2');
    expect(b).toEqual(a);
    expect(c[0]!.taskIds).not.toEqual(a[0]!.taskIds);
  });
  it('targeted selections need a criterion (art. 8)', () => {
    expect(() => targetedSelection(['T1'], '')).toThrow(/critério/);
    expect(targetedSelection(['T2', 'T1', 'T2'], 'Desvio de padrão de concessões na APS X')).toMatchObject({
      taskIds: ['T1', 'T2'],
      origin: 'targeted',
    });
  });
});
