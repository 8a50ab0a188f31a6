import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit/audit';
import { SYSTEM_ACTOR } from '../src/platform/auth/roles';
import { createTestDeps, type TestDeps } from '../src/platform/testing';

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
  it('verifies an untouched chain', async () => {
    const r = await verifyAuditChain(deps.db);
    expect(r).toMatchObject({ ok: true, checked: 25, brokenAt: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(deps.db.pool.query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(
      /somente inserção/,
    );
    await expect(deps.db.pool.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(
      /somente inserção/,
    );
    await expect(deps.db.pool.query('TRUNCATE audit_log')).rejects.toThrow(/somente inserção/);
  });

  it('the application role holds no UPDATE or DELETE privilege on audit rows', async () => {
    const { rows } = await deps.db.pool.query(
      `SELECT has_table_privilege('previdencia_app', 'audit_log', 'INSERT') AS ins,
              has_table_privilege('previdencia_app', 'audit_log', 'UPDATE') AS upd,
              has_table_privilege('previdencia_app', 'audit_log', 'DELETE') AS del`,
    );
    expect(rows[0]).toEqual({ ins: true, upd: false, del: false });
  });

  it('detects a modified row (tampering with triggers disabled by a superuser)', async () => {
    const c = await deps.db.pool.connect();
    try {
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      const target = (await c.query('SELECT seq FROM audit_log ORDER BY seq OFFSET 9 LIMIT 1')).rows[0].seq;
      await c.query("UPDATE audit_log SET resource_id = 'outra-pessoa' WHERE seq = $1", [target]);
      const r = await verifyAuditChain(deps.db);
      expect(r.ok).toBe(false);
      expect(r.brokenAt).toBe(Number(target));
      expect(r.checked).toBe(9);
      expect(r.reason).toMatch(/alterado/);
      // A deleted row is detected too: the next row's link no longer matches.
      await c.query("UPDATE audit_log SET resource_id = 'p9' WHERE seq = $1", [target]);
      expect((await verifyAuditChain(deps.db)).ok).toBe(true);
      await c.query('DELETE FROM audit_log WHERE seq = $1', [Number(target) + 5]);
      const r2 = await verifyAuditChain(deps.db);
      expect(r2.ok).toBe(false);
      expect(r2.brokenAt).toBe(Number(target) + 6);
      expect(r2.reason).toMatch(/elo quebrado/);
    } finally {
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
      c.release();
    }
  });

  it('keeps one order under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        deps.audit.recordNow(ctx, { action: 'read', resourceType: 'concurrent', resourceId: String(i) }),
      ),
    );
    // The chain was broken on purpose above; check the links of the new rows only.
    const { rows } = await deps.db.pool.query(
      "SELECT prev_hash, hash FROM audit_log WHERE resource_type = 'concurrent' ORDER BY seq",
    );
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
  });
});
