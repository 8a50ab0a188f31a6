import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the server of `baseUrl` (tests and benchmarks each get their own,
 * so they can run in parallel and leave nothing behind).
 */
export async function createFreshDatabase(baseUrl: string, prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** With TEST_DATABASE_URL set (CI's real PostgreSQL pass), a fresh database there; otherwise none. */
export async function freshTestDatabase(prefix: string): Promise<FreshDatabase | undefined> {
  const base = process.env.TEST_DATABASE_URL;
  return base ? createFreshDatabase(base, prefix) : undefined;
}
