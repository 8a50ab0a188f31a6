import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { keepProtocolExchangesTogether } from './pglite-queue';

// DATE columns stay "YYYY-MM-DD" strings (legal calendar dates, never shifted by a time zone);
// BIGINT (int8) as JS numbers: our counters and cents stay below 2^53.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

export type Orm = NodePgDatabase<Record<string, never>>;
export type Transaction = Parameters<Parameters<Orm['transaction']>[0]>[0];
/** Anything that runs queries: the pool-backed ORM or an open transaction. */
export type Executor = Orm | Transaction;

/**
 * A statement of a hot path, written once as parameterized SQL text. On PostgreSQL it runs as a
 * named prepared statement: parsed and planned once per connection instead of on every call. On
 * the embedded PGlite every pooled connection shares one session, where one connection's
 * prepared name would collide with another's; there it runs unnamed. List columns explicitly
 * (no `*`): a cached plan whose result columns change under it (a migration applied by another
 * instance) fails instead of replanning.
 */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

const statementTexts = new Map<string, string>();

export function statement(name: string, text: string): Statement {
  const known = statementTexts.get(name);
  if (known !== undefined && known !== text)
    throw new Error(`Comando preparado declarado duas vezes: ${name}`);
  statementTexts.set(name, text);
  return Object.freeze({ name, text });
}

export interface Database {
  /** 'pglite' when running on the embedded database, 'postgres' on a real server. */
  kind: 'pglite' | 'postgres';
  /** Connection string the pool uses (the embedded server's, when embedded). */
  url: string;
  pool: pg.Pool;
  orm: Orm;
  /** Runs fn in a transaction (READ COMMITTED unless told otherwise); commits or rolls back. */
  tx<T>(
    fn: (tx: Transaction) => Promise<T>,
    opts?: { isolation?: 'read committed' | 'repeatable read' | 'serializable' },
  ): Promise<T>;
  /** Runs a prepared statement on the pool, or on the connection of `on` (an open transaction). */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(
    st: Statement,
    values: readonly unknown[],
    on?: Executor,
  ): Promise<pg.QueryResult<R>>;
  close(): Promise<void>;
}

/** The node-postgres pool or client under a Drizzle executor (the pool for `db.orm`, the transaction's client for a `tx`). */
export function pgClientOf(exec: Executor): pg.Pool | pg.PoolClient {
  const client = (exec as unknown as { session?: { client?: pg.Pool | pg.PoolClient } }).session?.client;
  if (!client || typeof client.query !== 'function')
    throw new Error('drizzle: conexão do executor não encontrada (versão incompatível?)');
  return client;
}

export interface OpenOptions {
  /** A real PostgreSQL ≥ 15. When absent, an embedded PGlite is started and served over the Postgres protocol. */
  url?: string | undefined;
  /** Embedded database folder; "memory://" keeps it in memory (tests). */
  pgliteDir?: string;
  poolSize?: number;
  applicationName?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  let url = opts.url;
  let embedded: { pglite: PGlite; server: PGLiteSocketServer } | undefined;
  let releaseLock: (() => void) | undefined;
  if (!url) {
    const dir = opts.pgliteDir ?? 'memory://';
    if (!dir.startsWith('memory://')) {
      mkdirSync(dir, { recursive: true });
      releaseLock = lockDataDir(dir);
    }
    // Compile PGlite's WebAssembly lazily, function by function: eager compilation of the whole
    // module costs ~300 MB of resident memory for code that is mostly never run.
    setFlagsFromString('--wasm-lazy-compilation');
    const pglite = await PGlite.create(dir, {
      // An embedded database for evaluation and development: small buffers keep the server's
      // memory low (the demo database is ~60 MB; a production deployment uses a real PostgreSQL
      // through DATABASE_URL). 32 MB of shared buffers cost ~25 MB more of resident memory.
      postgresqlconf: ['shared_buffers=8MB', 'work_mem=2MB', 'maintenance_work_mem=16MB'],
    });
    // PGlite executes one query at a time; the socket server multiplexes connections and keeps
    // a transaction's queries together, so pooled `pg` clients behave correctly (not concurrently).
    const server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 64 });
    keepProtocolExchangesTogether(server);
    await server.start();
    url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    embedded = { pglite, server };
  }
  const pool = new pg.Pool({
    connectionString: embedded ? url : withSessionOptions(url, '-c jit=off'),
    max: opts.poolSize ?? (embedded ? 8 : 20),
    application_name: opts.applicationName ?? 'previdencia',
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => {
    // An idle client lost its connection (server restart): the pool replaces it on next use.
  });
  const orm = drizzle(pool) as Orm;
  return {
    kind: embedded ? 'pglite' : 'postgres',
    url,
    pool,
    orm,
    tx(fn, o) {
      return orm.transaction(fn, o?.isolation ? { isolationLevel: o.isolation } : undefined);
    },
    query<R extends pg.QueryResultRow>(st: Statement, values: readonly unknown[], on?: Executor) {
      const client = on && on !== orm ? pgClientOf(on) : pool;
      const config: pg.QueryConfig = embedded
        ? { text: st.text, values: values as unknown[] }
        : { name: st.name, text: st.text, values: values as unknown[] };
      return client.query<R>(config);
    },
    async close() {
      await pool.end();
      if (embedded) {
        await embedded.server.stop();
        await embedded.pglite.close();
      }
      releaseLock?.();
    },
  };
}

/**
 * Adds startup options to a PostgreSQL URL's `options` (kept with those the URL already has).
 *
 * The application's sessions run without JIT compilation: its statements are short (OLTP), and a
 * prepared one whose generic-plan estimate passes jit_above_cost (jsonb or array lists are
 * estimated at 100 rows each) was compiled again on every execution — measured at ~400 ms, for
 * a statement that runs in 1 ms.
 */
export function withSessionOptions(url: string, options: string): string {
  const u = new URL(url);
  const given = u.searchParams.get('options');
  u.searchParams.set('options', given ? `${given} ${options}` : options);
  return u.toString();
}

/**
 * PGlite is a single process's database: two processes opening the same directory (a running
 * `previdencia serve` and a CLI command) would corrupt it. A lock file with the owner's pid makes
 * the second one stop with an explanation instead; a lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'previdencia.lock');
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `O banco embarcado em ${dir} está em uso pelo processo ${pid} (previdencia serve?). ` +
          'Pare esse processo, ou use um PostgreSQL (DATABASE_URL) para acessos simultâneos.',
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
