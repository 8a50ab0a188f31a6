import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import { AppError, unprocessable } from '../errors';

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) for POSTs that create things.
 * The first request with a key claims it (a row inserted before the handler runs); the response
 * is stored when it completes. A retry with the same key and body replays the stored response;
 * with a different body it is refused with 422; while the first is still running the retry
 * waits for it, so concurrent duplicates yield one record.
 */
const KEY_RE = /^[\w\-:.]{8,128}$/;
const WAIT_MS = 15_000;
const STALE_MS = 120_000;

export const bodyHash = (body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');

export interface ClaimOutcome {
  kind: 'claimed' | 'replay';
  status?: number;
  body?: string;
  contentType?: string;
}

/**
 * The claim commits without waiting for its WAL flush (synchronous_commit off): the change it
 * guards commits synchronously afterwards, and flushing that commit flushes the WAL up to it,
 * claim included. So a claim can only be lost together with a change that was not committed
 * either, and one fsync per creating request is saved.
 */
async function insertClaim(db: Database, params: string[]): Promise<boolean> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    const ins = await client.query(
      `INSERT INTO idempotency_keys (owner, key, method, route, body_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
      params,
    );
    await client.query('COMMIT');
    return ins.rowCount === 1;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
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
  const hash = bodyHash(req.body);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (await insertClaim(db, [owner, key, req.method, route, hash])) return { kind: 'claimed' };
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
  await db.pool.query(
    `UPDATE idempotency_keys SET status_code = $3, response_body = $4, response_type = $5, completed_at = now()
      WHERE owner = $1 AND key = $2`,
    [
      owner,
      key,
      status,
      typeof payload === 'string' ? payload : JSON.stringify(payload),
      String(reply.getHeader('content-type') ?? ''),
    ],
  );
}

export async function purgeIdempotencyKeys(db: Database, ttlHours: number): Promise<number> {
  const r = await db.pool.query(
    `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
    [ttlHours],
  );
  return r.rowCount ?? 0;
}
