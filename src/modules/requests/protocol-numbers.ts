import { statement } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';

/**
 * Sequential parts of protocol numbers (req_protocol_seq), taken from the sequence in blocks:
 * one round trip per BLOCK filings instead of one per filing (the "pooled" sequence optimizer;
 * PostgreSQL's own sequence CACHE has the same semantics). Every number still comes from the one
 * sequence, so numbers are unique across instances and years; what a block gives up is
 * contiguity: instances interleave, and the unused rest of a block is skipped when the process
 * stops — as a rolled-back transaction already skipped its number.
 */
const BLOCK = 32;
const TAKE = statement(
  'req_protocol_block',
  "SELECT nextval('req_protocol_seq') AS n FROM generate_series(1, $1::int) ORDER BY 1",
);

interface Pool {
  free: number[];
  refill: Promise<void> | null;
}
const pools = new WeakMap<object, Pool>();

export async function nextProtocolNumber(deps: Pick<Deps, 'db'>): Promise<number> {
  let pool = pools.get(deps.db);
  if (!pool) {
    pool = { free: [], refill: null };
    pools.set(deps.db, pool);
  }
  for (;;) {
    const n = pool.free.shift();
    if (n !== undefined) return n;
    const p = pool;
    p.refill ??= deps.db
      .query<{ n: number }>(TAKE, [BLOCK])
      .then((r) => {
        p.free.push(...r.rows.map((x) => Number(x.n)));
      })
      .finally(() => {
        p.refill = null;
      });
    await p.refill;
  }
}
