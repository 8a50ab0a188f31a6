import { SYSTEM_ACTOR } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import type { SeedContext } from '../../platform/module';
import { unitLineage } from '../organization/directory';
import { listStaff } from '../organization/list-staff';
import { concludeSupervision } from './conclude-supervision';
import { criteriaFor } from './domain/checklist';
import type { Outcome } from './domain/types';
import { listSupervisions } from './list-supervisions';
import { recordConcludedTask, type TaskConcluded } from './record-concluded-task';
import { runExtraordinarySample } from './run-extraordinary-sample';
import { runMonthlySample } from './run-monthly-sample';
import { runReferrals } from './run-referrals';
import { organizationStaffDirectory } from './staff-directory';
import { currentChecklist } from './store';

/**
 * Demo data (deterministic): concluded tasks of the demo analysts in Sep–Oct 2026 (as the
 * requests module's `task.concluded` events would bring them), the October random sample, the
 * 2026-Q3 extraordinary sample, part of the supervisions concluded, and the Q3 referrals — so
 * the indicators, the report and the referral screens have something to show.
 */
const SPECIES = ['B41', 'B42', 'B21', 'B80', 'B87', 'B88', 'B25', 'B46', 'B31', 'B36'];

export async function seedSupervision(deps: Deps, ctx: SeedContext): Promise<void> {
  const analysts = (await listStaff(deps, null, { role: 'analyst', active: true, limit: 500 })).items;
  if (analysts.length === 0) return;
  const bar = ctx.progress('Supervisão técnica', analysts.length + 3);
  let n = 0;
  const payloads: TaskConcluded[] = [];
  for (const a of analysts) {
    const l = await unitLineage(deps, a.unitId);
    const perAnalyst = 8 + Math.floor(ctx.random() * 8);
    for (let i = 0; i < perAnalyst; i++) {
      n++;
      const species = SPECIES[Math.floor(ctx.random() * SPECIES.length)]!;
      const extraordinary = ctx.random() < 0.4;
      const month = extraordinary ? 7 + Math.floor(ctx.random() * 3) : 9 + Math.floor(ctx.random() * 2);
      const day = 1 + Math.floor(ctx.random() * 28);
      const r = ctx.random();
      const payload: TaskConcluded = {
        taskId: `DEMO-T${String(n).padStart(5, '0')}`,
        requestId: `DEMO-R${String(n).padStart(5, '0')}`,
        protocol: `2026${String(100000 + n)}`,
        serviceCode: species === 'B31' ? '1001' : '2002',
        species,
        srCode: l.sr?.id ?? 'BR',
        gexCode: l.gex?.id ?? l.sr?.id ?? 'BR',
        unitId: a.unitId,
        serverId: a.id,
        queue: extraordinary ? 'extraordinary' : 'regular',
        system: species === 'B31' && ctx.random() < 0.5 ? 'SABI' : 'PAT',
        subtasks: species === 'B31' && ctx.random() < 0.6 ? ['17436'] : [],
        concludedAt: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        decision: r < 0.55 ? 'granted' : r < 0.9 ? 'denied' : 'other',
        automatic: ctx.random() < 0.2,
      };
      payloads.push(payload);
    }
    bar.increment();
  }
  await deps.db.tx(async (tx) => {
    for (const p of payloads) await recordConcludedTask(tx, p);
  });
  const system = { actor: SYSTEM_ACTOR, requestId: 'demo-seed' };
  const staff = organizationStaffDirectory(deps);
  await runMonthlySample(deps, system, staff, {
    month: '2026-10',
    sizing: { kind: 'fixed', size: 12 },
    seed: 'demo-2026-10',
  });
  bar.increment();
  await runExtraordinarySample(deps, system, staff, { quarter: '2026-Q3', seed: 'demo-2026-Q3' });
  bar.increment();
  // Conclude about two thirds of the supervisions with a plausible mix of outcomes.
  const checklist = await currentChecklist(deps.db.orm);
  let cursor: string | undefined;
  for (;;) {
    const page = await listSupervisions(deps, system, { status: 'pending', limit: 200, cursor });
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
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  await runReferrals(deps, system, { cycle: '2026-Q3' });
  bar.increment();
  bar.stop();
}
