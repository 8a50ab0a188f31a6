import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Coalescer, createCoalescer } from '../db/coalescer';
import { type Database, statement } from '../db/database';
import { AppError, unprocessable } from '../errors';

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) for POSTs that create things.
 * The first request with a key claims it (a row inserted before the handler runs); the response
 * is stored when it completes. A retry with the same key and request (requestFingerprint: path,
 * query and body) replays the stored response; with anything different it is refused with 422; while the first is still running the retry
 * waits for it, so concurrent duplicates yield one record.
 */
const KEY_RE = /^[\w\-:.]{8,128}$/;
const WAIT_MS = 15_000;
const STALE_MS = 120_000;

/** Path parameters and query strings are flat objects: the same operation whatever the key order. */
const sortedJson = (o: unknown) =>
  JSON.stringify(
    o && typeof o === 'object' && !Array.isArray(o)
      ? Object.fromEntries(Object.entries(o).sort())
      : (o ?? null),
  );

/**
 * What a key stands for: the route's path parameters (which request, which task), its query
 * (an upload's category and file name) and its body — the bytes themselves for a raw body such as
 * a file upload, its JSON otherwise. The same key sent to another record, or with another file,
 * is another operation (422), not a replay.
 */
export function requestFingerprint(req: Pick<FastifyRequest, 'params' | 'query' | 'body'>): string {
  const h = createHash('sha256');
  h.update(sortedJson(req.params)).update('\u0000').update(sortedJson(req.query)).update('\u0000');
  if (Buffer.isBuffer(req.body)) h.update('bytes\u0000').update(req.body);
  else h.update(`json\u0000${JSON.stringify(req.body ?? null)}`);
  return h.digest('hex');
}

export interface ClaimOutcome {
  kind: 'claimed' | 'replay';
  status?: number;
  body?: string;
  contentType?: string;
}

/**
 * Claims and completions are the two extra writes of every creating request. Concurrent ones
 * share a statement (db/coalescer.ts): one round trip and one commit for a batch.
 *
 * A claim commits without waiting for its WAL flush (synchronous_commit off for that one
 * transaction, set inside the statement): the change it guards commits synchronously afterwards,
 * and flushing that commit flushes the WAL up to it, claim included. So a claim can only be lost
 * together with a change that was not committed either, and a flush per batch is saved. The
 * completion is synchronous: once the change is durable, its replayable answer must be too, or a
 * retry after a crash would run the change again.
 */
const CLAIM = statement(
  'idem_claim',
  `WITH async AS (SELECT set_config('synchronous_commit', 'off', true))
   INSERT INTO idempotency_keys (owner, key, method, route, body_hash)
   SELECT c.owner, c.key, c.method, c.route, c.body_hash
     FROM async, unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS c(owner, key, method, route, body_hash)
   ON CONFLICT (owner, key) DO NOTHING
   RETURNING owner, key`,
);
const COMPLETE = statement(
  'idem_complete',
  `UPDATE idempotency_keys k
      SET status_code = c.status, response_body = c.body, response_type = c.type, completed_at = now()
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) AS c(owner, key, status, body, type)
    WHERE k.owner = c.owner AND k.key = c.key`,
);

type ClaimItem = [owner: string, key: string, method: string, route: string, bodyHash: string];
type CompleteItem = [owner: string, key: string, status: number, body: string, type: string];
const coalescers = new WeakMap<
  Database,
  { claim: Coalescer<ClaimItem, boolean>; complete: Coalescer<CompleteItem, void> }
>();

function writersOf(db: Database) {
  let w = coalescers.get(db);
  if (!w) {
    w = {
      claim: createCoalescer(async (items: readonly ClaimItem[]) => {
        // A key twice in one batch (duplicates sent at once): the first claims it, the others
        // take the "already claimed" path and wait for its answer.
        const first = new Map<string, number>();
        items.forEach((it, i) => {
          const k = `${it[0]}\u0000${it[1]}`;
          if (!first.has(k)) first.set(k, i);
        });
        const unique = [...first.values()].map((i) => items[i]!);
        const cols = [0, 1, 2, 3, 4].map((c) => unique.map((it) => it[c]));
        const { rows } = await db.query<{ owner: string; key: string }>(CLAIM, cols);
        const claimed = new Set(rows.map((r) => `${r.owner}\u0000${r.key}`));
        return items.map((it, i) => {
          const k = `${it[0]}\u0000${it[1]}`;
          return first.get(k) === i && claimed.has(k);
        });
      }),
      complete: createCoalescer(async (items: readonly CompleteItem[]) => {
        const cols = [0, 1, 2, 3, 4].map((c) => items.map((it) => it[c]));
        await db.query(COMPLETE, cols);
        return items.map(() => undefined);
      }),
    };
    coalescers.set(db, w);
  }
  return w;
}

export async function claimIdempotencyKey(
  db: Database,
  req: FastifyRequest,
  owner: string,
  key: string,
): Promise<ClaimOutcome> {
  if (!KEY_RE.test(key)) {
    throw unprocessable('Idempotency-Key inválida: use de 8 a 128 caracteres (letras, números, - _ : .).', [
      { field: 'Idempotency-Key', message: 'formato inválido' },
    ]);
  }
  const route = req.routeOptions.url ?? req.url;
  const hash = requestFingerprint(req);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (await writersOf(db).claim.submit([owner, key, req.method, route, hash])) return { kind: 'claimed' };
    const { rows } = await db.pool.query(
      `SELECT method, route, body_hash, status_code, response_body, response_type, created_at FROM idempotency_keys
        WHERE owner = $1 AND key = $2`,
      [owner, key],
    );
    const row = rows[0];
    if (!row) continue; // expired and removed in between: claim again
    if (row.body_hash !== hash || row.route !== route || row.method !== req.method) {
      throw unprocessable(
        'Esta Idempotency-Key já foi usada com outro conteúdo. Use uma nova chave para uma nova operação.',
        [{ field: 'Idempotency-Key', message: 'reutilizada com corpo diferente' }],
      );
    }
    if (row.status_code !== null) {
      return {
        kind: 'replay',
        status: row.status_code,
        body: row.response_body,
        contentType: row.response_type,
      };
    }
    if (Date.now() - new Date(row.created_at).getTime() > STALE_MS) {
      // The first attempt died without answering: let this one take over.
      await db.pool.query(
        'DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND status_code IS NULL',
        [owner, key],
      );
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError(
        'conflict',
        'Uma requisição com esta Idempotency-Key ainda está em processamento. Tente novamente.',
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function completeIdempotencyKey(
  db: Database,
  owner: string,
  key: string,
  reply: FastifyReply,
  payload: unknown,
): Promise<void> {
  const status = reply.statusCode;
  if (status >= 500) {
    // A failure is not a result: free the key so the client can retry.
    await db.pool.query('DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2', [owner, key]);
    return;
  }
  await writersOf(db).complete.submit([
    owner,
    key,
    status,
    typeof payload === 'string' ? payload : JSON.stringify(payload),
    String(reply.getHeader('content-type') ?? ''),
  ]);
}

export async function purgeIdempotencyKeys(db: Database, ttlHours: number): Promise<number> {
  const r = await db.pool.query(
    `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
    [ttlHours],
  );
  return r.rowCount ?? 0;
}
