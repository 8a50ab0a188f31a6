import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { nextProtocolNumber } from './protocol-numbers';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps?.close());

describe('protocol numbers', () => {
  it('hands out distinct numbers of the sequence under concurrency, a block per round trip', async () => {
    const got = await Promise.all(Array.from({ length: 100 }, () => nextProtocolNumber(deps)));
    expect(new Set(got).size).toBe(100);
    expect(got.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
    const { rows } = await deps.db.pool.query<{ last_value: number }>(
      'SELECT last_value FROM req_protocol_seq',
    );
    // 100 numbers taken in blocks of 32: the sequence moved by 4 blocks, not 100 calls.
    expect(Number(rows[0]!.last_value)).toBe(128);
    expect(Math.max(...got)).toBeLessThanOrEqual(128);
  });

  it('another instance (a new pool of the same database) continues after the numbers already taken', async () => {
    const other = { db: { ...deps.db } };
    const n = await nextProtocolNumber(other);
    expect(n).toBe(129);
  });
});
