import { describe, expect, it } from 'vitest';
import { sampleWithoutReplacement, Xoshiro128 } from './prng';

describe('xoshiro128** (documented audit PRNG)', () => {
  it('matches the reference algorithm: state (1,2,3,4) → 11520, 0, 5927040 (computed by hand)', () => {
    // 1st: rotl(2·5, 7)·9 = rotl(10,7)·9 = 1280·9 = 11520; after the update s1 = 2^2 = 0 → 2nd = 0;
    // 3rd: s1 = 1029 → rotl(5145, 7)·9 = 658560·9 = 5927040.
    const r = new Xoshiro128([1, 2, 3, 4]);
    expect([r.next(), r.next(), r.next()]).toEqual([11520, 0, 5927040]);
  });
  it('same seed and stream → same numbers; another seed or stream → different', () => {
    const a = Xoshiro128.fromSeed('s', 'x');
    const b = Xoshiro128.fromSeed('s', 'x');
    const c = Xoshiro128.fromSeed('t', 'x');
    const d = Xoshiro128.fromSeed('s', 'y');
    const seq = (r: Xoshiro128) => Array.from({ length: 8 }, () => r.next());
    const sa = seq(a);
    expect(seq(b)).toEqual(sa);
    expect(seq(c)).not.toEqual(sa);
    expect(seq(d)).not.toEqual(sa);
  });
  it('uniform() stays in range and is roughly uniform (chi-square, 10 cells, 50,000 draws)', () => {
    const r = Xoshiro128.fromSeed('uniform', 'test');
    const cells = new Array(10).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const v = r.uniform(10);
      expect(v >= 0 && v < 10).toBe(true);
      cells[v]++;
    }
    const chi = cells.reduce((s, o) => s + (o - 5000) ** 2 / 5000, 0);
    expect(chi).toBeLessThan(27.88); // p = 0.001 critical value, 9 degrees of freedom
  });
  it('sample without replacement: k distinct items of the frame; k ≥ N → census', () => {
    const frame = Array.from({ length: 100 }, (_, i) => `T${i}`);
    const s = sampleWithoutReplacement(frame, 30, Xoshiro128.fromSeed('k', 'k'));
    expect(s).toHaveLength(30);
    expect(new Set(s).size).toBe(30);
    for (const x of s) expect(frame).toContain(x);
    expect(sampleWithoutReplacement(frame, 500, Xoshiro128.fromSeed('k', 'k'))).toEqual(frame);
  });
  it('every item has the same inclusion probability k/N (1,000 draws of 2 out of 5)', () => {
    const frame = ['a', 'b', 'c', 'd', 'e'];
    const count: Record<string, number> = {};
    for (let i = 0; i < 2000; i++) {
      for (const x of sampleWithoutReplacement(frame, 2, Xoshiro128.fromSeed(String(i), 'p')))
        count[x] = (count[x] ?? 0) + 1;
    }
    for (const x of frame) expect(Math.abs(count[x]! - 800)).toBeLessThan(120); // expected 2000·2/5 = 800
  });
});
