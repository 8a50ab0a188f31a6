import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chainHash,
  GENESIS,
  ROW_DIGEST_SQL,
  rowContent,
  rowContent2,
  rowDigest,
  sealAuditLog,
  sealBatchSize,
  sealHash,
  verifyAuditChain,
} from '../src/platform/audit/audit';
import { SYSTEM_ACTOR } from '../src/platform/auth/roles';
import { createTestDeps, type TestDeps, usingRealPostgres } from '../src/platform/testing';

let deps: TestDeps;
const ctx = { actor: SYSTEM_ACTOR, requestId: 'req-teste-0001' };

beforeAll(async () => {
  deps = await createTestDeps();
  for (let i = 0; i < 25; i++) {
    await deps.audit.recordNow(ctx, {
      action: 'read',
      resourceType: 'person',
      resourceId: `p${i}`,
      details: { i, nested: { b: 2, a: 1 } },
    });
  }
});
afterAll(async () => deps?.close());

describe('audit hash chain', () => {
  it('seals and verifies an untouched chain', async () => {
    const r = await verifyAuditChain(deps.db);
    expect(r).toMatchObject({ ok: true, checked: 25, brokenAt: null, unsealed: 0 });
    expect(r.lastHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application, on rows and seals', async () => {
    await expect(deps.db.pool.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(
      /somente inserção/,
    );
    await expect(deps.db.pool.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(
      /somente inserção/,
    );
    await expect(deps.db.pool.query('TRUNCATE audit_log')).rejects.toThrow(/somente inserção/);
    await expect(deps.db.pool.query("UPDATE audit_seal SET hash = 'x' WHERE pos = 1")).rejects.toThrow(
      /somente inserção/,
    );
    await expect(deps.db.pool.query('DELETE FROM audit_seal WHERE pos = 1')).rejects.toThrow(
      /somente inserção/,
    );
    await expect(deps.db.pool.query('TRUNCATE audit_seal')).rejects.toThrow(/somente inserção/);
  });

  it('the application role holds no UPDATE or DELETE privilege on audit rows', async () => {
    const { rows } = await deps.db.pool.query(
      `SELECT has_table_privilege('previdencia_app', 'audit_log', 'INSERT') AS ins,
              has_table_privilege('previdencia_app', 'audit_log', 'UPDATE') AS upd,
              has_table_privilege('previdencia_app', 'audit_log', 'DELETE') AS del,
              has_table_privilege('previdencia_app', 'audit_chain', 'DELETE') AS chain_del,
              has_table_privilege('previdencia_app', 'audit_seal', 'INSERT') AS seal_ins,
              has_table_privilege('previdencia_app', 'audit_seal', 'UPDATE') AS seal_upd,
              has_table_privilege('previdencia_app', 'audit_seal', 'DELETE') AS seal_del`,
    );
    expect(rows[0]).toEqual({
      ins: true,
      upd: false,
      del: false,
      chain_del: false,
      seal_ins: true,
      seal_upd: false,
      seal_del: false,
    });
  });

  // Needs two sessions at once: PGlite has one, so an open transaction there blocks every other.
  it.runIf(usingRealPostgres())(
    'does not seal a row while its transaction is open, and seals it after commit',
    async () => {
      const c = await deps.db.pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(
          "INSERT INTO audit_log (actor_id, actor_role, action, resource_type, resource_id, outcome) VALUES ('x', 'admin', 'read', 'open-tx', '1', 'success')",
        );
        await deps.audit.recordNow(ctx, { action: 'read', resourceType: 'after-open-tx', resourceId: '2' });
        await sealAuditLog(deps.db);
        const sealed = async (type: string) =>
          (
            await deps.db.pool.query(
              'SELECT count(*)::int AS n FROM audit_sealed s JOIN audit_log a USING (seq) WHERE a.resource_type = $1',
              [type],
            )
          ).rows[0].n;
        expect(await sealed('open-tx')).toBe(0);
        await c.query('COMMIT');
        await sealAuditLog(deps.db);
        expect(await sealed('open-tx')).toBe(1);
        expect((await verifyAuditChain(deps.db)).ok).toBe(true);
      } finally {
        c.release();
      }
    },
  );

  it('keeps one chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        deps.audit.recordNow(ctx, { action: 'read', resourceType: 'concurrent', resourceId: String(i) }),
      ),
    );
    const r = await verifyAuditChain(deps.db);
    expect(r.ok).toBe(true);
    expect(r.unsealed).toBe(0);
  });

  it('detects a modified row and a removed row (tampering with triggers disabled by a superuser)', async () => {
    const c = await deps.db.pool.connect();
    try {
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      const target = Number(
        (await c.query('SELECT seqs[10] AS seq FROM audit_seal ORDER BY pos LIMIT 1')).rows[0].seq,
      );
      await c.query("UPDATE audit_log SET resource_id = 'outra-pessoa' WHERE seq = $1", [target]);
      const r = await verifyAuditChain(deps.db);
      expect(r.ok).toBe(false);
      expect(r.brokenAt).toBe(target);
      expect(r.checked).toBe(9);
      expect(r.reason).toMatch(/alterado/);
      await c.query("UPDATE audit_log SET resource_id = 'p9' WHERE seq = $1", [target]);
      expect((await verifyAuditChain(deps.db)).ok).toBe(true);
      await c.query('DELETE FROM audit_log WHERE seq = $1', [target + 5]);
      const r2 = await verifyAuditChain(deps.db);
      expect(r2.ok).toBe(false);
      expect(r2.brokenAt).toBe(target + 5);
      expect(r2.reason).toMatch(/removido/);
    } finally {
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
      c.release();
    }
  });

  it('group-commits rows written outside a transaction: each caller waits for its own commit', async () => {
    const before = (await deps.db.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        deps.audit.recordNow(ctx, { action: 'read', resourceType: 'batched', resourceId: String(i) }),
      ),
    );
    const after = (await deps.db.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect(after - before).toBe(300);
    // A batch whose commit fails rejects every caller in it, and leaves nothing behind.
    const results = await Promise.allSettled([
      deps.audit.recordNow(ctx, { action: 'read', resourceType: 'doomed', resourceId: 'a' }),
      deps.audit.recordNow(ctx, {
        action: 'read',
        resourceType: 'doomed',
        resourceId: 'b',
        outcome: 'invalid' as never,
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const doomed = await deps.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE resource_type = 'doomed'",
    );
    expect(doomed.rows[0].n).toBe(0);
  });
});

describe('audit hash chain across the change to batch seals (migration 0004)', () => {
  let d: TestDeps;
  afterAll(async () => d?.close());

  it('continues a chain sealed row by row, and detects tampering in either part and in a seal', async () => {
    d = await createTestDeps();
    const write = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await d.audit.recordNow(ctx, { action: 'read', resourceType: 'legado', resourceId: `r${i}` });
      }
    };
    // A trail sealed before migration 0004: one audit_chain entry per row.
    await write(0, 5);
    const { rows: old } = await d.db.pool.query(
      `SELECT seq, at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome, request_id, details
         FROM audit_log ORDER BY seq`,
    );
    let prev = GENESIS;
    for (const r of old) {
      const hash = chainHash(prev, Number(r.seq), rowContent(r));
      await d.db.pool.query('INSERT INTO audit_chain (seq, prev_hash, hash) VALUES ($1, $2, $3)', [
        r.seq,
        prev,
        hash,
      ]);
      prev = hash;
    }
    await expect(
      d.db.pool.query("UPDATE audit_chain SET hash = 'x' WHERE seq = $1", [old[0].seq]),
    ).rejects.toThrow(/somente inserção/);
    await expect(d.db.pool.query('DELETE FROM audit_chain')).rejects.toThrow(/somente inserção/);
    await write(5, 12);
    const r = await verifyAuditChain(d.db);
    expect(r).toMatchObject({ ok: true, checked: 12, unsealed: 0 });
    const seals = await d.db.pool.query('SELECT seqs, prev_hash FROM audit_seal ORDER BY pos');
    expect(seals.rows).toHaveLength(1);
    expect(seals.rows[0].prev_hash).toBe(prev);
    const newer = await d.db.pool.query('SELECT seq FROM audit_log WHERE seq > $1 ORDER BY seq', [
      old[old.length - 1].seq,
    ]);
    expect(seals.rows[0].seqs.map(Number)).toEqual(newer.rows.map((o) => Number(o.seq)));

    const c = await d.db.pool.connect();
    try {
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await c.query('ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_no_update');
      const legacy = Number(old[2].seq);
      const batched = Number(seals.rows[0].seqs[3]);
      for (const [seq, checkedBefore] of [
        [legacy, 2],
        [batched, 8],
      ] as const) {
        await c.query("UPDATE audit_log SET action = 'update' WHERE seq = $1", [seq]);
        expect(await verifyAuditChain(d.db)).toMatchObject({
          ok: false,
          brokenAt: seq,
          checked: checkedBefore,
          reason: expect.stringMatching(/alterado/),
        });
        await c.query("UPDATE audit_log SET action = 'read' WHERE seq = $1", [seq]);
        expect((await verifyAuditChain(d.db)).ok).toBe(true);
      }
      // A forged row digest in the seal (to hide an altered row) breaks the seal's own hash.
      await c.query(
        "UPDATE audit_seal SET digests = overlay(digests PLACING '\\x00'::bytea FROM 97 FOR 1) WHERE pos = (SELECT min(pos) FROM audit_seal)",
      );
      const forged = await verifyAuditChain(d.db);
      expect(forged).toMatchObject({ ok: false, checked: 5, reason: expect.stringMatching(/selo alterado/) });
      expect(forged.brokenAt).toBe(batched - 3);
    } finally {
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
      await c.query('ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_no_update');
      c.release();
    }
  });
});

