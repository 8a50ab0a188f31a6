import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../platform/bootstrap';
import { dispatchOnce } from '../../platform/outbox/outbox';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { modules } from '../registry';

// End to end with the requests module, through the real outbox: its task.concluded events feed
// the frame, the demo draws and concludes supervisions, and every supervision.revision_requested
// becomes a revision task (REVOFICIO 5172 / REVOFIBI 17475) in the requests module.
let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
  const noop = { increment() {}, update() {}, stop() {} };
  await seedDemo(deps, modules, { progress: () => noop, note: () => {} });
}, 300_000);
afterAll(async () => {
  await deps?.close();
});

describe('supervision ↔ requests through the outbox', () => {
  it('every event is delivered; each revision requested becomes a revision task for the concluding unit', async () => {
    const consumers = modules.flatMap((m) => m.consumers ?? []);
    let failed = 0;
    for (let i = 0; i < 50; i++) {
      const r = await dispatchOnce(deps, consumers, 500);
      failed += r.failed;
      if (r.claimed === 0) break;
    }
    expect(failed).toBe(0);
    const q = async (s: string) => (await deps.db.pool.query(s)).rows;
    const sup = await q(
      `SELECT id::text AS id, unit_id, revision_service FROM sup_supervisions WHERE revision_service IS NOT NULL ORDER BY id::text`,
    );
    expect(sup.length).toBeGreaterThan(0);
    const tasks = (
      await deps.db.pool.query(
        `SELECT supervision_id::text AS supervision_id, unit_id, service_code FROM req_tasks
          WHERE kind = 'revision' AND supervision_id::text = ANY($1::text[]) ORDER BY supervision_id::text`,
        [sup.map((s) => s.id)],
      )
    ).rows;
    expect(tasks.map((t) => [t.supervision_id, t.unit_id, t.service_code])).toEqual(
      sup.map((s) => [s.id, s.unit_id, s.revision_service]),
    );
    const frame = await q(`SELECT count(*)::int AS n FROM sup_frame_tasks`);
    const concluded = await q(`SELECT count(*)::int AS n FROM outbox WHERE type = 'task.concluded'`);
    expect(frame[0].n).toBe(concluded[0].n);
  });
});
