import { createAuthenticator } from '../modules/identity/authenticate';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../modules/identity/seed-demo';
import { startAuditSealer } from './audit/audit';
import { migrateAll, migrationSources, openDeps, seedDemo } from './bootstrap';
import type { Config } from './config/config';
import type { Deps } from './deps';
import { type BuiltApp, buildApp } from './http/app';
import { type JobRunner, startJobs } from './jobs/jobs';
import type { ModuleDefinition, Progress } from './module';
import { startOutboxWorker } from './outbox/outbox';

export interface RunningPlatform {
  deps: Deps;
  built: BuiltApp;
  url: string;
  stop(): Promise<void>;
}

export async function buildPlatformApp(deps: Deps, modules: readonly ModuleDefinition[]) {
  const auth = createAuthenticator(deps);
  return buildApp({
    deps,
    modules,
    migrationSources: migrationSources(modules),
    authenticate: auth.authenticate,
    checkCsrf: auth.checkCsrf,
  });
}

/** `previdencia serve`: database, migrations, demo data on first start, HTTP, workers. */
export async function startPlatform(
  config: Config,
  modules: readonly ModuleDefinition[],
  io: { progress: (label: string, total: number) => Progress; print: (line: string) => void },
): Promise<RunningPlatform> {
  const deps = await openDeps(config);
  await migrateAll(deps, modules, io.progress);
  const notes: string[] = [];
  let seeded = false;
  if (config.DEMO_SEED) {
    seeded = await seedDemo(deps, modules, { progress: io.progress, note: (t) => notes.push(t) });
  }
  const built = await buildPlatformApp(deps, modules);
  const address = await built.app.listen({ port: config.PORT, host: config.HOST });
  const stoppers: (() => Promise<void>)[] = [];
  let jobs: JobRunner | undefined;
  if (config.WORKERS) {
    stoppers.push(startAuditSealer(deps.db, deps.log));
    stoppers.push(
      startOutboxWorker(
        deps,
        modules.flatMap((m) => m.consumers ?? []),
        config.OUTBOX_POLL_MS,
      ),
    );
    jobs = await startJobs(
      deps,
      modules.flatMap((m) => m.jobs ?? []),
      { work: true },
    );
  }
  const port = new URL(address).port;
  const url = config.HOST === '0.0.0.0' || config.HOST === '::' ? `http://localhost:${port}` : address;
  io.print(
    `Previdência Digital em ${url} (banco: ${deps.db.kind === 'pglite' ? `PGlite embarcado em ${config.pgliteDir}` : 'PostgreSQL'})`,
  );
  io.print(`Documentação da API: ${url}/api/docs`);
  if (config.DEMO_SEED) {
    io.print(seeded ? 'Dados de demonstração carregados.' : 'Dados de demonstração já presentes.');
    io.print(`Logins de demonstração (senha: ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) io.print(`  ${l.role.padEnd(11)} ${l.login.padEnd(20)} ${l.description}`);
    for (const n of notes) io.print(n);
  }
  return {
    deps,
    built,
    url,
    async stop() {
      await built.app.close();
      for (const s of stoppers) await s();
      await jobs?.stop();
      await deps.db.close();
    },
  };
}
