import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../src/platform/jobs/jobs';
import { createTestDeps, type TestDeps } from '../src/platform/testing';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps?.close());

describe('pg-boss jobs', () => {
  it('runs a job sent to its queue, on the embedded and on the real database', async () => {
    const seen: unknown[] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => {
      done = r;
    });
    const runner = await startJobs(
      deps,
      [
        {
          name: 'test.echo',
          async handler(_deps, data) {
            seen.push(data);
            done();
          },
        },
      ],
      { work: true },
    );
    try {
      await runner.send('test.echo', { version: 1, n: 42 });
      await Promise.race([
        finished,
        new Promise((_, rej) => setTimeout(() => rej(new Error('job não executado em 30 s')), 30_000)),
      ]);
      expect(seen).toEqual([{ version: 1, n: 42 }]);
    } finally {
      await runner.stop();
    }
  });

  it('purges idempotency keys past their retention', async () => {
    await deps.db.pool.query(
      "INSERT INTO idempotency_keys (owner, key, method, route, body_hash, created_at) VALUES ('a', 'velha-000001', 'POST', '/x', 'h', now() - interval '3 days'), ('a', 'nova-0000001', 'POST', '/x', 'h', now())",
    );
    const { PLATFORM_JOBS } = await import('../src/platform/jobs/platform-jobs');
    await PLATFORM_JOBS.find((j) => j.name === 'platform.purge-idempotency-keys')!.handler(deps, {});
    const { rows } = await deps.db.pool.query('SELECT key FROM idempotency_keys');
    expect(rows.map((r) => r.key)).toEqual(['nova-0000001']);
  });
});
