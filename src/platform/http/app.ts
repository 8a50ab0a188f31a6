import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countUnsealed } from '../audit/audit';
import type { Actor, Role } from '../auth/roles';
import { type MigrationSource, pendingMigrations } from '../db/migrate';
import type { Deps } from '../deps';
import { AppError, forbidden, unauthenticated } from '../errors';
import { type Logger, lazyChildLogger } from '../log/logger';
import type { ModuleDefinition } from '../module';
import { claimIdempotencyKey, completeIdempotencyKey } from './idempotency';
import { createMetrics, type Metrics } from './metrics';
import { sendProblem, toProblem } from './problem';
import { securityHeaderSet } from './security-headers';
import { serializerCompiler } from './serializer';
import type { AppInstance } from './types';

z.config(z.locales.ptBR());

/** Resolves the caller from the request (session cookie or Bearer token); null when anonymous. */
export type Authenticator = (req: import('fastify').FastifyRequest) => Promise<Actor | null>;
/** Checks the CSRF token of a cookie-authenticated mutation; throws a 403 AppError when it fails. */
export type CsrfCheck = (req: import('fastify').FastifyRequest, actor: Actor) => void;

export interface BuildAppOptions {
  deps: Deps;
  modules: readonly ModuleDefinition[];
  migrationSources: MigrationSource[];
  authenticate: Authenticator;
  checkCsrf: CsrfCheck;
}

export type PermissionTable = ReadonlyMap<string, ReadonlySet<Role>>;

export function permissionTable(modules: readonly ModuleDefinition[]): PermissionTable {
  const t = new Map<string, Set<Role>>();
  for (const m of modules) {
    for (const [perm, def] of Object.entries(m.permissions ?? {})) {
      if (t.has(perm)) throw new Error(`Permissão declarada duas vezes: ${perm}`);
      t.set(perm, new Set(def.roles));
    }
  }
  return t;
}

export const canActorDo = (table: PermissionTable, actor: Actor, permission: string) =>
  table.get(permission)?.has(actor.role) ?? false;

export interface BuiltApp {
  app: AppInstance;
  metrics: Metrics;
  /** Routes registered under /api, for the authorization matrix. */
  routes: { method: string; url: string; permission: string }[];
  permissions: PermissionTable;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(opts: BuildAppOptions): Promise<BuiltApp> {
  const { deps, modules } = opts;
  const permissions = permissionTable(modules);
  const metrics = createMetrics();
  const app = Fastify({
    loggerInstance: deps.log,
    childLoggerFactory: (logger, bindings, opts) =>
      lazyChildLogger(logger as Logger, bindings, opts as never),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    trustProxy: deps.config.isProduction,
  }).withTypeProvider<ZodTypeProvider>() as unknown as AppInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);

  const routes: BuiltApp['routes'] = [];
  app.addHook('onRoute', (r) => {
    const url = r.url;
    if (!url.startsWith('/api/v1')) return;
    const permission = r.config?.permission;
    if (!permission) throw new Error(`Rota sem permissão declarada: ${String(r.method)} ${url}`);
    if (permission !== 'public' && permission !== 'authenticated' && !permissions.has(permission)) {
      throw new Error(`Rota ${String(r.method)} ${url} declara a permissão desconhecida "${permission}"`);
    }
    for (const m of [r.method].flat()) {
      if (m === 'HEAD') continue;
      routes.push({ method: String(m), url, permission });
    }
  });

  const securityHeaders = securityHeaderSet(deps.config.isProduction);
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(securityHeaders);
    // What the API answers is personal data or depends on who asks: no browser cache or proxy may
    // keep it (RFC 9111 §5.2.2.5; OWASP API Security). A route may narrow it (document content
    // sends "private, no-store").
    if (req.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Previdência Digital — API',
        description:
          'API da plataforma de atendimento previdenciário. Autenticação por sessão (cookie `pd_session` + cabeçalho `X-CSRF-Token` nas mutações) ou por token de integração (`Authorization: Bearer`). Erros seguem a RFC 9457 (application/problem+json).',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pd_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err, req);
    if (p.status >= 500) req.log.error({ err }, 'erro não tratado');
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, toProblem(new AppError('not_found', 'Recurso não encontrado.'), req)),
  );

  // Authentication and authorization run before body parsing and validation: an unauthorized
  // caller learns nothing about the contract, and every denial is audited.
  app.addHook('onRequest', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (!permission || !req.url.startsWith('/api/v1')) return;
    req.actor = await opts.authenticate(req);
    if (permission === 'public') return;
    if (!req.actor) throw unauthenticated();
    if (permission !== 'authenticated' && !canActorDo(permissions, req.actor, permission)) {
      await deps.audit.recordNow(
        { actor: req.actor, requestId: req.id },
        {
          action: 'deny',
          resourceType: 'route',
          resourceId: `${req.method} ${req.routeOptions.url}`,
          outcome: 'denied',
          details: { permission },
        },
      );
      throw forbidden();
    }
    if (MUTATING.has(req.method) && req.actor.via === 'session') opts.checkCsrf(req, req.actor);
  });

  app.addHook('preHandler', async (req, reply) => {
    if (!req.routeOptions.config?.idempotent || req.method !== 'POST') return;
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return;
    const owner = req.actor?.accountId ?? `anon:${req.ip}`;
    const outcome = await claimIdempotencyKey(deps.db, req, owner, key);
    if (outcome.kind === 'replay') {
      reply.header('idempotent-replayed', 'true');
      if (outcome.contentType) reply.type(outcome.contentType);
      return reply.status(outcome.status!).send(outcome.body);
    }
    (req as { idempotency?: { owner: string; key: string } }).idempotency = { owner, key };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = (req as { idempotency?: { owner: string; key: string } }).idempotency;
    if (idem && !reply.getHeader('idempotent-replayed')) {
      await completeIdempotencyKey(deps.db, idem.owner, idem.key, reply, payload);
    }
    return payload;
  });

  app.addHook('onResponse', async (req, reply) => {
    metrics.httpDuration
      .labels(req.method, req.routeOptions.url ?? 'desconhecida', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  // Operational endpoints (outside /api/v1: no account needed; put /metrics behind the
  // ingress's network policy in production).
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.orm.execute(sql`SELECT 1`);
      const pending = await pendingMigrations(deps.db.pool, opts.migrationSources);
      if (pending.length > 0) return reply.status(503).send({ status: 'migrations_pending', pending });
      return { status: 'ready', database: deps.db.kind };
    } catch {
      return reply.status(503).send({ status: 'database_unreachable' });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    const r = await deps.db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL');
    metrics.outboxPending.set(r.rows[0].n);
    metrics.auditUnsealed.set(await countUnsealed(deps.db));
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const m of modules) {
    if (m.routes) await m.routes(app, deps);
  }
  await app.ready();
  return { app, metrics, routes, permissions };
}
