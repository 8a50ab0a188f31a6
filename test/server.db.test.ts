import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../src/modules/registry';
import { loadConfig } from '../src/platform/config/config';
import { type RunningPlatform, startPlatform } from '../src/platform/server';
import { freshTestDatabase } from '../src/platform/testing/fresh-database';

/** The whole platform as `previdencia serve` runs it: HTTP, outbox worker, audit sealer, jobs. */
let running: RunningPlatform;
let dataDir: string;
let drop: (() => Promise<void>) | undefined;
const lines: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pd-serve-'));
  const fresh = await freshTestDatabase('pd_srv');
  const url = fresh?.url;
  drop = fresh?.drop;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    DEMO_SEED: 'true',
    WORKERS: 'true',
    OUTBOX_POLL_MS: '50',
  });
  running = await startPlatform(config, modules, {
    progress: () => ({ increment() {}, update() {}, stop() {} }),
    print: (l) => lines.push(l),
  });
}, 300_000);
afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await drop?.();
});

describe('previdencia serve', () => {
  it('prints the address and one demo login per role', () => {
    expect(lines[0]).toMatch(/^Previdência Digital em http:\/\/127\.0\.0\.1:\d+/);
    for (const role of ['citizen', 'partner', 'analyst', 'supervisor', 'manager', 'admin']) {
      expect(lines.some((l) => l.trimStart().startsWith(role))).toBe(true);
    }
  });

  it('serves HTTP, and its workers seal the audit trail and dispatch the outbox', async () => {
    const login = await fetch(`${running.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'gestor.nacional', password: 'previdencia-demo' }),
    });
    expect(login.status).toBe(200);
    const db = running.deps.db;
    const deadline = Date.now() + 30_000;
    let unsealed = -1;
    let pending = -1;
    while (Date.now() < deadline) {
      unsealed = (
        await db.pool.query(
          'SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_sealed s WHERE s.seq = a.seq)',
        )
      ).rows[0].n;
      pending = (await db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL'))
        .rows[0].n;
      if (unsealed === 0 && pending === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(unsealed).toBe(0);
    expect(pending).toBe(0);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM audit_seal')).rows[0].n).toBeGreaterThan(0);
    // The workers' sealer hashes in SQL: every seal it made is of row format 2 (migration 0005).
    const formats = await db.pool.query('SELECT DISTINCT row_format FROM audit_seal');
    expect(formats.rows).toEqual([{ row_format: 2 }]);
  });
});
