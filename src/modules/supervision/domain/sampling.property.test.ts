import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawMonthlySample } from './random-sample';
import { statisticalSampleSize } from './sample-size';

describe('monthly sample (property, art. 7)', () => {
  const frame = fc.uniqueArray(
    fc.tuple(fc.constantFrom('SR1', 'SR2', 'SR3'), fc.string({ minLength: 1, maxLength: 6 })),
    {
      minLength: 1,
      maxLength: 300,
      selector: (t) => t[1],
    },
  );
  const group = (rows: [string, string][]) => {
    const m = new Map<string, string[]>();
    for (const [sr, id] of rows) m.set(sr, [...(m.get(sr) ?? []), id]);
    return m;
  };
  it('a subset of each SR frame, of the right size, without repetition, independent of the row order', () => {
    fc.assert(
      fc.property(frame, fc.integer({ min: 1, max: 50 }), fc.string(), (rows, size, seed) => {
        const a = drawMonthlySample(group(rows), '2025-10', { kind: 'fixed', size }, seed);
        const b = drawMonthlySample(group([...rows].reverse()), '2025-10', { kind: 'fixed', size }, seed);
        expect(b).toEqual(a);
        for (const s of a) {
          const pop = rows.filter((r) => r[0] === s.sr).map((r) => r[1]);
          expect(s.population).toBe(pop.length);
          expect(s.size).toBe(Math.min(size, pop.length));
          expect(new Set(s.taskIds).size).toBe(s.size);
          for (const id of s.taskIds) expect(pop).toContain(id);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('statistical size is monotone in N and never above N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), (n) => {
        const s = statisticalSampleSize(n);
        expect(s).toBeLessThanOrEqual(n);
        expect(s).toBeLessThanOrEqual(385);
        expect(statisticalSampleSize(n + 1)).toBeGreaterThanOrEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});
