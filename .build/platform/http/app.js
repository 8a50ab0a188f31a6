import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler
} from "fastify-type-provider-zod";
import { z } from "zod";
import { pendingMigrations } from "../db/migrate.js";
import { AppError, forbidden, unauthenticated } from "../errors.js";
import { claimIdempotencyKey, completeIdempotencyKey } from "./idempotency.js";
import { createMetrics } from "./metrics.js";
import { sendProblem, toProblem } from "./problem.js";
z.config(z.locales.ptBR());
function permissionTable(modules) {
  const t = /* @__PURE__ */ new Map();
  for (const m of modules) {
    for (const [perm, def] of Object.entries(m.permissions ?? {})) {
      if (t.has(perm)) throw new Error(`Permiss\xE3o declarada duas vezes: ${perm}`);
      t.set(perm, new Set(def.roles));
    }
  }
  return t;
}
const canActorDo = (table, actor, permission) => table.get(permission)?.has(actor.role) ?? false;
const MUTATING = /* @__PURE__ */ new Set(["POST", "PUT", "PATCH", "DELETE"]);
async function buildApp(opts) {
  const { deps, modules } = opts;
  const permissions = permissionTable(modules);
  const metrics = createMetrics();
  const app = Fastify({
    loggerInstance: deps.log,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    trustProxy: deps.config.isProduction
  }).withTypeProvider();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("actor", null);
  const routes = [];
  app.addHook("onRoute", (r) => {
    const url = r.url;
    if (!url.startsWith("/api/v1")) return;
    const permission = r.config?.permission;
    if (!permission) throw new Error(`Rota sem permiss\xE3o declarada: ${String(r.method)} ${url}`);
    if (permission !== "public" && permission !== "authenticated" && !permissions.has(permission)) {
      throw new Error(`Rota ${String(r.method)} ${url} declara a permiss\xE3o desconhecida "${permission}"`);
    }
    for (const m of [r.method].flat()) {
      if (m === "HEAD") continue;
      routes.push({ method: String(m), url, permission });
    }
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.isProduction ? [] : null
      }
    },
    strictTransportSecurity: deps.config.isProduction
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Previd\xEAncia Digital \u2014 API",
        description: "API da plataforma de atendimento previdenci\xE1rio. Autentica\xE7\xE3o por sess\xE3o (cookie `pd_session` + cabe\xE7alho `X-CSRF-Token` nas muta\xE7\xF5es) ou por token de integra\xE7\xE3o (`Authorization: Bearer`). Erros seguem a RFC 9457 (application/problem+json).",
        version: "1.0.0"
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "pd_session" },
          bearer: { type: "http", scheme: "bearer" }
        }
      },
      security: [{ session: [] }, { bearer: [] }]
    },
    transform: jsonSchemaTransform
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err, req);
    if (p.status >= 500) req.log.error({ err }, "erro n\xE3o tratado");
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler(
    (req, reply) => sendProblem(reply, toProblem(new AppError("not_found", "Recurso n\xE3o encontrado."), req))
  );
  app.addHook("onRequest", async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (!permission || !req.url.startsWith("/api/v1")) return;
    req.actor = await opts.authenticate(req);
    if (permission === "public") return;
    if (!req.actor) throw unauthenticated();
    if (permission !== "authenticated" && !canActorDo(permissions, req.actor, permission)) {
      await deps.audit.recordNow(
        { actor: req.actor, requestId: req.id },
        {
          action: "deny",
          resourceType: "route",
          resourceId: `${req.method} ${req.routeOptions.url}`,
          outcome: "denied",
          details: { permission }
        }
      );
      throw forbidden();
    }
    if (MUTATING.has(req.method) && req.actor.via === "session") opts.checkCsrf(req, req.actor);
  });
  app.addHook("preHandler", async (req, reply) => {
    if (!req.routeOptions.config?.idempotent || req.method !== "POST") return;
    const key = req.headers["idempotency-key"];
    if (typeof key !== "string" || key === "") return;
    const owner = req.actor?.accountId ?? `anon:${req.ip}`;
    const outcome = await claimIdempotencyKey(deps.db, req, owner, key);
    if (outcome.kind === "replay") {
      reply.header("idempotent-replayed", "true");
      if (outcome.contentType) reply.type(outcome.contentType);
      return reply.status(outcome.status).send(outcome.body);
    }
    req.idempotency = { owner, key };
  });
  app.addHook("onSend", async (req, reply, payload) => {
    const idem = req.idempotency;
    if (idem && !reply.getHeader("idempotent-replayed")) {
      await completeIdempotencyKey(deps.db, idem.owner, idem.key, reply, payload);
    }
    return payload;
  });
  app.addHook("onResponse", async (req, reply) => {
    metrics.httpDuration.labels(req.method, req.routeOptions.url ?? "desconhecida", String(reply.statusCode)).observe(reply.elapsedTime / 1e3);
  });
  app.get("/health", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/ready", { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.orm.execute(sql`SELECT 1`);
      const pending = await pendingMigrations(deps.db.pool, opts.migrationSources);
      if (pending.length > 0) return reply.status(503).send({ status: "migrations_pending", pending });
      return { status: "ready", database: deps.db.kind };
    } catch {
      return reply.status(503).send({ status: "database_unreachable" });
    }
  });
  app.get("/metrics", { schema: { hide: true } }, async (_req, reply) => {
    const r = await deps.db.pool.query("SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL");
    metrics.outboxPending.set(r.rows[0].n);
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  for (const m of modules) {
    if (m.routes) await m.routes(app, deps);
  }
  await app.ready();
  return { app, metrics, routes, permissions };
}
export {
  buildApp,
  canActorDo,
  permissionTable
};
