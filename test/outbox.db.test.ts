import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOnce } from '../src/platform/outbox/outbox';
import type { DomainEvent, EventConsumer } from '../src/platform/outbox/types';
import { createTestDeps, type TestDeps } from '../src/platform/testing';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
  await deps.db.pool.query('CREATE TABLE test_effects (event_id uuid, consumer text)');
});
afterAll(async () => deps?.close());

const effectOf = (name: string, seen: DomainEvent[]): EventConsumer => ({
  name,
  events: ['thing.happened'],
  async handle(event, tx) {
    seen.push(event);
    await tx.execute(sql`INSERT INTO test_effects VALUES (${event.id}, ${name})`);
  },
});

describe('transactional outbox', () => {
  it('an event exists only if its transaction committed', async () => {
    await expect(
      deps.db.tx(async (tx) => {
        await deps.outbox.publish(tx, {
          type: 'thing.happened',
          aggregateType: 'thing',
          aggregateId: 'rolled-back',
          payload: {},
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await deps.db.tx((tx) =>
      deps.outbox.publish(tx, {
        type: 'thing.happened',
        aggregateType: 'thing',
        aggregateId: 't1',
        payload: { n: 1 },
      }),
    );
    const { rows } = await deps.db.pool.query('SELECT aggregate_id FROM outbox');
    expect(rows.map((r) => r.aggregate_id)).toEqual(['t1']);
  });

  it('delivers at least once, with effects exactly once per consumer', async () => {
    const seenA: DomainEvent[] = [];
    const seenB: DomainEvent[] = [];
    const consumers = [effectOf('a', seenA), effectOf('b', seenB)];
    const r = await dispatchOnce(deps, consumers);
    expect(r).toEqual({ claimed: 1, delivered: 1, failed: 0 });
    // Simulate a redelivery (worker crashed after handling, before marking dispatched).
    await deps.db.pool.query('UPDATE outbox SET dispatched_at = NULL');
    await dispatchOnce(deps, consumers);
    const effects = await deps.db.pool.query(
      'SELECT consumer, count(*)::int AS n FROM test_effects GROUP BY consumer ORDER BY consumer',
    );
    expect(effects.rows).toEqual([
      { consumer: 'a', n: 1 },
      { consumer: 'b', n: 1 },
    ]);
    expect(seenA[0]!.payload).toEqual({ n: 1 });
  });

  it('a failing consumer is retried without repeating the others, and its effects roll back', async () => {
    await deps.db.tx((tx) =>
      deps.outbox.publish(tx, {
        type: 'thing.happened',
        aggregateType: 'thing',
        aggregateId: 't2',
        payload: {},
      }),
    );
    let failures = 1;
    const flaky: EventConsumer = {
      name: 'flaky',
      events: ['thing.happened'],
      async handle(event, tx) {
        await tx.execute(sql`INSERT INTO test_effects VALUES (${event.id}, 'flaky')`);
        if (failures-- > 0) throw new Error('temporária');
      },
    };
    const good: DomainEvent[] = [];
    const first = await dispatchOnce(deps, [effectOf('a', good), flaky]);
    expect(first.failed).toBe(1);
    const second = await dispatchOnce(deps, [effectOf('a', good), flaky]);
    expect(second.delivered).toBeGreaterThanOrEqual(1);
    const { rows } = await deps.db.pool.query(
      "SELECT consumer, count(*)::int AS n FROM test_effects WHERE event_id = (SELECT event_id FROM outbox WHERE aggregate_id = 't2') GROUP BY consumer ORDER BY consumer",
    );
    expect(rows).toEqual([
      { consumer: 'a', n: 1 },
      { consumer: 'flaky', n: 1 },
    ]);
  });
});
