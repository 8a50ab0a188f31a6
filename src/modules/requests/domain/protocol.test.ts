import { describe, expect, it } from 'vitest';
import { computeClock } from './deadline';
import { DEFAULT_EXIGENCIA_DAYS, exigenciaDueDate, extendExigencia, isExigenciaExpired } from './exigencia';
import { formatProtocol, isValidProtocol } from './protocol';
import { escalationVerdict } from './queues';

describe('protocol number', () => {
  it('formats year, 8-digit sequence and a check digit that catches typos', () => {
    const p = formatProtocol(2026, 12345);
    expect(p).toMatch(/^2026\.00012345-\d$/);
    expect(isValidProtocol(p)).toBe(true);
    const typo = p.replace('12345', '12354');
    expect(isValidProtocol(typo)).toBe(false);
    const digit = Number(p.at(-1));
    expect(isValidProtocol(`${p.slice(0, -1)}${(digit + 1) % 10}`)).toBe(false);
    expect(() => formatProtocol(2026, 0)).toThrow();
  });
});

describe('exigência terms', () => {
  it('defaults to 30 calendar days rolled to a business day', () => {
    expect(DEFAULT_EXIGENCIA_DAYS).toBe(30);
    expect(exigenciaDueDate('2026-03-03')).toBe('2026-04-02');
    // 2026-10-03 + 30 = 2026-11-02 (Finados, Monday) → 2026-11-03.
    expect(exigenciaDueDate('2026-10-03')).toBe('2026-11-03');
  });
  it('never gives less than the 30 days of Portaria DIRBEN/INSS 993/2022, art. 75', () => {
    expect(() => exigenciaDueDate('2026-03-03', 29)).toThrow(RangeError);
    expect(() => exigenciaDueDate('2026-03-03', 91)).toThrow(RangeError);
    expect(exigenciaDueDate('2026-03-03', 45)).toBe('2026-04-17');
  });
  it('extends a running term once (art. 75), by up to 30 days, never after it ended', () => {
    expect(extendExigencia('2026-04-02', 0, 15, '2026-03-20')).toEqual({ ok: true, dueDate: '2026-04-17' });
    expect(extendExigencia('2026-04-02', 0, 30, '2026-03-20')).toEqual({ ok: true, dueDate: '2026-05-04' });
    expect(extendExigencia('2026-04-02', 1, 15, '2026-03-20')).toMatchObject({
      ok: false,
      message: 'A exigência já foi prorrogada; a prorrogação é permitida uma única vez.',
    });
    expect(extendExigencia('2026-04-02', 0, 15, '2026-04-03').ok).toBe(false);
    expect(extendExigencia('2026-04-02', 0, 31, '2026-03-20').ok).toBe(false);
    expect(isExigenciaExpired('2026-04-02', '2026-04-02')).toBe(false);
    expect(isExigenciaExpired('2026-04-02', '2026-04-03')).toBe(true);
  });
});

describe('escalation', () => {
  it('flags overdue tasks and escalates after the configured days', () => {
    const clock = (at: string) => computeClock([{ kind: 'start', on: '2026-01-05' }], 30, at);
    const rule = { targetUnitId: 'gex-poa', daysPastDue: 10 };
    expect(escalationVerdict(clock('2026-02-04'), rule)).toEqual({ kind: 'on_time' });
    expect(escalationVerdict(clock('2026-02-05'), rule)).toEqual({ kind: 'overdue' });
    expect(escalationVerdict(clock('2026-02-14'), rule)).toEqual({
      kind: 'escalate',
      targetUnitId: 'gex-poa',
    });
    expect(escalationVerdict(clock('2026-02-14'), null)).toEqual({ kind: 'overdue' });
  });
});
