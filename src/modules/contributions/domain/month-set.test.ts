import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonthSet } from './month-set';

describe('MonthSet', () => {
  it('aceita meses em ordem e recusa repetidos', () => {
    const s = new MonthSet();
    for (let m = 10; m < 20; m++) expect(s.add(m)).toBe(true);
    expect(s.runCount).toBe(1);
    expect(s.add(15)).toBe(false);
    expect(s.add(10)).toBe(false);
    expect(s.add(19)).toBe(false);
  });

  it('funde lacunas preenchidas fora de ordem', () => {
    const s = new MonthSet();
    for (const m of [1, 2, 5, 6, 3]) expect(s.add(m)).toBe(true);
    expect(s.runCount).toBe(2);
    expect(s.add(4)).toBe(true);
    expect(s.runCount).toBe(1);
    expect(s.add(0)).toBe(true);
    expect(s.runCount).toBe(1);
  });

  it('equivale a um Set comum em qualquer ordem de inserção', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 200 }), (xs) => {
        const a = new MonthSet();
        const b = new Set<number>();
        for (const x of xs) {
          expect(a.add(x)).toBe(!b.has(x));
          b.add(x);
        }
        for (let m = 0; m <= 60; m++) expect(a.has(m)).toBe(b.has(m));
      }),
    );
  });
});
