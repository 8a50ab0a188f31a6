import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
import { projectPath } from './paths';

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

async function isDemoSeeded(deps: Deps): Promise<boolean> {
  return Boolean((await deps.db.pool.query('SELECT 1 FROM platform_demo_seed LIMIT 1')).rowCount);
}

/**
 * Runs a `previdencia` command (demo seed, db migrate) on the same settings; returns the notes
 * it printed (the integration token shown once); its progress bars go to stderr.
 */
async function prepareInChildProcess(config: Config, command: string[]): Promise<string[]> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const [k, v] of Object.entries(config)) {
    if (/^[A-Z][A-Z0-9_]*$/.test(k) && v !== undefined && v !== null) env[k] = String(v);
  }
  env.DATA_DIR = config.dataDir;
  env.DATABASE_URL = '';
  env.LOG_LEVEL = config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
  const child = spawn(process.execPath, [projectPath('bin/previdencia'), ...command], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  if (code !== 0) {
    throw new Error(
      `a preparação do banco embarcado falhou (previdencia ${command.join(' ')}: ${signal ?? `código ${code}`}); veja as mensagens acima`,
    );
  }
  return out
    .split('\n')
    .filter((l) => l !== '' && !/^(Dados de demonstração carregados|Migrações aplicadas)/.test(l));
}

/** `previdencia serve`: database, migrations, demo data on first start, HTTP, workers. */
export async function startPlatform(
  config: Config,
  modules: readonly ModuleDefinition[],
  io: { progress: (label: string, total: number) => Progress; print: (line: string) => void },
): Promise<RunningPlatform> {
  const notes: string[] = [];
  let seeded = false;
  const embeddedOnDisk = !config.DATABASE_URL && !config.pgliteDir.startsWith('memory:');
  if (embeddedOnDisk && !existsSync(join(config.pgliteDir, 'PG_VERSION'))) {
    // First start on an empty data directory: creating the embedded database (initdb), migrating
    // it and loading the demo run in a child process, then this one opens the result. PGlite's
    // WebAssembly memory grows for that work (to ~570 MB while initdb runs) and never shrinks:
    // an idle server would keep ~100–150 MB of it for good.
    notes.push(
      ...(await prepareInChildProcess(config, config.DEMO_SEED ? ['demo', 'seed'] : ['db', 'migrate'])),
    );
    seeded = config.DEMO_SEED;
  }
  let deps = await openDeps(config);
  await migrateAll(deps, modules, io.progress);
  if (config.DEMO_SEED && !seeded) {
    if (embeddedOnDisk && !(await isDemoSeeded(deps))) {
      // An embedded database created without the demo: loaded the same way, with it closed here.
      await deps.db.close();
      notes.push(...(await prepareInChildProcess(config, ['demo', 'seed'])));
      deps = await openDeps(config);
      seeded = true;
    } else {
      seeded = await seedDemo(deps, modules, { progress: io.progress, note: (t) => notes.push(t) });
    }
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
