import { z } from "zod";
import { ROLES } from "../../platform/auth/roles.js";
import { createAccount, listAccounts, publicAccount, setAccountActive, unlockAccount } from "./accounts.js";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.js";
import { SESSION_COOKIE } from "./domain/credentials.js";
import { login } from "./login.js";
import { listOwnSessions, logout, revokeSession } from "./sessions.js";
const ctxOf = (req) => ({
  actor: req.actor,
  requestId: req.id
});
const Me = z.object({
  accountId: z.string(),
  role: z.enum(ROLES),
  name: z.string(),
  unitId: z.string().nullable(),
  partnerEntityId: z.string().nullable(),
  staffId: z.string().nullable()
});
const Account = z.object({
  id: z.string(),
  login: z.string(),
  role: z.enum(ROLES),
  name: z.string(),
  unitId: z.string().nullable(),
  partnerEntityId: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable()
});
const meOf = (a) => ({
  accountId: a.accountId,
  role: a.role,
  name: a.name,
  unitId: a.unitId,
  partnerEntityId: a.partnerEntityId,
  staffId: a.staffId
});
function identityRoutes(app, deps) {
  app.post(
    "/api/v1/auth/login",
    {
      config: {
        permission: "public",
        rateLimit: { max: deps.config.AUTH_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" }
      },
      schema: {
        tags: ["identidade"],
        summary: "Entra com login (CPF para cidad\xE3os) e senha; abre uma sess\xE3o",
        body: z.object({ login: z.string().min(1).max(128), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ account: Me, csrfToken: z.string(), expiresAt: z.string() }) }
      }
    },
    async (req, reply) => {
      const r = await login(deps, { ...req.body, ip: req.ip, userAgent: req.headers["user-agent"] });
      reply.setCookie(SESSION_COOKIE, r.token, {
        httpOnly: true,
        sameSite: "lax",
        secure: deps.config.cookieSecure,
        path: "/",
        expires: r.expiresAt
      });
      return { account: meOf(r.actor), csrfToken: r.csrfToken, expiresAt: r.expiresAt.toISOString() };
    }
  );
  app.post(
    "/api/v1/auth/logout",
    {
      config: { permission: "authenticated" },
      schema: { tags: ["identidade"], summary: "Encerra a sess\xE3o atual", response: { 204: z.null() } }
    },
    async (req, reply) => {
      await logout(deps, ctxOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    }
  );
  app.get(
    "/api/v1/auth/me",
    {
      config: { permission: "authenticated" },
      schema: { tags: ["identidade"], summary: "Quem sou eu", response: { 200: Me } }
    },
    async (req) => meOf(req.actor)
  );
  app.get(
    "/api/v1/auth/sessions",
    {
      config: { permission: "authenticated" },
      schema: {
        tags: ["identidade"],
        summary: "Minhas sess\xF5es",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                current: z.boolean(),
                createdAt: z.string(),
                lastSeenAt: z.string(),
                expiresAt: z.string(),
                state: z.string(),
                userAgent: z.string().nullable()
              })
            )
          })
        }
      }
    },
    async (req) => ({ items: await listOwnSessions(deps, ctxOf(req)) })
  );
  app.delete(
    "/api/v1/auth/sessions/:id",
    {
      config: { permission: "authenticated" },
      schema: {
        tags: ["identidade"],
        summary: "Revoga uma sess\xE3o minha",
        params: z.object({ id: z.string().max(64) }),
        response: { 204: z.null() }
      }
    },
    async (req, reply) => {
      await revokeSession(deps, ctxOf(req), req.params.id, { any: false, reason: "revogada pelo titular" });
      return reply.status(204).send(null);
    }
  );
  app.delete(
    "/api/v1/admin/sessions/:id",
    {
      config: { permission: "identity.sessions.revoke_any" },
      schema: {
        tags: ["identidade"],
        summary: "Revoga a sess\xE3o de qualquer conta",
        params: z.object({ id: z.string().max(64) }),
        response: { 204: z.null() }
      }
    },
    async (req, reply) => {
      await revokeSession(deps, ctxOf(req), req.params.id, {
        any: true,
        reason: "revogada pela administra\xE7\xE3o"
      });
      return reply.status(204).send(null);
    }
  );
  app.get(
    "/api/v1/accounts",
    {
      config: { permission: "identity.accounts.read" },
      schema: {
        tags: ["identidade"],
        summary: "Lista contas do seu escopo",
        querystring: z.object({
          role: z.enum(ROLES).optional(),
          unitId: z.string().optional(),
          cursor: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50)
        }),
        response: { 200: z.object({ items: z.array(Account), nextCursor: z.string().nullable() }) }
      }
    },
    async (req) => listAccounts(deps, ctxOf(req), req.query)
  );
  app.post(
    "/api/v1/accounts",
    {
      config: { permission: "identity.accounts.manage", idempotent: true },
      schema: {
        tags: ["identidade"],
        summary: "Cria uma conta",
        body: z.object({
          login: z.string().min(3).max(64),
          name: z.string().min(3).max(200),
          role: z.enum(ROLES),
          unitId: z.string().nullable().optional(),
          staffId: z.uuid().nullable().optional(),
          partnerEntityId: z.string().max(64).nullable().optional(),
          email: z.email().nullable().optional(),
          password: z.string().max(128).nullable().optional()
        }),
        response: { 201: Account }
      }
    },
    async (req, reply) => reply.status(201).send(publicAccount(await createAccount(deps, ctxOf(req), req.body)))
  );
  app.post(
    "/api/v1/accounts/:id/unlock",
    {
      config: { permission: "identity.accounts.manage" },
      schema: {
        tags: ["identidade"],
        summary: "Desbloqueia uma conta",
        params: z.object({ id: z.uuid() }),
        response: { 200: Account }
      }
    },
    async (req) => unlockAccount(deps, ctxOf(req), req.params.id)
  );
  app.post(
    "/api/v1/accounts/:id/deactivate",
    {
      config: { permission: "identity.accounts.manage" },
      schema: {
        tags: ["identidade"],
        summary: "Desativa uma conta (revoga suas sess\xF5es)",
        params: z.object({ id: z.uuid() }),
        response: { 200: Account }
      }
    },
    async (req) => setAccountActive(deps, ctxOf(req), req.params.id, false)
  );
  app.get(
    "/api/v1/api-tokens",
    {
      config: { permission: "identity.tokens.manage" },
      schema: {
        tags: ["identidade"],
        summary: "Lista tokens de integra\xE7\xE3o",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                accountId: z.string(),
                name: z.string(),
                prefix: z.string(),
                createdAt: z.string(),
                expiresAt: z.string().nullable(),
                lastUsedAt: z.string().nullable(),
                revoked: z.boolean()
              })
            )
          })
        }
      }
    },
    async () => ({ items: await listApiTokens(deps) })
  );
  app.post(
    "/api/v1/api-tokens",
    {
      config: { permission: "identity.tokens.manage", idempotent: true },
      schema: {
        tags: ["identidade"],
        summary: "Emite um token para uma conta de integra\xE7\xE3o (mostrado uma \xFAnica vez)",
        body: z.object({
          accountId: z.uuid(),
          name: z.string().min(3).max(100),
          expiresInDays: z.number().int().min(1).max(730).nullable().optional()
        }),
        response: { 201: z.object({ id: z.string(), token: z.string(), prefix: z.string() }) }
      }
    },
    async (req, reply) => reply.status(201).send(await createApiToken(deps, ctxOf(req), req.body))
  );
  app.delete(
    "/api/v1/api-tokens/:id",
    {
      config: { permission: "identity.tokens.manage" },
      schema: {
        tags: ["identidade"],
        summary: "Revoga um token de integra\xE7\xE3o",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() }
      }
    },
    async (req, reply) => {
      await revokeApiToken(deps, ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    }
  );
}
export {
  identityRoutes
};
