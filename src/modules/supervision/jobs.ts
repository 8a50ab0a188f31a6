import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { JobDefinition } from '../../platform/jobs/jobs';
import { Competence } from '../../platform/values/competence';
import { LocalDate } from '../../platform/values/dates';
import { runExtraordinarySample } from './run-extraordinary-sample';
import { runMonthlySample } from './run-monthly-sample';
import { runTrainingTrack } from './run-training-track';
import { organizationStaffDirectory } from './staff-directory';

/**
 * The supervision cycles on a schedule (America/Sao_Paulo). Each draw gets a fresh random seed,
 * recorded in its cycle so an auditor can re-run it; a cycle that already exists (kind + label
 * are unique) is not drawn again, so a retried or duplicated job is harmless.
 */
const ctx = () => ({ actor: SYSTEM_ACTOR, requestId: `job-${randomBytes(6).toString('hex')}` });
const freshSeed = () => randomBytes(16).toString('hex');

async function once(deps: Deps, what: string, fn: () => Promise<unknown>) {
  try {
    await fn();
    deps.log.info({ cycle: what }, 'ciclo de supervisão sorteado');
  } catch (e) {
    if (e instanceof AppError && e.status === 409) {
      deps.log.info({ cycle: what }, 'ciclo de supervisão já existia');
      return;
    }
    throw e;
  }
}

export function previousQuarter(today: string): string {
  const m = Number(today.slice(5, 7));
  const q = Math.floor((m - 1) / 3) + 1;
  const y = Number(today.slice(0, 4));
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

export const supervisionJobs: JobDefinition[] = [
  {
    // Art. 7: the monthly random sample of the tasks concluded in the previous month, sized
    // statistically (95% confidence, 5% margin, p = 0.5).
    name: 'supervision.monthly-sample',
    cron: '0 6 1 * *',
    async handler(deps) {
      const month = Competence.add(Competence.ofDate(LocalDate.today(deps.clock.now())), -1);
      await once(deps, `random ${month}`, () =>
        runMonthlySample(deps, ctx(), organizationStaffDirectory(deps), {
          month,
          sizing: { kind: 'statistical', confidence: 0.95, margin: 0.05, expected: 0.5 },
          seed: freshSeed(),
        }),
      );
    },
  },
  {
    // Arts. 10–12: the extraordinary queues of the quarter just ended.
    name: 'supervision.extraordinary-sample',
    cron: '0 6 1 1,4,7,10 *',
    async handler(deps) {
      const quarter = previousQuarter(LocalDate.today(deps.clock.now()));
      await once(deps, `extraordinary ${quarter}`, () =>
        runExtraordinarySample(deps, ctx(), organizationStaffDirectory(deps), { quarter, seed: freshSeed() }),
      );
    },
  },
  {
    // Arts. 16–21: the training-track points (30, 45, …, 165 days) that fall today.
    name: 'supervision.training-track',
    cron: '0 7 * * *',
    async handler(deps) {
      const date = LocalDate.today(deps.clock.now());
      await once(deps, `training ${date}`, () =>
        runTrainingTrack(deps, ctx(), organizationStaffDirectory(deps), { date, seed: freshSeed() }),
      );
    },
  },
];
