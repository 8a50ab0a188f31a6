import PgBoss from 'pg-boss';
import type { Deps } from '../deps';

/**
 * Background jobs on pg-boss (the queue lives in PostgreSQL, schema "pgboss"): scheduled jobs
 * (cron in America/Sao_Paulo) and jobs sent by use cases. Each job's payload is versioned and
 * checked by its handler; handlers re-check preconditions because a job may run more than once.
 */
export interface JobDefinition<T extends object = Record<string, unknown>> {
  /** Queue name, "<module>.<job>" (e.g. "requests.escalate-overdue"). */
  name: string;
  /** Cron expression, when the job runs on a schedule. */
  cron?: string;
  handler(deps: Deps, data: T): Promise<void>;
}

export interface JobRunner {
  boss: PgBoss;
  send(name: string, data: object): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startJobs(
  deps: Deps,
  jobs: readonly JobDefinition[],
  opts: { work: boolean },
): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: deps.db.url, max: 4, application_name: 'previdencia-jobs' });
  boss.on('error', (err) => deps.log.error({ err }, 'pg-boss'));
  await boss.start();
  for (const j of jobs) {
    await boss.createQueue(j.name);
    if (j.cron) await boss.schedule(j.name, j.cron, {}, { tz: 'America/Sao_Paulo' });
    if (opts.work) {
      await boss.work<Record<string, unknown>>(j.name, async (batch) => {
        for (const job of batch) {
          deps.log.info({ job: j.name, id: job.id }, 'job iniciado');
          await j.handler(deps, job.data ?? {});
        }
      });
    }
  }
  return {
    boss,
    send: (name, data) => boss.send(name, data),
    stop: () => boss.stop({ graceful: true, timeout: 5_000 }),
  };
}

/**
 * What the first `serve` would otherwise do to the job system: pg-boss's schema, the queues and
 * the schedules. Run by `db migrate` and `demo seed`, so a deployment's migration step prepares
 * it too, and the embedded database is complete before the server opens it.
 */
export async function prepareJobs(deps: Deps, jobs: readonly JobDefinition[]): Promise<void> {
  const runner = await startJobs(deps, jobs, { work: false });
  await runner.stop();
}
