import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash, GENESIS, rowContent, sealAuditLog, verifyAuditChain } from '../src/platform/audit/audit';
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
