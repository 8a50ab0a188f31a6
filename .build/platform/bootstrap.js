import { resolve } from "node:path";
import { createAuditLog } from "./audit/audit.js";
import { openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { createLogger } from "./log/logger.js";
import { createOutbox } from "./outbox/outbox.js";
const PLATFORM_MIGRATIONS = {
  module: "platform",
  dir: resolve(import.meta.dirname, "migrations")
};
function migrationSources(modules) {
  return [
    PLATFORM_MIGRATIONS,
    ...modules.filter((m) => m.migrationsDir).map((m) => ({ module: m.name, dir: m.migrationsDir }))
  ];
}
async function openDeps(config, opts = {}) {
  const log = opts.log ?? createLogger({ level: config.LOG_LEVEL });
  const db = await openDatabase({
    url: config.DATABASE_URL,
    pgliteDir: config.pgliteDir,
    poolSize: config.DB_POOL_SIZE
  });
  const clock = { now: () => /* @__PURE__ */ new Date() };
  return { config, log, db, audit: createAuditLog(db, clock), outbox: createOutbox(), clock };
}
async function migrateAll(deps, modules, progress) {
  let bar;
  const r = await migrate(deps.db.pool, migrationSources(modules), (name, i, total) => {
    bar ??= progress?.("Migra\xE7\xF5es", total);
    bar?.update(i);
    deps.log.info({ migration: name }, "migra\xE7\xE3o aplicada");
  });
  bar?.stop();
  return r;
}
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
const DEMO_SEED = 20251021;
async function seedDemo(deps, modules, opts) {
  const done = await deps.db.pool.query("SELECT 1 FROM platform_demo_seed LIMIT 1");
  if (done.rowCount && !opts.force) return false;
  const random = seededRandom(DEMO_SEED);
  for (const m of modules) {
    if (!m.demoSeed) continue;
    await m.demoSeed(deps, { progress: opts.progress, random, note: opts.note });
  }
  await deps.db.pool.query("INSERT INTO platform_demo_seed DEFAULT VALUES");
  return true;
}
export {
  DEMO_SEED,
  PLATFORM_MIGRATIONS,
  migrateAll,
  migrationSources,
  openDeps,
  seedDemo,
  seededRandom
};
