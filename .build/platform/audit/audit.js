import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
const GENESIS = "0".repeat(64);
const SEAL_LOCK = 7340002;
const SEAL_BATCH = 5e3;
function canonicalJson(v) {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v;
  return `{${Object.keys(o).filter((k) => o[k] !== void 0).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
}
const COLUMNS = "seq, at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome, request_id, details";
function rowContent(r) {
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
    r.details
  ]);
}
function chainHash(prevHash, seq, content) {
  return createHash("sha256").update(`${prevHash}
${seq}
${content}`, "utf8").digest("hex");
}
function createAuditLog(db, clock) {
  const rowOf = (ctx, entry) => [
    clock.now().toISOString(),
    ctx.actor.accountId,
    ctx.actor.role,
    ctx.actor.unitId,
    entry.action,
    entry.resourceType,
    entry.resourceId ?? null,
    entry.outcome ?? "success",
    ctx.requestId,
    JSON.stringify(entry.details ?? {})
  ];
  const batcher = createAuditBatcher(db);
  return {
    async record(exec, ctx, entry) {
      const r = rowOf(ctx, entry);
      if (exec === db.orm) return batcher.add(r);
      await exec.execute(sql`
        INSERT INTO audit_log (at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome,
                               request_id, details)
        VALUES (${r[0]}::timestamptz, ${r[1]}, ${r[2]}, ${r[3]}, ${r[4]}, ${r[5]}, ${r[6]}, ${r[7]}, ${r[8]}, ${r[9]}::jsonb)`);
    },
    recordNow: (ctx, entry) => batcher.add(rowOf(ctx, entry))
  };
}
function createAuditBatcher(db, maxBatch = 1e3) {
  let queue = [];
  let flushing = false;
  const flush = async () => {
    if (flushing || queue.length === 0) return;
    flushing = true;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      const cols = Array.from({ length: 10 }, (_, i) => batch.map((b) => b.row[i]));
      await db.pool.query(
        `INSERT INTO audit_log (at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome,
                               request_id, details)
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                              $8::text[], $9::text[], $10::jsonb[])`,
        cols
      );
      for (const b of batch) b.resolve();
    } catch (e) {
      for (const b of batch) b.reject(e);
    } finally {
      flushing = false;
      if (queue.length > 0) void flush();
    }
  };
  return {
    add(row) {
      return new Promise((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (!flushing) setImmediate(() => void flush());
      });
    }
  };
}
async function sealAuditLog(db, maxBatches = Number.POSITIVE_INFINITY) {
  let total = 0;
  for (let b = 0; b < maxBatches; b++) {
    const sealed = await db.tx(async (tx) => {
      const got = await tx.execute(
        sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`
      );
      if (!got.rows[0]?.ok) return 0;
      const state = await tx.execute(
        sql`SELECT low_txid::text AS low, pg_snapshot_xmin(pg_current_snapshot())::text AS horizon FROM audit_seal_state`
      );
      const { low, horizon } = state.rows[0];
      const rows = await tx.execute(
        sql.raw(`
        SELECT ${COLUMNS} FROM audit_log a
         WHERE a.txid >= '${low}'::xid8
           AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)
         ORDER BY a.seq LIMIT ${SEAL_BATCH}`)
      );
      if (rows.rows.length > 0) {
        const last = await tx.execute(
          sql`SELECT hash FROM audit_chain ORDER BY pos DESC LIMIT 1`
        );
        let prev = last.rows[0]?.hash ?? GENESIS;
        const seqs = [];
        const prevs = [];
        const hashes = [];
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
          SELECT * FROM unnest(${`{${seqs.join(",")}}`}::bigint[], ${`{${prevs.join(",")}}`}::text[], ${`{${hashes.join(",")}}`}::text[])`);
      }
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
async function verifyAuditChain(db, onProgress) {
  await sealAuditLog(db);
  const total = Number((await db.pool.query("SELECT count(*)::int8 AS n FROM audit_chain")).rows[0].n);
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  const fail = (seq, reason) => ({
    ok: false,
    checked,
    brokenAt: seq,
    reason,
    lastHash: prev,
    unsealed: 0
  });
  for (; ; ) {
    const { rows } = await db.pool.query(
      `SELECT c.pos, c.seq AS chain_seq, c.prev_hash, c.hash, a.seq IS NOT NULL AS present, ${COLUMNS.split(
        ", "
      ).map((col) => `a.${col}`).join(", ")}
         FROM audit_chain c LEFT JOIN audit_log a ON a.seq = c.seq
        WHERE c.pos > $1 ORDER BY c.pos LIMIT 5000`,
      [after]
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.chain_seq);
      if (r.prev_hash !== prev)
        return fail(seq, "elo quebrado: o encadeamento foi alterado (selo removido ou inserido)");
      if (!r.present)
        return fail(seq, "registro removido: o selo aponta para um registro que n\xE3o existe mais");
      if (chainHash(prev, seq, rowContent({ ...r, seq })) !== r.hash) {
        return fail(seq, "conte\xFAdo alterado: o hash do registro n\xE3o confere com o selo");
      }
      prev = r.hash;
      after = Number(r.pos);
      checked++;
    }
    onProgress?.(checked, total);
  }
  const unsealed = Number(
    (await db.pool.query(
      "SELECT count(*)::int8 AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.seq = a.seq)"
    )).rows[0].n
  );
  return { ok: true, checked, brokenAt: null, reason: null, lastHash: prev, unsealed };
}
function startAuditSealer(db, log, everyMs = 1e3) {
  let stopped = false;
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => stopped ? 0 : sealAuditLog(db, 20)).catch((err) => log.error({ err }, "falha ao selar a trilha de auditoria"));
  }, everyMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
export {
  GENESIS,
  canonicalJson,
  chainHash,
  createAuditLog,
  rowContent,
  sealAuditLog,
  startAuditSealer,
  verifyAuditChain
};
