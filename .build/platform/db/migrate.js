import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
const LOCK_KEY = 7340001;
function listMigrations(sources) {
  const out = [];
  for (const s of sources) {
    if (!existsSync(s.dir)) continue;
    for (const f of readdirSync(s.dir).filter((f2) => /^\d{4}_.+\.sql$/.test(f2)).sort()) {
      const sql = readFileSync(join(s.dir, f), "utf8");
      out.push({ module: s.module, name: f, sql, checksum: createHash("sha256").update(sql).digest("hex") });
    }
  }
  return out;
}
async function ensureTable(client) {
  await client.query(`
    CREATE TABLE IF NOT EXISTS platform_migrations (
      module text NOT NULL,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (module, name)
    )`);
}
async function pendingMigrations(pool, sources) {
  const all = listMigrations(sources);
  const exists = await pool.query(`SELECT to_regclass('platform_migrations') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return all.map((m) => `${m.module}/${m.name}`);
  const done = await pool.query(
    "SELECT module, name FROM platform_migrations"
  );
  const set = new Set(done.rows.map((r) => `${r.module}/${r.name}`));
  return all.map((m) => `${m.module}/${m.name}`).filter((k) => !set.has(k));
}
async function migrate(pool, sources, onApplied) {
  const all = listMigrations(sources);
  const client = await pool.connect();
  const applied = [];
  try {
    await ensureTable(client);
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      const done = await client.query(
        "SELECT module, name, checksum FROM platform_migrations"
      );
      const byKey = new Map(done.rows.map((r) => [`${r.module}/${r.name}`, r.checksum]));
      let i = 0;
      for (const m of all) {
        i++;
        const key = `${m.module}/${m.name}`;
        const prev = byKey.get(key);
        if (prev !== void 0) {
          if (prev !== m.checksum) {
            throw new Error(
              `A migra\xE7\xE3o ${key} foi alterada depois de aplicada (checksum diferente). Migra\xE7\xF5es n\xE3o s\xE3o editadas: crie uma nova.`
            );
          }
          continue;
        }
        await client.query("BEGIN");
        try {
          await client.query(m.sql);
          await client.query("INSERT INTO platform_migrations (module, name, checksum) VALUES ($1, $2, $3)", [
            m.module,
            m.name,
            m.checksum
          ]);
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK");
          throw new Error(`Falha ao aplicar a migra\xE7\xE3o ${key}: ${e.message}`, { cause: e });
        }
        applied.push(key);
        onApplied?.(key, i, all.length);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  return { applied, pending: [] };
}
export {
  listMigrations,
  migrate,
  pendingMigrations
};
