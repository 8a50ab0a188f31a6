import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

/**
 * Applies each module's checked-in SQL migrations (`NNNN_description.sql`), module by module in
 * registry order, each file once, each in its own transaction. The checksum of every applied file
 * is recorded: a migration edited after it landed stops start-up instead of silently diverging.
 */
export interface MigrationSource {
  module: string;
  dir: string;
}

export interface MigrationResult {
  applied: string[];
  pending: string[];
}

const LOCK_KEY = 7_340_001; // advisory lock: one migrator at a time across instances

export function listMigrations(sources: MigrationSource[]) {
  const out: { module: string; name: string; sql: string; checksum: string }[] = [];
  for (const s of sources) {
    if (!existsSync(s.dir)) continue;
    for (const f of readdirSync(s.dir)
      .filter((f) => /^\d{4}_.+\.sql$/.test(f))
      .sort()) {
      const sql = readFileSync(join(s.dir, f), 'utf8');
      out.push({ module: s.module, name: f, sql, checksum: createHash('sha256').update(sql).digest('hex') });
    }
  }
  return out;
}

async function ensureTable(client: pg.PoolClient | pg.Pool) {
  await client.query(`
    CREATE TABLE IF NOT EXISTS platform_migrations (
      module text NOT NULL,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (module, name)
    )`);
}

export async function pendingMigrations(pool: pg.Pool, sources: MigrationSource[]): Promise<string[]> {
  const all = listMigrations(sources);
  const exists = await pool.query(`SELECT to_regclass('platform_migrations') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return all.map((m) => `${m.module}/${m.name}`);
  const done = await pool.query<{ module: string; name: string }>(
    'SELECT module, name FROM platform_migrations',
  );
  const set = new Set(done.rows.map((r) => `${r.module}/${r.name}`));
  return all.map((m) => `${m.module}/${m.name}`).filter((k) => !set.has(k));
}

export async function migrate(
  pool: pg.Pool,
  sources: MigrationSource[],
  onApplied?: (name: string, index: number, total: number) => void,
): Promise<MigrationResult> {
  const all = listMigrations(sources);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await ensureTable(client);
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const done = await client.query<{ module: string; name: string; checksum: string }>(
        'SELECT module, name, checksum FROM platform_migrations',
      );
      const byKey = new Map(done.rows.map((r) => [`${r.module}/${r.name}`, r.checksum]));
      let i = 0;
      for (const m of all) {
        i++;
        const key = `${m.module}/${m.name}`;
        const prev = byKey.get(key);
        if (prev !== undefined) {
          if (prev !== m.checksum) {
            throw new Error(
              `A migração ${key} foi alterada depois de aplicada (checksum diferente). Migrações não são editadas: crie uma nova.`,
            );
          }
          continue;
        }
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO platform_migrations (module, name, checksum) VALUES ($1, $2, $3)', [
            m.module,
            m.name,
            m.checksum,
          ]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw new Error(`Falha ao aplicar a migração ${key}: ${(e as Error).message}`, { cause: e });
        }
        applied.push(key);
        onApplied?.(key, i, all.length);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  return { applied, pending: [] };
}
