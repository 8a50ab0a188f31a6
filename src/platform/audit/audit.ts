import { createHash, hash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../auth/roles';
import { type Database, type Executor, statement } from '../db/database';

/**
 * The audit trail (LGPD art. 37: record of every processing of personal data).
 *
 * Writing is one INSERT in the transaction of the access it records: it commits or rolls back
 * with it, and takes no lock, so audited requests run in parallel. Tamper evidence comes from
 * sealing: `sealAuditLog` links committed rows into a SHA-256 chain, one seal per batch of rows
 * (table audit_seal; audit_chain holds the per-row seals made before migration 0004), in an order
 * no running transaction can change any more; PostgreSQL writes out and hashes the rows
 * (migration 0005). `verifyAuditChain` recomputes the chain in JavaScript from the rows' columns.
 * See docs/decisions/0002, 0007 and 0008.
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
/**
 * Rows per seal: one statement seals them. On the embedded database that statement runs on the
 * request thread (PGlite executes there), 34–62 ms for 5,000 rows: 500 keeps each stall to a few
 * milliseconds, and requests are served between two of them.
 */
export function sealBatchSize(db: Pick<Database, 'kind'>): number {
  return db.kind === 'pglite' ? 500 : 5_000;
}

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

const str = (v: string | null | undefined) => JSON.stringify(v) ?? 'null';

/** The canonical text of a row, with `details` already written out (the row format says how). */
function contentWith(r: Omit<StoredRow, 'details'>, details: string): string {
  return `[${str(new Date(r.at).toISOString())},${str(r.actor_id)},${str(r.actor_role)},${str(r.actor_unit_id)},${str(
    r.action,
  )},${str(r.resource_type)},${str(r.resource_id)},${str(r.outcome)},${str(r.request_id)},${details}]`;
}

/**
 * The canonical text of a stored row's content in row format 1: canonicalJson of [at as ISO
 * text, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome,
 * request_id, details], written out.
 */
export function rowContent(r: StoredRow): string {
  return contentWith(r, canonicalJson(r.details));
}

/**
 * The canonical text of a row in row format 2 (seals made in SQL, migration 0005): rowContent's
 * text with `details` as PostgreSQL's text of the jsonb value (`details_text`, read as
 * `details::text`), which is what ROW_CONTENT_SQL writes.
 */
export function rowContent2(r: Omit<StoredRow, 'details'> & { details_text: string }): string {
  return contentWith(r, r.details_text);
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

/** SHA-256 of one sealed row: its seq and canonical content (32 bytes). */
export function rowDigest(seq: number, content: string): Buffer {
  return hash('sha256', `${seq}\n${content}`, 'buffer');
}

/** The chain hash of a batch seal: the previous hash, then the digests of its rows in order. */
export function sealHash(prevHash: string, digests: Buffer): string {
  return createHash('sha256').update(`${prevHash}\n`, 'utf8').update(digests).digest('hex');
}

/**
 * The audit rows not sealed yet, from the sealer's mark `low` (an xid8 expression): every such
 * row is from a transaction at or above the mark, and a row above it that is already sealed is in
 * a seal whose max_txid is above it too, or (sealed before migration 0004) in audit_chain. The
 * seals above the mark are the last one or two (the mark follows the sealer, sealRound): their
 * seqs are checked as a hashed subplan (NOT IN), one probe per row whatever plan the rest takes —
 * as an anti-join the planner took a nested loop over them, one scan of the seals' seqs per row.
 * audit_chain is only looked at for rows at or below its last seq, one index probe each: as an
 * anti-join it hashed the whole table, and sorted what the txid index had given in order.
 */
function unsealedRows(select: string, low: string, tail: string): string {
  return `WITH sealed AS MATERIALIZED (
            SELECT u.seq FROM audit_seal s CROSS JOIN LATERAL unnest(s.seqs) AS u(seq) WHERE s.max_txid >= ${low})
          SELECT ${select} FROM audit_log a
           WHERE a.txid >= ${low}
             AND a.seq NOT IN (SELECT seq FROM sealed)
             AND (a.seq > (SELECT coalesce(max(seq), 0) FROM audit_chain)
                  OR NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq))
           ${tail}`;
}

/**
 * The canonical text of a row in row format 2, as SQL over audit_log's columns (alias `a`): the
 * text rowContent2 writes in JavaScript from the same row, byte for byte — `at` as ISO 8601 in
 * UTC with milliseconds (both truncate the microseconds), text columns as JSON strings (to_json
 * and JSON.stringify escape the same characters the same way), null as null, and details as the
 * jsonb's own text.
 */
const ROW_CONTENT_SQL = `'[' || to_json(to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
   || ',' || to_json(a.actor_id)::text || ',' || to_json(a.actor_role)::text
   || ',' || coalesce(to_json(a.actor_unit_id)::text, 'null') || ',' || to_json(a.action)::text
   || ',' || to_json(a.resource_type)::text || ',' || coalesce(to_json(a.resource_id)::text, 'null')
   || ',' || to_json(a.outcome)::text || ',' || coalesce(to_json(a.request_id)::text, 'null')
   || ',' || a.details::text || ']'`;

/** rowDigest in SQL: sha256 of the seq, a line break and the row's format-2 text, as UTF-8. */
export const ROW_DIGEST_SQL = `sha256(convert_to(a.seq::text || E'\\n' || ${ROW_CONTENT_SQL}, 'UTF8'))`;

/**
 * One seal, one statement: the unsealed rows from the mark in transaction order (txid, then
 * seq; up to `batch` rows, sealBatchSize), each row's digest, the seal over them with the chain
 * hash sha256(previous hash, a line break, the digests) — sealHash — and the mark's advance, all
 * in one snapshot. Rows of transactions below the snapshot's horizon (xmin) are final. After a partial
 * batch every visible row from the mark on is sealed, so the mark goes to the horizon; after a
 * full one, every row of a transaction below the batch's last one is sealed too (the scan is in
 * txid order), so it goes to the lower of the two. Rows of that last transaction may be left
 * for the next batch, which skips the ones already sealed. The scan walks the txid index from
 * the mark and stops at the batch's end: its cost does not grow with the trail.
 */
const sealRound = (batch: number) => `
  WITH st AS (SELECT low_txid AS low, pg_snapshot_xmin(pg_current_snapshot()) AS horizon FROM audit_seal_state),
  batch AS MATERIALIZED (
    ${unsealedRows(`a.seq, a.txid, ${ROW_DIGEST_SQL} AS digest`, '(SELECT low FROM st)', `ORDER BY a.txid, a.seq LIMIT ${batch}`)}),
  agg AS (
    -- One pass over the batch for both lists: seqs[i] and the i-th digest come from the same row,
    -- whatever order the pass takes, and that order is the chain's (verification reads it back).
    SELECT count(*)::int AS n, array_agg(seq) AS seqs, string_agg(digest, ''::bytea) AS digests,
           max(txid) AS max_txid
      FROM batch),
  prev AS (
    SELECT coalesce((SELECT hash FROM audit_seal ORDER BY pos DESC LIMIT 1),
                    (SELECT hash FROM audit_chain ORDER BY pos DESC LIMIT 1), '${GENESIS}') AS h),
  inserted AS (
    INSERT INTO audit_seal (seqs, digests, max_txid, prev_hash, hash, row_format)
    SELECT agg.seqs, agg.digests, agg.max_txid, prev.h,
           encode(sha256(convert_to(prev.h || E'\\n', 'UTF8') || agg.digests), 'hex'), 2
      FROM agg, prev WHERE agg.n > 0),
  mark AS (
    UPDATE audit_seal_state
       SET low_txid = greatest(low_txid, CASE WHEN agg.n < ${batch} THEN st.horizon
                                              ELSE least(st.horizon, agg.max_txid) END)
      FROM agg, st)
  -- inserted and mark run whether or not this reads them (data-modifying CTEs always do).
  SELECT agg.n FROM agg`;

/**
 * Seals committed audit rows into the chain, one seal (audit_seal) per batch of up to 5,000
 * rows; returns how many rows were sealed. The chain's order is the order of sealing: a row whose
 * transaction is still open is invisible now and is sealed in a later round. The resume point is
 * a transaction id (sealRound says how it advances). One sealer at a time (advisory lock); safe
 * to run from every instance. The rows are read, written out and hashed inside PostgreSQL:
 * nothing but a count comes back.
 */
export async function sealAuditLog(db: Database, maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
  const batch = sealBatchSize(db);
  const round = sealRound(batch);
  let total = 0;
  for (let b = 0; b < maxBatches; b++) {
    const sealed = await db.tx(async (tx) => {
      const got = await tx.execute<{ ok: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`,
      );
      if (!got.rows[0]?.ok) return 0;
      const r = await tx.execute<{ n: number }>(sql.raw(round));
      return r.rows[0]!.n;
    });
    total += sealed;
    if (sealed < batch) break;
  }
  return total;
}

/**
 * Audit rows not sealed yet, counted up to `cap` (the /metrics gauge and audit verify: with a
 * healthy sealer, the rows of the last second or so; a count that keeps growing means no sealer
 * is running).
 */
export async function countUnsealed(db: Database, cap = 1_000_000): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT count(*)::int8 AS n FROM (${unsealedRows('1', '(SELECT low_txid FROM audit_seal_state)', 'LIMIT $1')}) x`,
    [cap],
  );
  return Number(rows[0].n);
}

export interface VerifyResult {
  ok: boolean;
  /** Sealed rows verified. */
  checked: number;
  /** Audit row (seq) at which the first problem was found. */
  brokenAt: number | null;
  reason: string | null;
  /** Hash of the last seal: anchor it outside the database to detect truncation of the tail. */
  lastHash: string;
  /** Rows not sealed yet (written by transactions still open, or after the last seal). */
  unsealed: number;
}

const REMOVED = 'registro removido: o selo aponta para um registro que não existe mais';
const ALTERED = 'conteúdo alterado: o hash do registro não confere com o selo';
const RELINKED = 'elo quebrado: o encadeamento foi alterado (selo removido ou inserido)';

/**
 * Seals what is pending, then walks the whole chain — the per-row seals of audit_chain, then the
 * batch seals of audit_seal — and reports the first row altered, removed or forged.
 */
export async function verifyAuditChain(
  db: Database,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  await sealAuditLog(db);
  const counts = (
    await db.pool.query(
      `SELECT (SELECT count(*) FROM audit_chain)::int8 AS rows_chain,
              (SELECT coalesce(sum(cardinality(seqs)), 0) FROM audit_seal)::int8 AS rows_seal`,
    )
  ).rows[0];
  const total = Number(counts.rows_chain) + Number(counts.rows_seal);
  let prev = GENESIS;
  let checked = 0;
  const fail = (seq: number, reason: string): VerifyResult => ({
    ok: false,
    checked,
    brokenAt: seq,
    reason,
    lastHash: prev,
    unsealed: 0,
  });
  // Rows sealed one by one (before migration 0004).
  for (let after = 0; ; ) {
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
      if (r.prev_hash !== prev) return fail(seq, RELINKED);
      if (!r.present) return fail(seq, REMOVED);
      if (chainHash(prev, seq, rowContent({ ...r, seq })) !== r.hash) return fail(seq, ALTERED);
      prev = r.hash;
      after = Number(r.pos);
      checked++;
    }
    onProgress?.(checked, total);
  }
  // Batch seals: the link, the seal's own hash over its digests, then each row against its digest.
  for (let after = 0; ; ) {
    const { rows: seals } = await db.pool.query<{
      pos: string;
      seqs: string[];
      digests: Buffer;
      prev_hash: string;
      hash: string;
      row_format: number;
    }>(
      'SELECT pos, seqs, digests, prev_hash, hash, row_format FROM audit_seal WHERE pos > $1 ORDER BY pos LIMIT 4',
      [after],
    );
    if (seals.length === 0) break;
    for (const s of seals) {
      const seqs = s.seqs.map(Number);
      const first = seqs[0] ?? 0;
      if (s.prev_hash !== prev) return fail(first, RELINKED);
      if (s.digests.length !== 32 * seqs.length || sealHash(prev, s.digests) !== s.hash) {
        return fail(first, 'selo alterado: o hash do lote não confere com os hashes das linhas');
      }
      const { rows } = await db.pool.query<StoredRow & { details_text: string }>(
        `SELECT ${COLUMNS}, details::text AS details_text FROM audit_log WHERE seq = ANY($1::bigint[])`,
        [seqs],
      );
      const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
      const content = s.row_format === 2 ? rowContent2 : rowContent;
      for (let i = 0; i < seqs.length; i++) {
        const seq = seqs[i]!;
        const r = bySeq.get(seq);
        if (!r) return fail(seq, REMOVED);
        if (!rowDigest(seq, content(r)).equals(s.digests.subarray(32 * i, 32 * i + 32))) {
          return fail(seq, ALTERED);
        }
        checked++;
      }
      prev = s.hash;
      after = Number(s.pos);
      onProgress?.(checked, total);
    }
  }
  return {
    ok: true,
    checked,
    brokenAt: null,
    reason: null,
    lastHash: prev,
    unsealed: await countUnsealed(db),
  };
}

/**
 * Seals periodically (every instance may run it; one seals at a time), on this thread: each seal
 * is one statement (sealRound) and the database does the hashing, so the server's share is a few
 * queries a second. Returns a stop function, which waits for a round in progress.
 */
export function startAuditSealer(
  db: Database,
  log: { error(o: object, m: string): void },
  everyMs = 1_000,
): () => Promise<void> {
  return sealEvery(db, everyMs, (err) => log.error({ err }, 'falha ao selar a trilha de auditoria'));
}

/** Runs sealAuditLog every everyMs, one round at a time; the stop function waits for a round in progress. */
function sealEvery(db: Database, everyMs: number, onError: (err: unknown) => void): () => Promise<void> {
  // Up to 100,000 rows a round, whatever the batch size: 20 seals on PostgreSQL, 200 embedded.
  const batches = Math.ceil(100_000 / sealBatchSize(db));
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => (stopped ? 0 : sealAuditLog(db, batches))).catch(onError);
  }, everyMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
