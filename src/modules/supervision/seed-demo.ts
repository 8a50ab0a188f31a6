import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import type { SeedContext } from '../../platform/module';
import { concludeSupervision } from './conclude-supervision';
import { criteriaFor } from './domain/checklist';
import type { Outcome } from './domain/types';
import { listSupervisions } from './list-supervisions';
import { recordConcludedTask } from './record-concluded-task';
import { runMonthlySample } from './run-monthly-sample';
import { organizationStaffDirectory } from './staff-directory';
import { currentChecklist } from './store';

/**
 * Demo data (deterministic), built on the requests module's demo: its `task.concluded` events,
 * still pending in the outbox when the demo is seeded, are handed to this module's consumer (the
 * dispatcher delivers them again later: the upsert makes that harmless). Then the random sample of
 * the latest month with enough tasks is drawn and part of it concluded — revisions go to real
 * requests, so the requests module opens real REVOFICIO/REVOFIBI tasks.
 */
export async function seedSupervision(deps: Deps, ctx: SeedContext): Promise<void> {
  // Read-only look at the platform outbox (demo only): the same payloads the dispatcher will deliver.
  const { rows } = await deps.db.orm.execute<{ payload: unknown }>(
    sql`SELECT payload FROM outbox WHERE type = 'task.concluded' AND dispatched_at IS NULL ORDER BY seq`,
  );
  if (rows.length === 0) return;
  const bar = ctx.progress('Supervisão técnica', 3);
  await deps.db.tx(async (tx) => {
    for (const r of rows) await recordConcludedTask(tx, r.payload);
  });
  bar.increment();
  const months = await deps.db.orm.execute<{ month: string; n: number }>(
    sql`SELECT to_char(concluded_at, 'YYYY-MM') AS month, count(*)::int AS n FROM sup_frame_tasks
         WHERE in_scope GROUP BY 1 HAVING count(*) >= 10 ORDER BY 1 DESC LIMIT 1`,
  );
  const month = months.rows[0]?.month;
  if (!month) {
    bar.stop();
    return;
  }
  const system = { actor: SYSTEM_ACTOR, requestId: 'demo-seed' };
  await runMonthlySample(deps, system, organizationStaffDirectory(deps), {
    month,
    sizing: { kind: 'fixed', size: 8 },
    seed: `demo-${month}`,
  });
  bar.increment();
  // Conclude about two thirds of the supervisions with a plausible mix of outcomes.
  const checklist = await currentChecklist(deps.db.orm);
  const page = await listSupervisions(deps, system, { status: 'pending', limit: 500 });
  for (const s of page.items) {
    if (ctx.random() < 0.33) continue;
    const criteria = criteriaFor(checklist, s.species);
    const r = ctx.random();
    const outcome: Outcome =
      r < 0.7 ? 'full_ratification' : r < 0.9 ? 'ratified_with_revision' : 'not_ratified';
    const failed =
      outcome === 'full_ratification' ? null : criteria[Math.floor(ctx.random() * criteria.length)]!.code;
    const answers = Object.fromEntries(criteria.map((c) => [c.code, c.code !== failed]));
    await concludeSupervision(deps, system, { id: s.id, outcome, answers });
  }
  bar.increment();
  bar.stop();
}
