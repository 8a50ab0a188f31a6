import { describe, expect, it } from 'vitest';
import { Competence } from '../../../platform/values/competence';
import { countTime, insuredStatus } from './time';

const m = (c: string) => Competence.index(c as Competence);
const emp = (start: string, end: string | null) => ({ start, end, category: 'employee' as const });

describe('contribution time (Lei 8.213 art. 55, inclusive day counting)', () => {
  it('01/01/2000 to 31/12/2000 is exactly one year', () => {
    expect(countTime([emp('2000-01-01', '2000-12-31')], '2030-01-01', []).time).toEqual({
      years: 1,
      months: 0,
      days: 0,
    });
  });

  it('counts concurrent periods once and sums disjoint ones with 30-day months', () => {
    const t = countTime(
      [emp('2000-01-01', '2000-06-30'), emp('2000-03-01', '2000-12-31'), emp('2001-02-10', '2001-02-24')],
      '2030-01-01',
      [],
    );
    expect(t.time).toEqual({ years: 1, months: 0, days: 15 });
    expect(t.qualifyingMonths).toBe(13);
  });

  it('the issue example: 01/03/1986–31/05/2025 is 39 years and 3 months, 471 qualifying months', () => {
    const t = countTime([emp('1986-03-01', '2025-05-31')], '2025-06-10', []);
    expect(t.time).toEqual({ years: 39, months: 3, days: 0 });
    expect(t.qualifyingMonths).toBe(471);
  });

  it('clips open links at the DIB', () => {
    expect(countTime([emp('2024-01-01', null)], '2024-01-31', []).time).toEqual({
      years: 0,
      months: 1,
      days: 0,
    });
  });

  it('removes competências below the minimum wage from 13/11/2019 on (CF art. 195 §14)', () => {
    const t = countTime([emp('2019-11-01', '2020-02-29')], '2030-01-01', [
      m('2019-11'),
      m('2020-01'),
      m('2019-05'),
    ]);
    // 01–12/11/2019 still count (12 days), 12/2019 and 02/2020 count, 01/2020 does not
    expect(t.time).toEqual({ years: 0, months: 2, days: 12 });
    expect(t.qualifyingMonths).toBe(3);
    expect(t.belowMinimumMonths).toEqual([m('2019-11'), m('2020-01')]);
  });
});

describe('insured status and período de graça (Lei 8.213 art. 15)', () => {
  it('keeps the status 12 months after the last contribution and loses it on day 16 of the second month after', () => {
    const c = countTime([emp('2015-01-01', '2020-01-31')], '2030-01-01', []);
    expect(insuredStatus(c, '2021-03-15').insured).toBe(true);
    const lost = insuredStatus(c, '2021-03-16');
    expect(lost.insured).toBe(false);
    expect(lost.lossDate).toBe('2021-03-16');
  });

  it('extends the grace period to 24 months after more than 120 contributions (§1º)', () => {
    const c = countTime([emp('2005-01-01', '2020-01-31')], '2030-01-01', []);
    expect(insuredStatus(c, '2022-03-15').insured).toBe(true);
    expect(insuredStatus(c, '2022-03-16').insured).toBe(false);
  });
});

describe('integer civil-date arithmetic (hot path) agrees with LocalDate', () => {
  it('round-trips every day from 1900 to 2100 and matches calendar differences', async () => {
    const { LocalDate } = await import('../../../platform/values/dates');
    const { civilFromDays, epochDay, calendarDiff } = await import('./time');
    for (let d = LocalDate.toEpochDay('1900-01-01'); d <= LocalDate.toEpochDay('2100-12-31'); d += 1) {
      const s = LocalDate.fromEpochDay(d);
      expect(epochDay(s)).toBe(d);
      const [y, m, dd] = civilFromDays(d);
      expect(`${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`).toBe(s);
    }
    expect(calendarDiff('2000-01-31', '2000-03-01')).toEqual({ years: 0, months: 1, days: 1 });
    expect(calendarDiff('1960-04-20', '2025-06-10')).toEqual({ years: 65, months: 1, days: 21 });
    expect(calendarDiff('2000-01-01', '2001-01-01')).toEqual({ years: 1, months: 0, days: 0 });
  });
});

describe('radix sort of corrected salaries', () => {
  it('sorts like Array#sort for random non-negative cents of any size', async () => {
    const fc = (await import('fast-check')).default;
    const { radixSortAsc } = await import('./salary');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_147_483_647 }), { maxLength: 400 }), (xs) => {
        const src = Int32Array.from(xs);
        const out = new Int32Array(xs.length);
        radixSortAsc(src, out, new Int32Array(xs.length));
        expect(Array.from(out)).toEqual([...xs].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});
