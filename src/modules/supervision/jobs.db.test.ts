import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { previousQuarter, supervisionJobs } from './jobs';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps?.close());

const job = (name: string) => supervisionJobs.find((j) => j.name === name)!;

describe('scheduled supervision cycles', () => {
  it('knows the previous quarter', () => {
    expect(previousQuarter('2026-01-01')).toBe('2025-Q4');
    expect(previousQuarter('2026-04-01')).toBe('2026-Q1');
    expect(previousQuarter('2026-12-31')).toBe('2026-Q3');
  });

  it('draws the previous month once, with a recorded random seed; a second run is harmless', async () => {
    deps.clock.set('2026-11-01T06:00:00-03:00');
    await job('supervision.monthly-sample').handler(deps, {});
    await job('supervision.monthly-sample').handler(deps, {});
    const { rows } = await deps.db.pool.query("SELECT label, seed FROM sup_cycles WHERE kind = 'random'");
    expect(rows.length).toBe(1);
    expect(rows[0].label).toBe('2026-10');
    expect(rows[0].seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it('every job has a schedule', () => {
    expect(supervisionJobs.map((j) => [j.name, Boolean(j.cron)])).toEqual([
      ['supervision.monthly-sample', true],
      ['supervision.extraordinary-sample', true],
      ['supervision.training-track', true],
    ]);
  });
});
