import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
function createOutbox() {
  return {
    async publish(exec, e) {
      const id = randomUUID();
      await exec.execute(sql`
        INSERT INTO outbox (event_id, type, aggregate_type, aggregate_id, payload, version)
        VALUES (${id}, ${e.type}, ${e.aggregateType}, ${e.aggregateId}, ${JSON.stringify(e.payload)}::jsonb, ${e.version ?? 1})`);
      return id;
    }
  };
}
const MAX_ATTEMPTS = 10;
async function dispatchOnce(deps, consumers, batch = 100) {
  const db = deps.db;
  return db.tx(async (tx) => {
    const { rows } = await tx.execute(sql`
      SELECT seq, event_id, type, aggregate_type, aggregate_id, payload, version, occurred_at, attempts
        FROM outbox
       WHERE dispatched_at IS NULL AND attempts < ${MAX_ATTEMPTS}
       ORDER BY seq
       LIMIT ${batch}
       FOR UPDATE SKIP LOCKED`);
    let delivered = 0;
    let failed = 0;
    for (const r of rows) {
      const event = {
        id: r.event_id,
        type: r.type,
        aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id,
        payload: r.payload,
        version: r.version,
        occurredAt: new Date(r.occurred_at).toISOString()
      };
      let error = null;
      for (const c of consumers) {
        if (!c.events.includes(event.type) && !c.events.includes("*")) continue;
        try {
          await tx.transaction(async (sp) => {
            const fresh = await sp.execute(sql`
              INSERT INTO outbox_consumed (consumer, event_id) VALUES (${c.name}, ${event.id})
              ON CONFLICT DO NOTHING RETURNING event_id`);
            if (fresh.rows.length === 0) return;
            await c.handle(event, sp, deps);
          });
        } catch (e) {
          error = `${c.name}: ${e.message}`.slice(0, 2e3);
          deps.log.error(
            { err: e, eventId: event.id, type: event.type, consumer: c.name },
            "falha ao consumir evento"
          );
        }
      }
      if (error === null) {
        await tx.execute(
          sql`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE seq = ${r.seq}`
        );
        delivered++;
      } else {
        await tx.execute(
          sql`UPDATE outbox SET attempts = attempts + 1, last_error = ${error} WHERE seq = ${r.seq}`
        );
        failed++;
      }
    }
    return { claimed: rows.length, delivered, failed };
  });
}
function startOutboxWorker(deps, consumers, pollMs) {
  let stopped = false;
  let timer;
  let running = Promise.resolve();
  const schedule = (ms) => {
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
      deps.log.error({ err: e }, "falha no despacho do outbox");
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
export {
  MAX_ATTEMPTS,
  createOutbox,
  dispatchOnce,
  startOutboxWorker
};
