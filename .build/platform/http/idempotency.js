import { createHash } from "node:crypto";
import { AppError, unprocessable } from "../errors.js";
const KEY_RE = /^[\w\-:.]{8,128}$/;
const WAIT_MS = 15e3;
const STALE_MS = 12e4;
const bodyHash = (body) => createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex");
async function insertClaim(db, params) {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    const ins = await client.query(
      `INSERT INTO idempotency_keys (owner, key, method, route, body_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
      params
    );
    await client.query("COMMIT");
    return ins.rowCount === 1;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => void 0);
    throw e;
  } finally {
    client.release();
  }
}
async function claimIdempotencyKey(db, req, owner, key) {
  if (!KEY_RE.test(key)) {
    throw unprocessable("Idempotency-Key inv\xE1lida: use de 8 a 128 caracteres (letras, n\xFAmeros, - _ : .).", [
      { field: "Idempotency-Key", message: "formato inv\xE1lido" }
    ]);
  }
  const route = req.routeOptions.url ?? req.url;
  const hash = bodyHash(req.body);
  const deadline = Date.now() + WAIT_MS;
  for (; ; ) {
    if (await insertClaim(db, [owner, key, req.method, route, hash])) return { kind: "claimed" };
    const { rows } = await db.pool.query(
      `SELECT method, route, body_hash, status_code, response_body, response_type, created_at FROM idempotency_keys
        WHERE owner = $1 AND key = $2`,
      [owner, key]
    );
    const row = rows[0];
    if (!row) continue;
    if (row.body_hash !== hash || row.route !== route || row.method !== req.method) {
      throw unprocessable(
        "Esta Idempotency-Key j\xE1 foi usada com outro conte\xFAdo. Use uma nova chave para uma nova opera\xE7\xE3o.",
        [{ field: "Idempotency-Key", message: "reutilizada com corpo diferente" }]
      );
    }
    if (row.status_code !== null) {
      return {
        kind: "replay",
        status: row.status_code,
        body: row.response_body,
        contentType: row.response_type
      };
    }
    if (Date.now() - new Date(row.created_at).getTime() > STALE_MS) {
      await db.pool.query(
        "DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND status_code IS NULL",
        [owner, key]
      );
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError(
        "conflict",
        "Uma requisi\xE7\xE3o com esta Idempotency-Key ainda est\xE1 em processamento. Tente novamente."
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
async function completeIdempotencyKey(db, owner, key, reply, payload) {
  const status = reply.statusCode;
  if (status >= 500) {
    await db.pool.query("DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2", [owner, key]);
    return;
  }
  await db.pool.query(
    `UPDATE idempotency_keys SET status_code = $3, response_body = $4, response_type = $5, completed_at = now()
      WHERE owner = $1 AND key = $2`,
    [
      owner,
      key,
      status,
      typeof payload === "string" ? payload : JSON.stringify(payload),
      String(reply.getHeader("content-type") ?? "")
    ]
  );
}
async function purgeIdempotencyKeys(db, ttlHours) {
  const r = await db.pool.query(
    `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
    [ttlHours]
  );
  return r.rowCount ?? 0;
}
export {
  bodyHash,
  claimIdempotencyKey,
  completeIdempotencyKey,
  purgeIdempotencyKeys
};
