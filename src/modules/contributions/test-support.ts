import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Actor, Ctx, Role } from '../../platform/auth/roles';
import { loadConfig } from '../../platform/config/config';
import { openDatabase } from '../../platform/db/database';
import { migrate } from '../../platform/db/migrate';
import type { Deps } from '../../platform/deps';

/**
 * Test deps for this module until the platform's createTestDeps() lands: a fresh embedded PGlite
 * (or TEST_DATABASE_URL, with this module's tables dropped first), this module's migrations, and
 * an audit log kept in memory so tests can assert what was audited.
 */
export interface AuditCall {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  outcome?: string;
  details?: Record<string, unknown>;
  actorRole: string;
}

export async function contribTestDeps(): Promise<Deps & { auditCalls: AuditCall[] }> {
  const url = process.env.TEST_DATABASE_URL;
  const db = await openDatabase({ url, poolSize: 4 });
  if (url) {
    await db.pool
      .query(
        `DROP TABLE IF EXISTS contrib_remunerations, contrib_benefits, contrib_links, contrib_people CASCADE;
       DELETE FROM platform_migrations WHERE module = 'contributions'`,
      )
      .catch(async () => {
        await db.pool.query(
          'DROP TABLE IF EXISTS contrib_remunerations, contrib_benefits, contrib_links, contrib_people CASCADE',
        );
      });
  }
  await migrate(db.pool, [{ module: 'contributions', dir: join(import.meta.dirname, 'migrations') }]);
  const auditCalls: AuditCall[] = [];
  const noop = () => {};
  const log = {
    info: noop,
    warn: noop,
    error: noop,
    debug: noop,
    child: () => log,
  } as unknown as Deps['log'];
  return {
    config: loadConfig({ NODE_ENV: 'test' }),
    log,
    db,
    audit: {
      async record(_exec, ctx, e) {
        auditCalls.push({ ...e, actorRole: ctx.actor.role });
      },
      async recordNow(ctx, e) {
        auditCalls.push({ ...e, actorRole: ctx.actor.role });
      },
    },
    outbox: { publish: async () => {} } as unknown as Deps['outbox'],
    clock: { now: () => new Date('2026-06-15T12:00:00Z') },
    auditCalls,
  };
}

export function ctxAs(role: Role, over: Partial<Actor> = {}): Ctx {
  return {
    actor: {
      accountId: `acc-${role}`,
      role,
      name: role,
      unitId: null,
      cpf: null,
      partnerEntityId: null,
      staffId: role === 'citizen' || role === 'integration' ? null : 'staff-1',
      via: role === 'integration' ? 'token' : 'session',
      sessionId: null,
      ...over,
    },
    requestId: randomUUID(),
  };
}
