import { resolve } from 'node:path';
import { createAuditLog } from './audit/audit';
import type { Config } from './config/config';
import { openDatabase } from './db/database';
import { type MigrationSource, migrate } from './db/migrate';
import type { Deps } from './deps';
import { createLogger, type Logger } from './log/logger';
import type { ModuleDefinition, Progress } from './module';
import { createOutbox } from './outbox/outbox';

export const PLATFORM_MIGRATIONS: MigrationSource = {
  module: 'platform',
  dir: resolve(import.meta.dirname, 'migrations'),
};

export function migrationSources(modules: readonly ModuleDefinition[]): MigrationSource[] {
  return [
    PLATFORM_MIGRATIONS,
    ...modules.filter((m) => m.migrationsDir).map((m) => ({ module: m.name, dir: m.migrationsDir! })),
  ];
}

/** Opens the database (embedded PGlite or DATABASE_URL) and builds the dependencies every use case gets. */
export async function openDeps(config: Config, opts: { log?: Logger } = {}): Promise<Deps> {
  const log = opts.log ?? createLogger({ level: config.LOG_LEVEL });
  const db = await openDatabase({
    url: config.DATABASE_URL,
    pgliteDir: config.pgliteDir,
    poolSize: config.DB_POOL_SIZE,
  });
  const clock = { now: () => new Date() };
  return { config, log, db, audit: createAuditLog(db, clock), outbox: createOutbox(), clock };
}

export async function migrateAll(
  deps: Deps,
  modules: readonly ModuleDefinition[],
  progress?: (label: string, total: number) => Progress,
) {
  let bar: Progress | undefined;
  const r = await migrate(deps.db.pool, migrationSources(modules), (name, i, total) => {
    bar ??= progress?.('Migrações', total);
    bar?.update(i);
    deps.log.info({ migration: name }, 'migração aplicada');
  });
  bar?.stop();
  return r;
}

/** A small deterministic PRNG (mulberry32) for demo data: same seed, same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_SEED = 20_251_021; // the date of Portaria DIRBEN/INSS 1.309/2025

/** Runs every module's demo seed once (records that it ran, so restarts do not duplicate data). */
export async function seedDemo(
  deps: Deps,
  modules: readonly ModuleDefinition[],
  opts: { progress: (label: string, total: number) => Progress; note: (t: string) => void; force?: boolean },
): Promise<boolean> {
  const done = await deps.db.pool.query('SELECT 1 FROM platform_demo_seed LIMIT 1');
  if (done.rowCount && !opts.force) return false;
  const random = seededRandom(DEMO_SEED);
  for (const m of modules) {
    if (!m.demoSeed) continue;
    await m.demoSeed(deps, { progress: opts.progress, random, note: opts.note });
  }
  await deps.db.pool.query('INSERT INTO platform_demo_seed DEFAULT VALUES');
  return true;
}