const COLS =
  'seq, at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome, request_id, details';

describe('audit seals hashed in SQL (row format 2, migration 0005)', () => {
  let d: TestDeps;
  beforeAll(async () => {
    d = await createTestDeps();
  });
  afterAll(async () => d?.close());

  it('the digest PostgreSQL computes is the one the verifier computes in JavaScript, for any row', async () => {
    // Any character PostgreSQL text can hold: what JSON escapes (quotes, backslashes, control
    // characters), non-ASCII and astral ones; not NUL nor a lone surrogate half, which it cannot.
    const char = fc
      .integer({ min: 1, max: 0x10ffff })
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCodePoint(c));
    const text = fc.string({
      unit: fc.oneof(char, fc.constantFrom('"', '\\', '\n', '\u001f', 'é')),
      maxLength: 30,
    });
    const row = fc.record({
      // Microseconds since 1970, to 2100: the verifier reads milliseconds, so both sides truncate.
      at_us: fc.bigInt({ min: 0n, max: 4_102_444_800_000_000n }).map(String),
      actor_id: text,
      actor_role: text,
      actor_unit_id: fc.option(text),
      action: text,
      resource_type: text,
      resource_id: fc.option(text),
      outcome: fc.constantFrom('success', 'denied', 'error'),
      request_id: fc.option(text),
      details: fc.dictionary(text, fc.jsonValue({ maxDepth: 2, stringUnit: char }), { maxKeys: 4 }),
    });
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (batch) => {
        const { rows: inserted } = await d.db.pool.query<{ seq: string }>(
          `INSERT INTO audit_log (at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome,
                                  request_id, details)
           SELECT 'epoch'::timestamptz + r.at_us::int8 * interval '1 microsecond', r.actor_id, r.actor_role,
                  r.actor_unit_id, r.action, r.resource_type, r.resource_id, r.outcome, r.request_id, r.details
             FROM jsonb_to_recordset($1::jsonb)
                  AS r(at_us text, actor_id text, actor_role text, actor_unit_id text, action text,
                       resource_type text, resource_id text, outcome text, request_id text, details jsonb)
           RETURNING seq`,
          [JSON.stringify(batch)],
        );
        const { rows: stored } = await d.db.pool.query(
          `SELECT ${COLS}, details::text AS details_text, ${ROW_DIGEST_SQL} AS digest
             FROM audit_log a WHERE seq = ANY($1::bigint[]) ORDER BY seq`,
          [inserted.map((r) => r.seq)],
        );
        expect(stored).toHaveLength(batch.length);
        for (const r of stored) {
          if (!rowDigest(Number(r.seq), rowContent2(r)).equals(r.digest)) {
            throw new Error(`digest diferente para ${JSON.stringify(rowContent2(r))}`);
          }
        }
        rows += stored.length;
      }),
      { numRuns: 60 },
    );
    expect(rows).toBeGreaterThanOrEqual(60);
  });

  it('continues a chain of seals made in JavaScript, and detects tampering in either format', async () => {
    // The trail so far (the rows of the test above, whatever they hold) sealed as the server did
    // before migration 0005: digests of row format 1, computed in JavaScript.
    const { rows: before } = await d.db.pool.query(`SELECT ${COLS} FROM audit_log ORDER BY seq`);
    const digests = Buffer.concat(before.map((r) => rowDigest(Number(r.seq), rowContent(r))));
    const firstHash = sealHash(GENESIS, digests);
    await d.db.pool.query(
      `INSERT INTO audit_seal (seqs, digests, max_txid, prev_hash, hash)
       VALUES ($1::bigint[], $2, (SELECT max(txid) FROM audit_log), $3, $4)`,
      [before.map((r) => r.seq), digests, GENESIS, firstHash],
    );
    await d.db.pool.query('UPDATE audit_seal_state SET low_txid = (SELECT max(txid) FROM audit_log)');
    for (let i = 0; i < 6; i++) {
      await d.audit.recordNow(ctx, {
        action: 'read',
        resourceType: 'pessoa',
        resourceId: `p${i}`,
        details: { rota: '/api/v1/pessoas/:id', filtros: { uf: 'PE', página: i }, total: 1.5 },
      });
    }
    expect(await sealAuditLog(d.db)).toBe(6);
    const { rows: seals } = await d.db.pool.query(
      'SELECT seqs, prev_hash, row_format FROM audit_seal ORDER BY pos',
    );
    expect(seals.map((s) => s.row_format)).toEqual([1, 2]);
    expect(seals[1].prev_hash).toBe(firstHash);
    expect(await verifyAuditChain(d.db)).toMatchObject({ ok: true, checked: before.length + 6, unsealed: 0 });

    const c = await d.db.pool.connect();
    try {
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      const inFormat1 = Number(seals[0].seqs[1]);
      const inFormat2 = Number(seals[1].seqs[2]);
      for (const [seq, checkedBefore, change] of [
        [inFormat1, 1, "action = 'update'"],
        [inFormat2, before.length + 2, "action = 'update'"],
        // Inside details, which format 2 hashes as PostgreSQL writes the jsonb.
        [inFormat2, before.length + 2, "details = jsonb_set(details, '{total}', '2')"],
      ] as const) {
        const { rows: orig } = await c.query('SELECT action, details FROM audit_log WHERE seq = $1', [seq]);
        await c.query(`UPDATE audit_log SET ${change} WHERE seq = $1`, [seq]);
        expect(await verifyAuditChain(d.db)).toMatchObject({
          ok: false,
          brokenAt: seq,
          checked: checkedBefore,
          reason: expect.stringMatching(/alterado/),
        });
        await c.query('UPDATE audit_log SET action = $2, details = $3 WHERE seq = $1', [
          seq,
          orig[0].action,
          orig[0].details,
        ]);
        expect((await verifyAuditChain(d.db)).ok).toBe(true);
      }
    } finally {
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
      c.release();
    }
  });
});

