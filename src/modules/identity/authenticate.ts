import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  safeEqual,
  sessionState,
  sha256,
  TOKEN_PREFIX,
} from './domain/credentials';
import { type AccountRow, idAccounts, idApiTokens, idSessions } from './schema';

/**
 * Resolves the caller of an HTTP request: a session cookie (browser) or a Bearer API token
 * (integrations). Sessions are looked up by the SHA-256 of the cookie value.
 *
 * A resolved session is cached in this process for CACHE_MS so that a burst of requests costs
 * one lookup; revocations made through this instance drop the cache entry at once, revocations
 * made elsewhere take effect within CACHE_MS. last_seen_at is written at most once a minute.
 */
const CACHE_MS = 5_000;
const TOUCH_MS = 60_000;

interface Cached {
  actor: Actor;
  csrf: string;
  lastSeenAt: Date;
  expiresAt: Date;
  fetchedAt: number;
}

const caches = new WeakMap<object, Map<string, Cached>>();
const cacheOf = (deps: Pick<Deps, 'db'>) => {
  let c = caches.get(deps.db);
  if (!c) {
    c = new Map();
    caches.set(deps.db, c);
  }
  return c;
};

export function forgetSessions(deps: Pick<Deps, 'db'>, sessionIds?: string[]) {
  const c = cacheOf(deps);
  if (!sessionIds) c.clear();
  else for (const id of sessionIds) c.delete(id);
}

export function actorOf(a: AccountRow, via: Actor['via'], sessionId: string | null): Actor {
  return {
    accountId: a.id,
    role: a.role as Role,
    name: a.name,
    unitId: a.unitId,
    cpf: a.cpf,
    partnerEntityId: a.partnerEntityId,
    staffId: a.staffId,
    via,
    sessionId,
  };
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : null;
}

export function createAuthenticator(deps: Deps) {
  const cache = cacheOf(deps);

  async function fromToken(token: string): Promise<Actor | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const hash = sha256(token);
    const rows = await deps.db.orm
      .select({ account: idAccounts, tokenId: idApiTokens.id, lastUsedAt: idApiTokens.lastUsedAt })
      .from(idApiTokens)
      .innerJoin(idAccounts, eq(idAccounts.id, idApiTokens.accountId))
      .where(
        and(
          eq(idApiTokens.tokenHash, hash),
          isNull(idApiTokens.revokedAt),
          sql`(${idApiTokens.expiresAt} IS NULL OR ${idApiTokens.expiresAt} > now())`,
          eq(idAccounts.active, true),
        ),
      );
    const r = rows[0];
    if (!r) return null;
    if (!r.lastUsedAt || deps.clock.now().getTime() - r.lastUsedAt.getTime() > TOUCH_MS) {
      await deps.db.orm
        .update(idApiTokens)
        .set({ lastUsedAt: deps.clock.now() })
        .where(eq(idApiTokens.id, r.tokenId));
    }
    return actorOf(r.account, 'token', null);
  }

  async function fromSession(value: string): Promise<Cached | null> {
    const id = sha256(value);
    const now = deps.clock.now();
    const hit = cache.get(id);
    if (hit && now.getTime() - hit.fetchedAt < CACHE_MS) {
      if (
        sessionState(
          { lastSeenAt: hit.lastSeenAt, expiresAt: hit.expiresAt, revokedAt: null },
          now,
          deps.config.SESSION_IDLE_MINUTES,
        ) === 'active'
      ) {
        if (now.getTime() - hit.lastSeenAt.getTime() > TOUCH_MS) {
          hit.lastSeenAt = now;
          await deps.db.orm.update(idSessions).set({ lastSeenAt: now }).where(eq(idSessions.id, id));
        }
        return hit;
      }
      cache.delete(id);
      return null;
    }
    const rows = await deps.db.orm
      .select({ session: idSessions, account: idAccounts })
      .from(idSessions)
      .innerJoin(idAccounts, eq(idAccounts.id, idSessions.accountId))
      .where(eq(idSessions.id, id));
    const r = rows[0];
    if (!r?.account.active) return null;
    const state = sessionState(r.session, now, deps.config.SESSION_IDLE_MINUTES);
    if (state !== 'active') {
      cache.delete(id);
      return null;
    }
    if (now.getTime() - r.session.lastSeenAt.getTime() > TOUCH_MS) {
      await deps.db.orm.update(idSessions).set({ lastSeenAt: now }).where(eq(idSessions.id, id));
      r.session.lastSeenAt = now;
    }
    const entry: Cached = {
      actor: actorOf(r.account, 'session', id),
      csrf: r.session.csrfToken,
      lastSeenAt: r.session.lastSeenAt,
      expiresAt: r.session.expiresAt,
      fetchedAt: now.getTime(),
    };
    cache.set(id, entry);
    return entry;
  }

  return {
    async authenticate(req: FastifyRequest): Promise<Actor | null> {
      const token = bearer(req);
      if (token) {
        const actor = await fromToken(token);
        if (!actor)
          throw new AppError('unauthenticated', 'Token de integração inválido, expirado ou revogado.');
        return actor;
      }
      const value = req.cookies?.[SESSION_COOKIE];
      if (!value) return null;
      return (await fromSession(value))?.actor ?? null;
    },
    /** Double-submit check: cookie-authenticated mutations must echo the session's CSRF token. */
    checkCsrf(req: FastifyRequest, actor: Actor) {
      const sent = req.headers[CSRF_HEADER];
      const entry = actor.sessionId ? cache.get(actor.sessionId) : undefined;
      if (typeof sent !== 'string' || !entry || !safeEqual(sent, entry.csrf)) {
        throw new AppError(
          'forbidden',
          'Token CSRF ausente ou inválido. Recarregue a página e tente novamente.',
        );
      }
    },
  };
}
