import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClockError, type ClockEvent, computeClock } from './deadline';
import { deadlineTable, parseDeadlineCsv } from './species';

const csv = readFileSync(
  new URL('../../../../data/reference/prazos_acordo_stf_re1171152.csv', import.meta.url),
  'utf8',
);

describe('STF agreement table', () => {
  it('maps the main species to 30/45/60/90 days', () => {
    const t = deadlineTable(parseDeadlineCsv(csv));
    expect(t.get('80')).toBe(30);
    expect(t.get('31')).toBe(45);
    expect(t.get('91')).toBe(45);
    expect(t.get('32')).toBe(45);
    expect(t.get('21')).toBe(60);
    expect(t.get('25')).toBe(60);
    expect(t.get('36')).toBe(60);
    expect(t.get('41')).toBe(90);
    expect(t.get('42')).toBe(90);
    expect(t.get('87')).toBe(90);
    expect(t.get('88')).toBe(90);
    expect(t.get('01')).toBeUndefined();
  });
});

describe('deadline clock (calendar days, Lei 9.784/1999 art. 66)', () => {
  it('counts calendar days from the day after the start; due day itself is on time', () => {
    const ev: ClockEvent[] = [{ kind: 'start', on: '2026-01-20' }];
    const onDue = computeClock(ev, 30, '2026-02-19');
    expect(onDue).toMatchObject({
      state: 'running',
      elapsedDays: 30,
      dueDate: '2026-02-19',
      remainingDays: 0,
      isOverdue: false,
    });
    const after = computeClock(ev, 30, '2026-02-20');
    expect(after).toMatchObject({ remainingDays: -1, isOverdue: true, daysOverdue: 1 });
    expect(computeClock(ev, 30, '2026-01-20').remainingDays).toBe(30);
  });

  it('rolls a due date that falls on a holiday to the next business day (art. 66 § 1º)', () => {
    // 2026-03-22 + 30 = 2026-04-21, Tiradentes (Tuesday) → Wednesday 2026-04-22.
    const ev: ClockEvent[] = [{ kind: 'start', on: '2026-03-22' }];
    expect(computeClock(ev, 30, '2026-04-21')).toMatchObject({
      dueDate: '2026-04-22',
      remainingDays: 1,
      isOverdue: false,
    });
    expect(computeClock(ev, 30, '2026-04-22')).toMatchObject({ remainingDays: 0, isOverdue: false });
    expect(computeClock(ev, 30, '2026-04-23')).toMatchObject({ isOverdue: true, daysOverdue: 1 });
  });

  it('rolls over a weekend plus a holiday (Christmas 2026 is a Friday)', () => {
    // 2026-11-25 + 30 = 2026-12-25 (Friday, Natal) → Monday 2026-12-28.
    const c = computeClock([{ kind: 'start', on: '2026-11-25' }], 30, '2026-12-01');
    expect(c.dueDate).toBe('2026-12-28');
    expect(c.remainingDays).toBe(27);
  });

  it('pauses for an exigência across a month end (February) and resumes when answered', () => {
    const ev: ClockEvent[] = [
      { kind: 'start', on: '2026-01-30' },
      { kind: 'pause', on: '2026-02-27' }, // 28 days run
      { kind: 'resume', on: '2026-03-10' }, // 11 days paused (Feb has 28 days)
    ];
    const during = computeClock(ev, 90, '2026-03-05');
    expect(during).toMatchObject({ state: 'paused', elapsedDays: 28, pausedDays: 6, remainingDays: 62 });
    const laterA = computeClock(ev, 90, '2026-03-08');
    expect(laterA.elapsedDays).toBe(28); // frozen while paused
    // Projected due if resumed on 03-08: 01-30 + 90 + 9 = 05-09 (Saturday) → Monday 05-11.
    expect(laterA.remainingDays).toBe(64);
    const after = computeClock(ev, 90, '2026-03-31');
    expect(after).toMatchObject({ state: 'running', elapsedDays: 28 + 21, pausedDays: 11 });
    // 2026-01-30 + 90 + 11 = 2026-05-11 (Monday).
    expect(after.dueDate).toBe('2026-05-11');
    expect(after.remainingDays).toBe(41);
  });

  it('handles two pauses and a holiday-adjacent due date (Carnaval 2026)', () => {
    // B80 (30 days) started 2026-01-05; pauses 01-10→01-15 (5) and 01-31→02-12 (12): due = 01-05 + 47 = 02-21 (Sat) → Mon 02-23.
    const ev: ClockEvent[] = [
      { kind: 'start', on: '2026-01-05' },
      { kind: 'pause', on: '2026-01-10' },
      { kind: 'resume', on: '2026-01-15' },
      { kind: 'pause', on: '2026-01-31' },
      { kind: 'resume', on: '2026-02-12' },
    ];
    const c = computeClock(ev, 30, '2026-02-20');
    expect(c).toMatchObject({
      elapsedDays: 5 + 16 + 8,
      pausedDays: 17,
      dueDate: '2026-02-23',
      remainingDays: 3,
    });
  });

  it('does not start before the instruction ends (exam pending) and freezes at the decision', () => {
    expect(computeClock([], 45, '2026-05-01')).toMatchObject({
      state: 'not_started',
      remainingDays: 45,
      dueDate: null,
      isOverdue: false,
    });
    const ev: ClockEvent[] = [
      { kind: 'start', on: '2026-05-04' },
      { kind: 'stop', on: '2026-07-01' },
    ];
    const c = computeClock(ev, 45, '2026-12-31');
    expect(c).toMatchObject({ state: 'stopped', elapsedDays: 58, isOverdue: true, daysOverdue: 13 });
    // 2026-05-04 + 45 = 2026-06-18 (Thursday).
    expect(c.dueDate).toBe('2026-06-18');
  });

  it('ignores events after the instant asked for', () => {
    const ev: ClockEvent[] = [
      { kind: 'start', on: '2026-01-01' },
      { kind: 'pause', on: '2026-01-10' },
    ];
    expect(computeClock(ev, 30, '2026-01-05')).toMatchObject({ state: 'running', elapsedDays: 4 });
  });

  it('refuses impossible sequences', () => {
    expect(() => computeClock([{ kind: 'pause', on: '2026-01-01' }], 30, '2026-01-02')).toThrow(ClockError);
    expect(() =>
      computeClock(
        [
          { kind: 'start', on: '2026-01-05' },
          { kind: 'resume', on: '2026-01-06' },
        ],
        30,
        '2026-01-07',
      ),
    ).toThrow(ClockError);
    expect(() =>
      computeClock(
        [
          { kind: 'start', on: '2026-01-05' },
          { kind: 'pause', on: '2026-01-01' },
        ],
        30,
        '2026-01-07',
      ),
    ).toThrow(ClockError);
  });
});
