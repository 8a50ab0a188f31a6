import type { LightMyRequestResponse } from 'fastify';
import { createAccount } from '../../modules/identity/accounts';
import { createApiToken } from '../../modules/identity/api-tokens';
import { createUnit } from '../../modules/organization/create-unit';
import { modules as allModules } from '../../modules/registry';
import { createAuditLog } from '../audit/audit';
import type { Role } from '../auth/roles';
import { migrateAll } from '../bootstrap';
import { loadTestConfig, type RawConfig } from '../config/config';
import { openDatabase } from '../db/database';
import type { Deps } from '../deps';
import type { BuiltApp } from '../http/app';
import { createLogger } from '../log/logger';
import type { ModuleDefinition } from '../module';
import { createOutbox } from '../outbox/outbox';
import { buildPlatformApp } from '../server';
import { freshTestDatabase } from './fresh-database';

export { createFreshDatabase, freshTestDatabase } from './fresh-database';

/**
 * Test harness. Every test file gets its own fresh, migrated database: an in-memory PGlite by
 * default, or a new database on the server named by TEST_DATABASE_URL (dropped afterwards), so
 * the same tests run on both back-ends (.ci/run does both).
 */
export class TestClock {
  private t: number;
  constructor(start = new Date('2026-03-02T12:00:00-03:00')) {
    this.t = start.getTime();
  }
  now = () => new Date(this.t);
  set(d: Date | string) {
    this.t = new Date(d).getTime();
  }
  advance(ms: number) {
    this.t += ms;
  }
  /** Follow real time (benchmarks, timing-sensitive flows). */
  real() {
    this.now = () => new Date();
  }
}

export interface TestDeps extends Deps {
  clock: TestClock;
  close(): Promise<void>;
}

export const usingRealPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDeps(
  opts: { modules?: readonly ModuleDefinition[]; config?: Partial<Record<keyof RawConfig, string>> } = {},
): Promise<TestDeps> {
  const modules = opts.modules ?? allModules;
  const config = loadTestConfig(opts.config);
  const fresh = await freshTestDatabase('pd_test');
  const url = fresh?.url;
  const drop = fresh?.drop;
  const db = await openDatabase({ url, pgliteDir: 'memory://', poolSize: 10 });
  const clock = new TestClock();
  const log = createLogger({ level: 'silent' });
  const deps: TestDeps = {
    config: { ...config, DATABASE_URL: url },
    log,
    db,
    audit: createAuditLog(db, clock),
    outbox: createOutbox(),
    clock,
    async close() {
      await db.close();
      await drop?.();
    },
  };
  await migrateAll(deps, modules);
  return deps;
}

/** A small unit tree: BR → SR1 → GEX1 → APS1a, APS1b; SR1 → CEAB1; BR → SR2 → GEX2 → APS2a. */
export async function seedTestUnits(deps: Deps) {
  const u = (
    id: string,
    kind: 'national' | 'sr' | 'gex' | 'aps' | 'ceab',
    parentId: string | null,
    name: string,
  ) => createUnit(deps, null, { id, kind, code: id, name, parentId });
  await u('BR', 'national', null, 'Direção Central');
  await u('SR1', 'sr', 'BR', 'Superintendência Regional Sudeste I');
  await u('GEX1', 'gex', 'SR1', 'Gerência Executiva Campinas');
  await u('APS1A', 'aps', 'GEX1', 'APS Campinas');
  await u('APS1B', 'aps', 'GEX1', 'APS Jundiaí');
  await u('CEAB1', 'ceab', 'SR1', 'CEAB Sudeste I');
  await u('SR2', 'sr', 'BR', 'Superintendência Regional Nordeste');
  await u('GEX2', 'gex', 'SR2', 'Gerência Executiva Fortaleza');
  await u('APS2A', 'aps', 'GEX2', 'APS Fortaleza');
}

export const TEST_PASSWORD = 'senha-de-teste-123';

export interface TestSession {
  role: Role;
  accountId: string;
  login: string;
  headers: Record<string, string>;
}

export interface TestApp {
  deps: TestDeps;
  built: BuiltApp;
  app: BuiltApp['app'];
  /** Creates an account of this role and logs it in (integration: issues an API token). */
  loginAs(
    role: Role,
    opts?: { unitId?: string | null; cpf?: string; partnerEntityId?: string; login?: string },
  ): Promise<TestSession>;
  /** Opens a new session for an existing test account (after a logout or revocation). */
  relogin(session: TestSession): Promise<TestSession>;
  request(
    session: TestSession | null,
    req: { method: string; url: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;
const DEFAULT_UNIT: Partial<Record<Role, string>> = {
  analyst: 'APS1A',
  supervisor: 'SR1',
  manager: 'SR1',
  admin: 'BR',
  partner: 'APS1A',
};

export async function createTestApp(
  opts: { modules?: readonly ModuleDefinition[]; config?: Partial<Record<keyof RawConfig, string>> } = {},
): Promise<TestApp> {
  const deps = await createTestDeps(opts);
  await seedTestUnits(deps);
  const built = await buildPlatformApp(deps, opts.modules ?? allModules);
  const app = built.app;
  const relogin = async (s: TestSession): Promise<TestSession> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: s.login, password: TEST_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login falhou (${res.statusCode}): ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'pd_session')!;
    return { ...s, headers: { cookie: `pd_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken } };
  };
  return {
    deps,
    built,
    app,
    async loginAs(role, o = {}): Promise<TestSession> {
      counter++;
      const login = o.login ?? (role === 'citizen' ? o.cpf! : `${role}.t${counter}`);
      if (role === 'citizen' && !o.cpf) throw new Error('loginAs(citizen) precisa de cpf');
      const unitId = o.unitId === undefined ? (DEFAULT_UNIT[role] ?? null) : o.unitId;
      const account = await createAccount(deps, null, {
        login,
        name: `Pessoa de Teste ${counter}`,
        role,
        unitId,
        partnerEntityId: role === 'partner' ? (o.partnerEntityId ?? 'ACT-T1') : null,
        password: role === 'integration' ? null : TEST_PASSWORD,
      });
      if (role === 'integration') {
        const t = await createApiToken(deps, null, { accountId: account.id, name: 'teste' });
        return { role, accountId: account.id, login, headers: { authorization: `Bearer ${t.token}` } };
      }
      return relogin({ role, accountId: account.id, login, headers: {} });
    },
    relogin,
    request(session, req) {
      return app.inject({
        method: req.method as 'GET',
        url: req.url,
        payload: req.body as never,
        headers: { ...(session?.headers ?? {}), ...(req.headers ?? {}) },
      });
    },
    async close() {
      await app.close();
      await deps.close();
    },
  };
}
