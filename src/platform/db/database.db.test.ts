import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../testing';
import { uuidv7Time } from '../values/ids';
import { statement, withSessionOptions } from './database';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps?.close());

describe('database', () => {
  it('makes version 7 UUIDs in SQL (uuid_v7) with the current millisecond, in creation order', async () => {
    const before = Date.now();
    const { rows } = await deps.db.pool.query<{ id: string; n: number }>(
      'SELECT uuid_v7()::text AS id, n FROM generate_series(1, 500) n',
    );
    const after = Date.now();
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(500);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // The database's clock and this process's are the same machine's (PGlite: the same process).
      expect(uuidv7Time(id)).toBeGreaterThanOrEqual(before - 1_000);
      expect(uuidv7Time(id)).toBeLessThanOrEqual(after + 1_000);
    }
    const times = ids.map(uuidv7Time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Given an instant, the id carries that millisecond (loads of rows made in the past).
    const at = await deps.db.pool.query<{ id: string }>(
      "SELECT uuid_v7(TIMESTAMPTZ '2026-01-01 03:00:00.123+00')::text AS id",
    );
    expect(at.rows[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv7Time(at.rows[0]!.id)).toBe(Date.UTC(2026, 0, 1, 3, 0, 0, 123));
  });

  it('runs concurrent parameterized queries from many pooled connections correctly', async () => {
    // On the embedded PGlite this exercises keepProtocolExchangesTogether (pglite-queue.ts).
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 === 0
          ? deps.db.pool.query('SELECT $1::int + $2::int AS v', [i, 1]).then((r) => r.rows[0].v)
          : deps.db.pool
              .query('SELECT $1::int * $2::int + $3::int + $4::int + $5::int AS v', [i, 2, 0, 0, 0])
              .then((r) => r.rows[0].v),
      ),
    );
    expect(results).toEqual(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? i + 1 : i * 2)));
  });

  it('runs a prepared statement from many pooled connections at once, and inside a transaction', async () => {
    // Named on PostgreSQL (prepared once per connection); on PGlite, whose pooled connections
    // share one session, a name prepared by one connection would collide with the next one's.
    const st = statement('test_prepared_sum', 'SELECT $1::int + $2::int AS v');
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        deps.db.query<{ v: number }>(st, [i, 1]).then((r) => r.rows[0]!.v),
      ),
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const inTx = await deps.db.tx(async (tx) => {
      await tx.execute('CREATE TEMP TABLE prepared_probe (v int) ON COMMIT DROP' as never);
      await deps.db.query(
        statement('test_prepared_insert', 'INSERT INTO prepared_probe VALUES ($1)'),
        [7],
        tx,
      );
      return (await tx.execute('SELECT v FROM prepared_probe' as never)).rows;
    });
    expect(inTx).toEqual([{ v: 7 }]);
    expect(() => statement('test_prepared_sum', 'SELECT 2')).toThrow(/duas vezes/);
  });

  it('keeps concurrent transactions isolated', async () => {
    await deps.db.pool.query('CREATE TABLE tx_probe (k int PRIMARY KEY, v int)');
    await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        deps.db
          .tx(async (tx) => {
            await tx.execute(`INSERT INTO tx_probe VALUES (${k}, 0)` as never);
            for (let j = 0; j < 5; j++)
              await tx.execute(`UPDATE tx_probe SET v = v + 1 WHERE k = ${k}` as never);
            if (k % 4 === 0) throw new Error('rollback');
          })
          .catch(() => undefined),
      ),
    );
    const { rows } = await deps.db.pool.query('SELECT count(*)::int AS n, sum(v)::int AS s FROM tx_probe');
    expect(rows[0]).toEqual({ n: 15, s: 75 });
  });

  it('runs the application sessions without JIT, keeping the options the URL already had', async () => {
    expect(withSessionOptions('postgres://u@h:5432/d?options=-c%20work_mem%3D8MB', '-c jit=off')).toBe(
      'postgres://u@h:5432/d?options=-c+work_mem%3D8MB+-c+jit%3Doff',
    );
    if (deps.db.kind === 'postgres') {
      const { rows } = await deps.db.pool.query("SELECT current_setting('jit') AS jit");
      expect(rows[0].jit).toBe('off');
    }
  });

  it('keeps DATE columns as calendar strings', async () => {
    const { rows } = await deps.db.pool.query("SELECT DATE '2024-02-29' AS d");
    expect(rows[0].d).toBe('2024-02-29');
  });
});

describe('embedded database directory lock', () => {
  it('refuses a second process on the same PGlite directory and takes over a stale lock', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { lockDataDir } = await import('./database');
    const dir = mkdtempSync(join(tmpdir(), 'pd-lock-'));
    try {
      // A live process (our parent) holds it: refused with a pt-BR explanation.
      writeFileSync(join(dir, 'previdencia.lock'), String(process.ppid));
      expect(() => lockDataDir(dir)).toThrow(/em uso pelo processo/);
      // A dead pid: taken over.
      writeFileSync(join(dir, 'previdencia.lock'), '999999');
      const release = lockDataDir(dir);
      release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
