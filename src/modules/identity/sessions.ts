import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { forgetSessions } from './authenticate';
import { sessionState } from './domain/credentials';
import { idSessions } from './schema';

export async function listOwnSessions(deps: Deps, ctx: Ctx) {
  const rows = await deps.db.orm
    .select()
    .from(idSessions)
    .where(eq(idSessions.accountId, ctx.actor.accountId))
    .orderBy(desc(idSessions.createdAt))
    .limit(50);
  const now = deps.clock.now();
  return rows.map((s) => ({
    id: s.id.slice(0, 16),
    current: s.id === ctx.actor.sessionId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    state: sessionState(s, now, deps.config.SESSION_IDLE_MINUTES),
    userAgent: s.userAgent,
  }));
}

/**
 * Revokes a session. The public id is the first 16 hex characters of the session hash (enough
 * to pick one of a person's sessions; useless to hijack one). Owners revoke their own; holders
 * of identity.sessions.revoke_any (administrators) revoke anyone's.
 */
export async function revokeSession(
  deps: Deps,
  ctx: Ctx,
  publicId: string,
  opts: { any: boolean; reason: string },
) {
  if (!/^[0-9a-f]{16}$/.test(publicId)) throw notFound('Sessão');
  const rows = await deps.db.orm
    .select({ id: idSessions.id, accountId: idSessions.accountId })
    .from(idSessions)
    .where(and(isNull(idSessions.revokedAt), sql`${idSessions.id} LIKE ${`${publicId}%`}`));
  const target = rows.find((r) => opts.any || r.accountId === ctx.actor.accountId);
  if (!target) throw notFound('Sessão');
  await deps.db.tx(async (tx) => {
    await tx
      .update(idSessions)
      .set({ revokedAt: deps.clock.now(), revokedReason: opts.reason })
      .where(eq(idSessions.id, target.id));
    await deps.audit.record(tx, ctx, {
      action: 'revoke',
      resourceType: 'session',
      resourceId: target.id.slice(0, 16),
      details: { accountId: target.accountId },
    });
  });
  forgetSessions(deps, [target.id]);
}

/** Logout: revokes the caller's current session. */
export async function logout(deps: Deps, ctx: Ctx) {
  if (!ctx.actor.sessionId) return;
  await deps.db.tx(async (tx) => {
    await tx
      .update(idSessions)
      .set({ revokedAt: deps.clock.now(), revokedReason: 'logout' })
      .where(and(eq(idSessions.id, ctx.actor.sessionId!), isNull(idSessions.revokedAt)));
    await deps.audit.record(tx, ctx, {
      action: 'logout',
      resourceType: 'session',
      resourceId: ctx.actor.sessionId!.slice(0, 16),
    });
  });
  forgetSessions(deps, [ctx.actor.sessionId]);
}

/** Revokes every session of an account (password change, account disabled). */
export async function revokeAllSessions(deps: Deps, accountId: string, reason: string) {
  const rows = await deps.db.orm
    .update(idSessions)
    .set({ revokedAt: deps.clock.now(), revokedReason: reason })
    .where(and(eq(idSessions.accountId, accountId), isNull(idSessions.revokedAt)))
    .returning({ id: idSessions.id });
  forgetSessions(
    deps,
    rows.map((r) => r.id),
  );
  return rows.length;
}