describe('the sealer mark (sealRound)', () => {
  let d: TestDeps;
  beforeAll(async () => {
    d = await createTestDeps();
  });
  afterAll(async () => d?.close());

  const insertRows = (
    exec: { query: (q: string, p?: unknown[]) => Promise<unknown> },
    n: number,
    tag: string,
  ) =>
    exec.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, resource_type, resource_id, outcome)
       SELECT 'sistema', 'system', 'read', $2, g::text, 'success' FROM generate_series(1, $1::int) g`,
      [n, tag],
    );
  const counts = async () =>
    (
      await d.db.pool.query(
        `SELECT (SELECT count(*) FROM audit_log)::int AS rows, count(*)::int AS sealed,
                count(DISTINCT seq)::int AS distinct_seqs
           FROM audit_sealed`,
      )
    ).rows[0];
  const markPastEveryRow = async () =>
    (
      await d.db.pool.query(
        'SELECT low_txid > (SELECT max(txid) FROM audit_log) AS past FROM audit_seal_state',
      )
    ).rows[0].past;

  it('seals every row exactly once across full batches and a transaction split between two of them', async () => {
    await insertRows(d.db.pool, 6_000, 'grande');
    for (let i = 0; i < 20; i++) await insertRows(d.db.pool, 1, 'avulsa');
    expect(await sealAuditLog(d.db)).toBe(6_020);
    await insertRows(d.db.pool, 7_000, 'dividida');
    expect(await sealAuditLog(d.db)).toBe(7_000);
    expect(await counts()).toEqual({ rows: 13_020, sealed: 13_020, distinct_seqs: 13_020 });
    // Seals of sealBatchSize rows (5,000 on PostgreSQL, 500 embedded), in the order written.
    const size = sealBatchSize(d.db);
    const chunks = (n: number) => [
      ...Array.from({ length: Math.floor(n / size) }, () => size),
      ...(n % size ? [n % size] : []),
    ];
    const seals = await d.db.pool.query('SELECT cardinality(seqs)::int AS n FROM audit_seal ORDER BY pos');
    expect(seals.rows.map((r) => r.n)).toEqual([...chunks(6_020), ...chunks(7_000)]);
    expect(await markPastEveryRow()).toBe(true);
    expect(await sealAuditLog(d.db)).toBe(0);
    expect(await verifyAuditChain(d.db)).toMatchObject({ ok: true, checked: 13_020, unsealed: 0 });
  });

  // Needs two sessions at once: PGlite has one, so an open transaction there blocks every other.
  it.runIf(usingRealPostgres())(
    'keeps the mark below a transaction still open while later rows fill batches, and seals its row after commit',
    async () => {
      const open = await d.db.pool.connect();
      try {
        await open.query('BEGIN');
        await insertRows(open, 1, 'aberta');
        await insertRows(d.db.pool, 6_000, 'depois');
        expect(await sealAuditLog(d.db)).toBe(6_000);
        expect(await counts()).toEqual({ rows: 19_020, sealed: 19_020, distinct_seqs: 19_020 });
        await open.query('COMMIT');
        const mark = await d.db.pool.query(
          "SELECT s.low_txid <= a.txid AS below FROM audit_seal_state s, audit_log a WHERE a.resource_type = 'aberta'",
        );
        expect(mark.rows).toEqual([{ below: true }]);
        expect(await sealAuditLog(d.db)).toBe(1);
        expect(await counts()).toEqual({ rows: 19_021, sealed: 19_021, distinct_seqs: 19_021 });
        expect(await markPastEveryRow()).toBe(true);
        expect(await verifyAuditChain(d.db)).toMatchObject({ ok: true, checked: 19_021, unsealed: 0 });
      } finally {
        open.release();
      }
    },
  );
});
