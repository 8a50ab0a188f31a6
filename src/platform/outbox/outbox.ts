import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/database';
import type { Deps } from '../deps';
import { uuidv7 } from '../values/ids';
import type { DomainEvent, EventConsumer, NewEvent } from './types';

export interface Outbox {
  /** Writes the event in the caller's transaction: it exists iff the change committed. Returns the event id. */
  publish<P extends Record<string, unknown>>(exec: Executor, event: NewEvent<P>): Promise<string>;
  /**
   * Events for a statement that writes them itself (outboxInsertFromJson): one jsonb parameter
   * holding the rows, and their ids. The events exist iff that statement commits.
   */
  rows(events: readonly NewEvent[]): { json: string; ids: string[] };
}

/**
 * The head of an INSERT of events, for a module statement that builds them in SQL from the rows
 * it changes: `${OUTBOX_INSERT} SELECT uuid_v7(), type, aggregate_type, aggregate_id,
 * payload, version FROM …` (event ids are version 7 uuids, in the order they were made — see
 * values/ids.ts; occurred_at is the transaction's time).
 */
export const OUTBOX_INSERT =
  'INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, payload, version)';

/**
 * The INSERT of events given as a jsonb parameter (Outbox.rows), for a module's single-statement
 * change (a CTE member `ev AS (${outboxInsertFromJson('$9')})`): the change and its events in
 * one round trip. The columns are the platform's; the module only places the parameter.
 */
export function outboxInsertFromJson(param: string): string {
  return `${OUTBOX_INSERT}
          SELECT e.event_id, e.type, e.aggregate_type, e.aggregate_id, e.payload, e.version
            FROM jsonb_to_recordset(${param}::jsonb)
                 AS e(event_id uuid, type text, aggregate_type text, aggregate_id text, payload jsonb, version int)`;
}

export function createOutbox(): Outbox {
  return {
    rows(events) {
      const ids: string[] = [];
      const rows = events.map((e) => {
        const id = uuidv7();
        ids.push(id);
        return {
          event_id: id,
          type: e.type,
          aggregate_type: e.aggregateType,
          aggregate_id: e.aggregateId,
          payload: e.payload,
          version: e.version ?? 1,
        };
      });
      return { json: JSON.stringify(rows), ids };
    },
    async publish(exec, e) {
      const id = uuidv7();
      await exec.execute(sql`
        INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, payload, version)
        VALUES (${id}, ${e.type}, ${e.aggregateType}, ${e.aggregateId}, ${JSON.stringify(e.payload)}::jsonb, ${e.version ?? 1})`);
      return id;
    },
  };
}

export const MAX_ATTEMPTS = 10;

export interface DispatchResult {
  claimed: number;
  delivered: number;
  failed: number;
}

/**
 * One dispatch round: claims pending events (FOR UPDATE SKIP LOCKED, so several workers share the
 * load), hands each to every consumer subscribed to its type inside a savepoint, and marks it
 * dispatched when all consumers succeeded. A consumer that already handled an event (recorded in
 * outbox_consumed in the same savepoint as its effects) is skipped: at-least-once delivery,
 * exactly-once effects. Everything runs on one connection (PGlite serves one session at a time).
 */
export async function dispatchOnce(
  deps: Pick<Deps, 'db' | 'log'> & Deps,
  consumers: readonly EventConsumer[],
  batch = 100,
): Promise<DispatchResult> {
  const db: Database = deps.db;
  return db.tx(async (tx) => {
    const { rows } = await tx.execute<{
      seq: number;
      event_id: string;
      type: string;
      aggregate_type: string;
      aggregate_id: string;
      payload: Record<string, unknown>;
      version: number;
      occurred_at: Date;
      attempts: number;
    }>(sql`
      SELECT seq, event_id, type, aggregate_type, aggregate_id, payload, version, occurred_at, attempts
        FROM outbox
       WHERE dispatched_at IS NULL AND attempts < ${MAX_ATTEMPTS}
       ORDER BY seq
       LIMIT ${batch}
       FOR UPDATE SKIP LOCKED`);
    let failed = 0;
    const done: number[] = [];
    for (const r of rows) {
      const event: DomainEvent = {
        id: r.event_id,
        type: r.type,
        aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id,
        payload: r.payload,
        version: r.version,
        occurredAt: new Date(r.occurred_at).toISOString(),
      };
      let error: string | null = null;
      for (const c of consumers) {
        if (!c.events.includes(event.type) && !c.events.includes('*')) continue;
        try {
          await tx.transaction(async (sp) => {
            const fresh = await sp.execute(sql`
              INSERT INTO outbox_consumed (consumer, event_id) VALUES (${c.name}, ${event.id})
              ON CONFLICT DO NOTHING RETURNING event_id`);
            if (fresh.rows.length === 0) return; // already handled by this consumer
            await c.handle(event, sp, deps);
          });
        } catch (e) {
          error = `${c.name}: ${(e as Error).message}`.slice(0, 2000);
          deps.log.error(
            { err: e, eventId: event.id, type: event.type, consumer: c.name },
            'falha ao consumir evento',
          );
        }
      }
      if (error === null) {
        done.push(Number(r.seq));
      } else {
        await tx.execute(
          sql`UPDATE outbox SET attempts = attempts + 1, last_error = ${error} WHERE seq = ${r.seq}`,
        );
        failed++;
      }
    }
    // Every delivered event of the round marked at once (most types have no consumer at all).
    if (done.length > 0) {
      await tx.execute(
        sql`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE seq = ANY(${`{${done.join(',')}}`}::bigint[])`,
      );
    }
    return { claimed: rows.length, delivered: done.length, failed };
  });
}

/** The outbox worker: polls while there is work, sleeps pollMs when idle. Returns a stop function. */
export function startOutboxWorker(
  deps: Deps,
  consumers: readonly EventConsumer[],
  pollMs: number,
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      running = tick();
    }, ms);
  };
  const tick = async () => {
    if (stopped) return;
    try {
      const r = await dispatchOnce(deps, consumers);
      if (!stopped) schedule(r.claimed > 0 ? 0 : pollMs);
    } catch (e) {
      deps.log.error({ err: e }, 'falha no despacho do outbox');
      if (!stopped) schedule(pollMs);
    }
  };
  schedule(0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
