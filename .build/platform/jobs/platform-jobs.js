import { sql } from "drizzle-orm";
import { purgeIdempotencyKeys } from "../http/idempotency.js";
const PLATFORM_JOBS = [
  {
    name: "platform.purge-idempotency-keys",
    cron: "17 3 * * *",
    async handler(deps) {
      const n = await purgeIdempotencyKeys(deps.db, deps.config.IDEMPOTENCY_TTL_HOURS);
      deps.log.info({ removed: n }, "chaves de idempot\xEAncia expiradas removidas");
    }
  },
  {
    name: "platform.purge-expired-sessions",
    cron: "23 3 * * *",
    async handler(deps) {
      const r = await deps.db.orm.execute(
        sql`DELETE FROM id_sessions WHERE coalesce(revoked_at, expires_at) < now() - interval '30 days'`
      );
      deps.log.info({ removed: r.rowCount }, "sess\xF5es expiradas removidas");
    }
  }
];
export {
  PLATFORM_JOBS
};
