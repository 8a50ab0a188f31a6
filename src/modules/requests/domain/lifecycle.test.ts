import { describe, expect, it } from 'vitest';
import {
  ACTION_TARGET,
  ACTIONS,
  type Action,
  AVAILABLE_ACTIONS,
  applyAction,
  LifecycleError,
  STATUS_LABEL,
  STATUSES,
  type Status,
  stateFromActions,
  statusFromActions,
} from './lifecycle';

describe('lifecycle state table', () => {
  it('lists every status exactly once, each with a pt-BR label', () => {
    expect(Object.keys(AVAILABLE_ACTIONS).sort()).toEqual([...STATUSES].sort());
    for (const s of STATUSES) expect(STATUS_LABEL[s].length).toBeGreaterThan(3);
  });

  it('allows every action (except FILE, the first) in at least one status', () => {
    const used = new Set<Action>(Object.values(AVAILABLE_ACTIONS).flat());
    const unused = ACTIONS.filter((a) => a !== 'FILE' && !used.has(a));
    expect(unused).toEqual([]);
    expect(used.has('FILE')).toBe(false);
  });

  it('gives every action a target, and every status is reachable from filing', () => {
    expect(Object.keys(ACTION_TARGET).sort()).toEqual([...ACTIONS].sort());
    const reached = new Set<Status>(['filed']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of [...reached]) {
        for (const a of AVAILABLE_ACTIONS[s]) {
          for (const holder of [null, 'srv-1']) {
            const next = applyAction({ status: s, holder }, { action: a, staffId: 'srv-1' }).status;
            if (!reached.has(next)) {
              reached.add(next);
              grew = true;
            }
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });

  it('every status has a way out except none (no dead ends)', () => {
    for (const s of STATUSES) expect(AVAILABLE_ACTIONS[s].length).toBeGreaterThan(0);
  });

  it('rejects every action not in the table, naming the allowed ones', () => {
    for (const s of STATUSES) {
      for (const a of ACTIONS) {
        const allowed = (AVAILABLE_ACTIONS[s] as readonly Action[]).includes(a);
        const run = () => applyAction({ status: s, holder: 'x' }, { action: a });
        if (allowed) expect(run).not.toThrow();
        else {
          try {
            run();
            expect.unreachable(`${a} em ${s}`);
          } catch (e) {
            expect(e).toBeInstanceOf(LifecycleError);
            expect((e as LifecycleError).allowed).toEqual(AVAILABLE_ACTIONS[s]);
          }
        }
      }
    }
  });
});

describe('status from the action list', () => {
  it('follows the main flow: file → take → exigência → answer → decide → appeal → comply', () => {
    const h: { action: Action; staffId?: string }[] = [{ action: 'FILE' }];
    expect(statusFromActions(h)).toBe('filed');
    h.push({ action: 'ASSIGN', staffId: 'srv-1' });
    expect(stateFromActions(h)).toEqual({ status: 'in_analysis', holder: 'srv-1' });
    h.push({ action: 'OPEN_EXIGENCIA' });
    expect(statusFromActions(h)).toBe('awaiting_citizen');
    h.push({ action: 'ANSWER_EXIGENCIA' });
    expect(stateFromActions(h)).toEqual({ status: 'in_analysis', holder: 'srv-1' });
    h.push({ action: 'DENY' });
    expect(stateFromActions(h)).toEqual({ status: 'denied', holder: null });
    h.push({ action: 'FILE_APPEAL' }, { action: 'APPEAL_UPHELD' });
    expect(statusFromActions(h)).toBe('appeal_compliance');
    h.push({ action: 'COMPLY_APPEAL' });
    expect(statusFromActions(h)).toBe('granted');
  });

  it('returns an unheld case to the queue after the exam', () => {
    const h: { action: Action }[] = [
      { action: 'FILE' },
      { action: 'SCHEDULE_APPOINTMENT' },
      { action: 'ATTEND_APPOINTMENT' },
    ];
    expect(stateFromActions(h)).toEqual({ status: 'filed', holder: null });
  });

  it('refuses a history that does not start with FILE or breaks the table', () => {
    expect(() => statusFromActions([])).toThrow(LifecycleError);
    expect(() => statusFromActions([{ action: 'ASSIGN' }])).toThrow(LifecycleError);
    expect(() => statusFromActions([{ action: 'FILE' }, { action: 'GRANT' }])).toThrow(LifecycleError);
    expect(() => statusFromActions([{ action: 'FILE' }, { action: 'FILE' }])).toThrow(LifecycleError);
  });
});
