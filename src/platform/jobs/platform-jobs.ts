import { sql } from 'drizzle-orm';
import { purgeIdempotencyKeys } from '../http/idempotency';
import type { JobDefinition } from './jobs';

/** Housekeeping that belongs to no module. */
export const PLATFORM_JOBS: JobDefinition[] = [
  {
    name: 'platform.purge-idempotency-keys',
    cron: '17 3 * * *',
    async handler(deps) {
      const n = await purgeIdempotencyKeys(deps.db, deps.config.IDEMPOTENCY_TTL_HOURS);
      deps.log.info({ removed: n }, 'chaves de idempotência expiradas removidas');
    },
  },
  {
    name: 'platform.purge-expired-sessions',
    cron: '23 3 * * *',
    async handler(deps) {
      // Sessions past their absolute expiry (or revoked) for more than 30 days: nothing left to audit in them.
      const r = await deps.db.orm.execute(
        sql`DELETE FROM id_sessions WHERE coalesce(revoked_at, expires_at) < now() - interval '30 days'`,
      );
      deps.log.info({ removed: r.rowCount }, 'sessões expiradas removidas');
    },
  },
];
