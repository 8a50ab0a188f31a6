import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../auth/roles';
import { type Database, type Executor, statement } from '../db/database';

/**
 * The audit trail (LGPD art. 37: record of every processing of personal data).
 *
 * Writing is one INSERT in the transaction of the access it records: it commits or rolls back
 * with it, and takes no lock, so audited requests run in parallel. Tamper evidence comes from
 * sealing: `sealAuditLog` links committed rows into a SHA-256 chain (table audit_chain) in an
 * order no running transaction can change any more; `verifyAuditChain` recomputes the chain
 * from the rows' columns. See docs/decisions/0002-audit-chain.md.
 */
export interface AuditEntry {
  /** read, create, update, delete, login, deny, export, … */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  outcome?: 'success' | 'denied' | 'error';
  /** Non-personal context (route, filters, counts). Never put CPF/name here: reference ids instead. */
  details?: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends one row in the caller's transaction (so the audit row commits or rolls back with the change). */
  record(exec: Executor, ctx: Ctx, entry: AuditEntry): Promise<void>;
  /** Appends on its own (denials, logins: nothing else to commit with). */
  recordNow(ctx: Ctx, entry: AuditEntry): Promise<void>;
  /**
   * Who, for a statement that writes its own audit rows (AUDIT_INSERT) in the same statement as
   * the read they record: [actor_id, actor_role, actor_unit_id, request_id]. When is the
   * platform clock's instant (deps.clock), one per statement.
   */
  actorColumns(ctx: Ctx): [string, string, string | null, string];
  /** Rows for a statement that writes them itself (auditInsertFromJson), as one jsonb parameter. */
  rows(ctx: Ctx, entries: readonly AuditEntry[]): string;
}

/**
 * The head of an INSERT of audit rows, for a module statement that reads personal data and
 * records the read in one round trip (the rows commit with the read, and only for what it
 * returns): `${AUDIT_INSERT} SELECT at, actor_id, actor_role, actor_unit_id, action,
 * resource_type, resource_id, outcome, request_id, details FROM …`. The columns are the
 * platform's; the module supplies the values (actorColumns() for who, deps.clock for when).
 */
export const AUDIT_INSERT =
  'INSERT INTO audit_log (at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome, request_id, details)';

/** The INSERT of audit rows given as a jsonb parameter (AuditLog.rows), as a CTE member of a module's statement. */
export function auditInsertFromJson(param: string): string {
  return `${AUDIT_INSERT}
          SELECT a.at, a.actor_id, a.actor_role, a.actor_unit_id, a.action, a.resource_type, a.resource_id, a.outcome,
                 a.request_id, a.details
            FROM jsonb_to_recordset(${param}::jsonb)
                 AS a(at timestamptz, actor_id text, actor_role text, actor_unit_id text, action text, resource_type text,
                      resource_id text, outcome text, request_id text, details jsonb)`;
}

export const GENESIS = '0'.repeat(64);
const SEAL_LOCK = 7_340_002;
const SEAL_BATCH = 5_000;

/** JSON with sorted keys: jsonb reorders keys, so the hash must not depend on key order. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

type StoredRow = {
  seq: number;
  at: Date | string;
  actor_id: string;
  actor_role: string;
  actor_unit_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  request_id: string | null;
  details: unknown;
};

const COLUMNS =
  'seq, at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome, request_id, details';

/** The canonical text of a stored row's content. */
export function rowContent(r: StoredRow): string {
  return canonicalJson([
    new Date(r.at).toISOString(),
    r.actor_id,
    r.actor_role,
    r.actor_unit_id,
    r.action,
    r.resource_type,
    r.resource_id,
    r.outcome,
    r.request_id,
    r.details,
  ]);
}

