import { describe, expect, it } from 'vitest';
import { pickSupervisor } from './assignment';

describe('assignment within the SR supervisor team (arts. 6 and 7 §3)', () => {
  it('never the server who concluded the request; least loaded first', () => {
    const load = new Map<string, number>([['A', 2]]);
    expect(pickSupervisor(['A', 'B', 'C'], 'B', load)).toBe('C');
    expect(pickSupervisor(['A', 'B', 'C'], 'B', load)).toBe('C');
    expect(pickSupervisor(['A', 'B', 'C'], 'B', load)).toBe('A'); // A 2, C 2 → A by id
    expect(pickSupervisor(['B'], 'B', load)).toBeNull(); // only the author in the team
    expect(pickSupervisor([], 'B', load)).toBeNull();
  });
});
