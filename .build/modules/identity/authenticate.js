import { and, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "../../platform/errors.js";
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  safeEqual,
  sessionState,
  sha256,
  TOKEN_PREFIX
} from "./domain/credentials.js";
import { idAccounts, idApiTokens, idSessions } from "./schema.js";
const CACHE_MS = 5e3;
const TOUCH_MS = 6e4;
const caches = /* @__PURE__ */ new WeakMap();
const cacheOf = (deps) => {
  let c = caches.get(deps.db);
  if (!c) {
    c = /* @__PURE__ */ new Map();
    caches.set(deps.db, c);
  }
  return c;
};
function forgetSessions(deps, sessionIds) {
  const c = cacheOf(deps);
  if (!sessionIds) c.clear();
  else for (const id of sessionIds) c.delete(id);
}
function actorOf(a, via, sessionId) {
  return {
    accountId: a.id,
    role: a.role,
    name: a.name,
    unitId: a.unitId,
    cpf: a.cpf,
    partnerEntityId: a.partnerEntityId,
    staffId: a.staffId,
    via,
    sessionId
  };
}
function bearer(req) {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1] : null;
}
function createAuthenticator(deps) {
  const cache = cacheOf(deps);
  async function fromToken(token) {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const hash = sha256(token);
    const rows = await deps.db.orm.select({ account: idAccounts, tokenId: idApiTokens.id, lastUsedAt: idApiTokens.lastUsedAt }).from(idApiTokens).innerJoin(idAccounts, eq(idAccounts.id, idApiTokens.accountId)).where(
      and(
        eq(idApiTokens.tokenHash, hash),
        isNull(idApiTokens.revokedAt),
        sql`(${idApiTokens.expiresAt} IS NULL OR ${idApiTokens.expiresAt} > now())`,
        eq(idAccounts.active, true)
      )
    );
    const r = rows[0];
    if (!r) return null;
    if (!r.lastUsedAt || deps.clock.now().getTime() - r.lastUsedAt.getTime() > TOUCH_MS) {
      await deps.db.orm.update(idApiTokens).set({ lastUsedAt: deps.clock.now() }).where(eq(idApiTokens.id, r.tokenId));
    }
    return actorOf(r.account, "token", null);
  }
  async function fromSession(value) {
    const id = sha256(value);
    const now = deps.clock.now();
    const hit = cache.get(id);
    if (hit && now.getTime() - hit.fetchedAt < CACHE_MS) {
      if (sessionState(
        { lastSeenAt: hit.lastSeenAt, expiresAt: hit.expiresAt, revokedAt: null },
        now,
        deps.config.SESSION_IDLE_MINUTES
      ) === "active") {
        if (now.getTime() - hit.lastSeenAt.getTime() > TOUCH_MS) {
          hit.lastSeenAt = now;
          await deps.db.orm.update(idSessions).set({ lastSeenAt: now }).where(eq(idSessions.id, id));
        }
        return hit;
      }
      cache.delete(id);
      return null;
    }
    const rows = await deps.db.orm.select({ session: idSessions, account: idAccounts }).from(idSessions).innerJoin(idAccounts, eq(idAccounts.id, idSessions.accountId)).where(eq(idSessions.id, id));
    const r = rows[0];
    if (!r?.account.active) return null;
    const state = sessionState(r.session, now, deps.config.SESSION_IDLE_MINUTES);
    if (state !== "active") {
      cache.delete(id);
      return null;
    }
    if (now.getTime() - r.session.lastSeenAt.getTime() > TOUCH_MS) {
      await deps.db.orm.update(idSessions).set({ lastSeenAt: now }).where(eq(idSessions.id, id));
      r.session.lastSeenAt = now;
    }
    const entry = {
      actor: actorOf(r.account, "session", id),
      csrf: r.session.csrfToken,
      lastSeenAt: r.session.lastSeenAt,
      expiresAt: r.session.expiresAt,
      fetchedAt: now.getTime()
    };
    cache.set(id, entry);
    return entry;
  }
  return {
    async authenticate(req) {
      const token = bearer(req);
      if (token) {
        const actor = await fromToken(token);
        if (!actor)
          throw new AppError("unauthenticated", "Token de integra\xE7\xE3o inv\xE1lido, expirado ou revogado.");
        return actor;
      }
      const value = req.cookies?.[SESSION_COOKIE];
      if (!value) return null;
      return (await fromSession(value))?.actor ?? null;
    },
    /** Double-submit check: cookie-authenticated mutations must echo the session's CSRF token. */
    checkCsrf(req, actor) {
      const sent = req.headers[CSRF_HEADER];
      const entry = actor.sessionId ? cache.get(actor.sessionId) : void 0;
      if (typeof sent !== "string" || !entry || !safeEqual(sent, entry.csrf)) {
        throw new AppError(
          "forbidden",
          "Token CSRF ausente ou inv\xE1lido. Recarregue a p\xE1gina e tente novamente."
        );
      }
    }
  };
}
export {
  actorOf,
  createAuthenticator,
  forgetSessions
};