export function chainHash(prevHash: string, seq: number, content: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${content}`, 'utf8').digest('hex');
}

export function createAuditLog(db: Database, clock: { now(): Date }): AuditLog {
  const rowOf = (ctx: Ctx, entry: AuditEntry): PendingRow => [
    clock.now().toISOString(),
    ctx.actor.accountId,
    ctx.actor.role,
    ctx.actor.unitId,
    entry.action,
    entry.resourceType,
    entry.resourceId ?? null,
    entry.outcome ?? 'success',
    ctx.requestId,
    JSON.stringify(entry.details ?? {}),
  ];
  const batcher = createAuditBatcher(db);
  return {
    async record(exec, ctx, entry) {
      const r = rowOf(ctx, entry);
      // Outside a transaction (reads, denials, logins) rows are group-committed: the caller still
      // waits until its row is durable, but concurrent callers share one INSERT and one commit.
      if (exec === db.orm) return batcher.add(r);
      await exec.execute(sql`
        INSERT INTO audit_log (at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome,
                               request_id, details)
        VALUES (${r[0]}::timestamptz, ${r[1]}, ${r[2]}, ${r[3]}, ${r[4]}, ${r[5]}, ${r[6]}, ${r[7]}, ${r[8]}, ${r[9]}::jsonb)`);
    },
    recordNow: (ctx, entry) => batcher.add(rowOf(ctx, entry)),
    rows: (ctx, entries) =>
      JSON.stringify(
        entries.map((e) => {
          const r = rowOf(ctx, e);
          return {
            at: r[0],
            actor_id: r[1],
            actor_role: r[2],
            actor_unit_id: r[3],
            action: r[4],
            resource_type: r[5],
            resource_id: r[6],
            outcome: r[7],
            request_id: r[8],
            details: e.details ?? {},
          };
        }),
      ),
    actorColumns: (ctx) => [ctx.actor.accountId, ctx.actor.role, ctx.actor.unitId, ctx.requestId],
  };
}

type PendingRow = [
  string,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  string,
  string,
  string,
];

/**
 * Group commit for audit rows: rows arriving while a flush is in flight (or in the same tick)
 * are inserted together, in one statement and one transaction. Each add() resolves only after
 * the commit that contains its row, and rejects if that commit fails.
 */
const INSERT_BATCH = statement(
  'audit_insert_batch',
  `INSERT INTO audit_log (at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome,
                          request_id, details)
   SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::jsonb[])`,
);

function createAuditBatcher(
  db: Database,
  maxBatch = 1_000,
  maxInFlight = Number(process.env.AUDIT_INFLIGHT ?? 1),
) {
  let queue: { row: PendingRow; resolve(): void; reject(e: unknown): void }[] = [];
  let inFlight = 0;
  let scheduled = false;
  const flush = async () => {
    scheduled = false;
    if (inFlight >= maxInFlight || queue.length === 0) return;
    inFlight++;
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    try {
      const cols = Array.from({ length: 10 }, (_, i) => batch.map((b) => b.row[i]));
      await db.query(INSERT_BATCH, cols);
      for (const b of batch) b.resolve();
    } catch (e) {
      for (const b of batch) b.reject(e);
    } finally {
      inFlight--;
      if (queue.length > 0) void flush();
    }
  };
  return {
    add(row: PendingRow): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (!scheduled && inFlight < maxInFlight) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}

/**
 * Seals committed audit rows into the chain, in batches; returns how many were sealed. The chain's
 * order is the order of sealing: a row whose transaction is still open is invisible now and is
 * sealed in a later round. The resume point is a transaction id: rows of transactions older than
 * every transaction running when a round started are final, so once a round has sealed all it
 * could see, nothing below that horizon is left. One sealer at a time (advisory lock); safe to
 * run from every instance.
 */
export async function sealAuditLog(db: Database, maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
  let total = 0;
  for (let b = 0; b < maxBatches; b++) {
    const sealed = await db.tx(async (tx) => {
      const got = await tx.execute<{ ok: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`,
      );
      if (!got.rows[0]?.ok) return 0;
      const state = await tx.execute<{ low: string; horizon: string }>(
        sql`SELECT low_txid::text AS low, pg_snapshot_xmin(pg_current_snapshot())::text AS horizon FROM audit_seal_state`,
      );
      const { low, horizon } = state.rows[0]!;
      // Same statement, same snapshot as the horizon: every committed row below it is visible here.
      const rows = await tx.execute<StoredRow>(
        sql.raw(`
        SELECT ${COLUMNS} FROM audit_log a
         WHERE a.txid >= '${low}'::xid8
           AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)
         ORDER BY a.seq LIMIT ${SEAL_BATCH}`),
      );
      if (rows.rows.length > 0) {
        const last = await tx.execute<{ hash: string }>(
          sql`SELECT hash FROM audit_chain ORDER BY pos DESC LIMIT 1`,
        );
        let prev = last.rows[0]?.hash ?? GENESIS;
        const seqs: number[] = [];
        const prevs: string[] = [];
        const hashes: string[] = [];
        for (const r of rows.rows) {
          const seq = Number(r.seq);
          const h = chainHash(prev, seq, rowContent(r));
          seqs.push(seq);
          prevs.push(prev);
          hashes.push(h);
          prev = h;
        }
        await tx.execute(sql`
          INSERT INTO audit_chain (seq, prev_hash, hash)
          SELECT * FROM unnest(${`{${seqs.join(',')}}`}::bigint[], ${`{${prevs.join(',')}}`}::text[], ${`{${hashes.join(',')}}`}::text[])`);
      }
      // A full batch may have left visible rows behind: advance only after a partial one.
      if (rows.rows.length < SEAL_BATCH) {
        await tx.execute(sql`UPDATE audit_seal_state SET low_txid = greatest(low_txid, ${horizon}::xid8)`);
      }
      return rows.rows.length;
    });
    total += sealed;
    if (sealed < SEAL_BATCH) break;
  }
  return total;
}

