import { afterAll, expect, it } from 'vitest';
import { seedDemo } from '../../platform/bootstrap';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { modules } from '../registry';
import { STATUSES } from './domain/lifecycle';

const opened: TestDeps[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

async function seeded() {
  const deps = await createTestDeps();
  opened.push(deps);
  deps.clock.set('2026-11-20T12:00:00-03:00');
  await seedDemo(deps, modules, {
    progress: () => ({ increment() {}, update() {}, stop() {} }),
    note: () => {},
  });
  return async (s: string) => (await deps.db.pool.query(s)).rows;
}

it('demo seed: every lifecycle status, all five SRs, overdue tasks, analysts with history, deterministic', async () => {
  process.env.REQUESTS_DEMO_COUNT = '130';
  const q = await seeded();
  const statuses = (await q('SELECT DISTINCT status FROM req_requests')).map((r) => r.status).sort();
  expect(statuses).toEqual([...STATUSES].sort());
  const srs = await q(
    `SELECT count(DISTINCT split_part(u.path, '/', 3))::int AS n FROM req_requests r JOIN org_units u ON u.id = r.unit_id`,
  );
  expect(srs[0].n).toBe(5);
  expect((await q(`SELECT count(*)::int AS n FROM req_tasks WHERE is_overdue`))[0].n).toBeGreaterThan(0);
  expect(
    (
      await q(
        `SELECT count(DISTINCT concluded_by_staff_id)::int AS n FROM req_tasks WHERE status = 'concluded'`,
      )
    )[0].n,
  ).toBeGreaterThan(10);
  expect((await q(`SELECT count(DISTINCT species)::int AS n FROM req_requests`))[0].n).toBeGreaterThanOrEqual(
    12,
  );
  // Same seed, same data: the (protocol, species, status, DER) sequence repeats on a fresh database.
  const fingerprint = `SELECT string_agg(protocol || species || status || der, ',' ORDER BY protocol) AS f FROM req_requests`;
  const first = (await q(fingerprint))[0].f;
  const again = await seeded();
  expect((await again(fingerprint))[0].f).toBe(first);
}, 240_000);
