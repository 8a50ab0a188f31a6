import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { notFound } from "../../platform/errors.js";
import { forgetSessions } from "./authenticate.js";
import { sessionState } from "./domain/credentials.js";
import { idSessions } from "./schema.js";
async function listOwnSessions(deps, ctx) {
  const rows = await deps.db.orm.select().from(idSessions).where(eq(idSessions.accountId, ctx.actor.accountId)).orderBy(desc(idSessions.createdAt)).limit(50);
  const now = deps.clock.now();
  return rows.map((s) => ({
    id: s.id.slice(0, 16),
    current: s.id === ctx.actor.sessionId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    state: sessionState(s, now, deps.config.SESSION_IDLE_MINUTES),
    userAgent: s.userAgent
  }));
}
async function revokeSession(deps, ctx, publicId, opts) {
  if (!/^[0-9a-f]{16}$/.test(publicId)) throw notFound("Sess\xE3o");
  const rows = await deps.db.orm.select({ id: idSessions.id, accountId: idSessions.accountId }).from(idSessions).where(and(isNull(idSessions.revokedAt), sql`${idSessions.id} LIKE ${`${publicId}%`}`));
  const target = rows.find((r) => opts.any || r.accountId === ctx.actor.accountId);
  if (!target) throw notFound("Sess\xE3o");
  await deps.db.tx(async (tx) => {
    await tx.update(idSessions).set({ revokedAt: deps.clock.now(), revokedReason: opts.reason }).where(eq(idSessions.id, target.id));
    await deps.audit.record(tx, ctx, {
      action: "revoke",
      resourceType: "session",
      resourceId: target.id.slice(0, 16),
      details: { accountId: target.accountId }
    });
  });
  forgetSessions(deps, [target.id]);
}
async function logout(deps, ctx) {
  if (!ctx.actor.sessionId) return;
  await deps.db.tx(async (tx) => {
    await tx.update(idSessions).set({ revokedAt: deps.clock.now(), revokedReason: "logout" }).where(and(eq(idSessions.id, ctx.actor.sessionId), isNull(idSessions.revokedAt)));
    await deps.audit.record(tx, ctx, {
      action: "logout",
      resourceType: "session",
      resourceId: ctx.actor.sessionId.slice(0, 16)
    });
  });
  forgetSessions(deps, [ctx.actor.sessionId]);
}
async function revokeAllSessions(deps, accountId, reason) {
  const rows = await deps.db.orm.update(idSessions).set({ revokedAt: deps.clock.now(), revokedReason: reason }).where(and(eq(idSessions.accountId, accountId), isNull(idSessions.revokedAt))).returning({ id: idSessions.id });
  forgetSessions(
    deps,
    rows.map((r) => r.id)
  );
  return rows.length;
}
export {
  listOwnSessions,
  logout,
  revokeAllSessions,
  revokeSession
};
