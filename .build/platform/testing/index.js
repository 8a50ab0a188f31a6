import { createAccount } from "../../modules/identity/accounts.js";
import { createApiToken } from "../../modules/identity/api-tokens.js";
import { createUnit } from "../../modules/organization/create-unit.js";
import { modules as allModules } from "../../modules/registry.js";
import { createAuditLog } from "../audit/audit.js";
import { migrateAll } from "../bootstrap.js";
import { loadTestConfig } from "../config/config.js";
import { openDatabase } from "../db/database.js";
import { createLogger } from "../log/logger.js";
import { createOutbox } from "../outbox/outbox.js";
import { buildPlatformApp } from "../server.js";
import { freshTestDatabase } from "./fresh-database.js";
import { createFreshDatabase, freshTestDatabase as freshTestDatabase2 } from "./fresh-database.js";
class TestClock {
  t;
  constructor(start = /* @__PURE__ */ new Date("2026-03-02T12:00:00-03:00")) {
    this.t = start.getTime();
  }
  now = () => new Date(this.t);
  set(d) {
    this.t = new Date(d).getTime();
  }
  advance(ms) {
    this.t += ms;
  }
  /** Follow real time (benchmarks, timing-sensitive flows). */
  real() {
    this.now = () => /* @__PURE__ */ new Date();
  }
}
const usingRealPostgres = () => Boolean(process.env.TEST_DATABASE_URL);
async function createTestDeps(opts = {}) {
  const modules = opts.modules ?? allModules;
  const config = loadTestConfig(opts.config);
  const fresh = await freshTestDatabase("pd_test");
  const url = fresh?.url;
  const drop = fresh?.drop;
  const db = await openDatabase({ url, pgliteDir: "memory://", poolSize: 10 });
  const clock = new TestClock();
  const log = createLogger({ level: "silent" });
  const deps = {
    config: { ...config, DATABASE_URL: url },
    log,
    db,
    audit: createAuditLog(db, clock),
    outbox: createOutbox(),
    clock,
    async close() {
      await db.close();
      await drop?.();
    }
  };
  await migrateAll(deps, modules);
  return deps;
}
async function seedTestUnits(deps) {
  const u = (id, kind, parentId, name) => createUnit(deps, null, { id, kind, code: id, name, parentId });
  await u("BR", "national", null, "Dire\xE7\xE3o Central");
  await u("SR1", "sr", "BR", "Superintend\xEAncia Regional Sudeste I");
  await u("GEX1", "gex", "SR1", "Ger\xEAncia Executiva Campinas");
  await u("APS1A", "aps", "GEX1", "APS Campinas");
  await u("APS1B", "aps", "GEX1", "APS Jundia\xED");
  await u("CEAB1", "ceab", "SR1", "CEAB Sudeste I");
  await u("SR2", "sr", "BR", "Superintend\xEAncia Regional Nordeste");
  await u("GEX2", "gex", "SR2", "Ger\xEAncia Executiva Fortaleza");
  await u("APS2A", "aps", "GEX2", "APS Fortaleza");
}
const TEST_PASSWORD = "senha-de-teste-123";
let counter = 0;
const DEFAULT_UNIT = {
  analyst: "APS1A",
  supervisor: "SR1",
  manager: "SR1",
  admin: "BR",
  partner: "APS1A"
};
async function createTestApp(opts = {}) {
  const deps = await createTestDeps(opts);
  await seedTestUnits(deps);
  const built = await buildPlatformApp(deps, opts.modules ?? allModules);
  const app = built.app;
  const relogin = async (s) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: s.login, password: TEST_PASSWORD }
    });
    if (res.statusCode !== 200) throw new Error(`login falhou (${res.statusCode}): ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "pd_session");
    return { ...s, headers: { cookie: `pd_session=${cookie.value}`, "x-csrf-token": res.json().csrfToken } };
  };
  return {
    deps,
    built,
    app,
    async loginAs(role, o = {}) {
      counter++;
      const login = o.login ?? (role === "citizen" ? o.cpf : `${role}.t${counter}`);
      if (role === "citizen" && !o.cpf) throw new Error("loginAs(citizen) precisa de cpf");
      const unitId = o.unitId === void 0 ? DEFAULT_UNIT[role] ?? null : o.unitId;
      const account = await createAccount(deps, null, {
        login,
        name: `Pessoa de Teste ${counter}`,
        role,
        unitId,
        partnerEntityId: role === "partner" ? o.partnerEntityId ?? "ACT-T1" : null,
        password: role === "integration" ? null : TEST_PASSWORD
      });
      if (role === "integration") {
        const t = await createApiToken(deps, null, { accountId: account.id, name: "teste" });
        return { role, accountId: account.id, login, headers: { authorization: `Bearer ${t.token}` } };
      }
      return relogin({ role, accountId: account.id, login, headers: {} });
    },
    relogin,
    request(session, req) {
      return app.inject({
        method: req.method,
        url: req.url,
        payload: req.body,
        headers: { ...session?.headers ?? {}, ...req.headers ?? {} }
      });
    },
    async close() {
      await app.close();
      await deps.close();
    }
  };
}
export {
  TEST_PASSWORD,
  TestClock,
  createFreshDatabase,
  createTestApp,
  createTestDeps,
  freshTestDatabase2 as freshTestDatabase,
  seedTestUnits,
  usingRealPostgres
};