export interface VerifyResult {
  ok: boolean;
  /** Chain entries verified. */
  checked: number;
  /** Audit row (seq) at which the first problem was found. */
  brokenAt: number | null;
  reason: string | null;
  /** Hash of the last chain entry: anchor it outside the database to detect truncation of the tail. */
  lastHash: string;
  /** Rows not sealed yet (written by transactions still open, or after the last seal). */
  unsealed: number;
}

/** Seals what is pending, then walks the whole chain: reports the first row altered, removed or forged. */
export async function verifyAuditChain(
  db: Database,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  await sealAuditLog(db);
  const total = Number((await db.pool.query('SELECT count(*)::int8 AS n FROM audit_chain')).rows[0].n);
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  const fail = (seq: number, reason: string): VerifyResult => ({
    ok: false,
    checked,
    brokenAt: seq,
    reason,
    lastHash: prev,
    unsealed: 0,
  });
  for (;;) {
    const { rows } = await db.pool.query(
      `SELECT c.pos, c.seq AS chain_seq, c.prev_hash, c.hash, a.seq IS NOT NULL AS present, ${COLUMNS.split(
        ', ',
      )
        .map((col) => `a.${col}`)
        .join(', ')}
         FROM audit_chain c LEFT JOIN audit_log a ON a.seq = c.seq
        WHERE c.pos > $1 ORDER BY c.pos LIMIT 5000`,
      [after],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.chain_seq);
      if (r.prev_hash !== prev)
        return fail(seq, 'elo quebrado: o encadeamento foi alterado (selo removido ou inserido)');
      if (!r.present)
        return fail(seq, 'registro removido: o selo aponta para um registro que não existe mais');
      if (chainHash(prev, seq, rowContent({ ...r, seq })) !== r.hash) {
        return fail(seq, 'conteúdo alterado: o hash do registro não confere com o selo');
      }
      prev = r.hash;
      after = Number(r.pos);
      checked++;
    }
    onProgress?.(checked, total);
  }
  const unsealed = Number(
    (
      await db.pool.query(
        'SELECT count(*)::int8 AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)',
      )
    ).rows[0].n,
  );
  return { ok: true, checked, brokenAt: null, reason: null, lastHash: prev, unsealed };
}

/** Seals periodically (every instance may run it; one seals at a time). Returns a stop function. */
export function startAuditSealer(
  db: Database,
  log: { error(o: object, m: string): void },
  everyMs = 1_000,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? 0 : sealAuditLog(db, 20)))
      .catch((err) => log.error({ err }, 'falha ao selar a trilha de auditoria'));
  }, everyMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
