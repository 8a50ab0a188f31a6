import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Cpf } from "../../platform/values/index.js";
import { listStaff } from "../organization/list-staff.js";
import { createApiToken } from "./api-tokens.js";
import { hashPassword } from "./login.js";
import { idAccounts } from "./schema.js";
const DEMO_PASSWORD = "previdencia-demo";
const DEMO_CITIZEN_CPF = "52998224725";
const DEMO_PARTNER_ENTITY = "ACT-0001";
const DEMO_LOGINS = [
  { role: "citizen", login: "529.982.247-25", description: "Cidad\xE3 Maria da Silva Santos" },
  {
    role: "partner",
    login: "parceiro.sindicato",
    description: "Sindicato dos Trabalhadores Rurais (ACT-0001)"
  },
  { role: "analyst", login: "analista.ceab1", description: "Analista da CEAB Sudeste I" },
  { role: "supervisor", login: "supervisor.sr1", description: "Supervisor t\xE9cnico da SR Sudeste I" },
  { role: "manager", login: "gestor.nacional", description: "Gestor nacional (Dire\xE7\xE3o Central)" },
  { role: "admin", login: "admin", description: "Administrador da plataforma" }
];
function demoCpf(random) {
  for (; ; ) {
    const base = Array.from({ length: 9 }, () => Math.floor(random() * 10)).join("");
    for (let dv = 0; dv < 100; dv++) {
      const cpf = base + String(dv).padStart(2, "0");
      if (Cpf.isValid(cpf)) return cpf;
    }
  }
}
const NAMED = {
  admin: (s) => s.role === "admin",
  "gestor.nacional": (s) => s.role === "manager" && s.unitId === "BR",
  "gestor.sr1": (s) => s.role === "manager" && s.unitId === "SR1",
  "supervisor.sr1": (s) => s.role === "supervisor" && s.unitId === "SR1",
  "analista.ceab1": (s) => s.role === "analyst" && s.unitId === "CEAB-SR1"
};
async function seedIdentity(deps, ctx) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff = [];
  let cursor;
  do {
    const page = await listStaff(deps, null, { limit: 500, cursor });
    staff.push(...page.items);
    cursor = page.nextCursor ?? void 0;
  } while (cursor);
  const used = /* @__PURE__ */ new Set();
  const rows = [];
  const now = deps.clock.now();
  for (const s of staff) {
    const role = s.roles[0];
    const named = Object.entries(NAMED).find(
      ([login2, match]) => !used.has(login2) && match({ role, unitId: s.unitId }, 0)
    )?.[0];
    const login = named ?? `servidor.${s.registration}`;
    used.add(login);
    rows.push({
      id: randomUUID(),
      login,
      role,
      name: s.name,
      unitId: s.unitId,
      staffId: s.id,
      passwordHash,
      failedAttempts: 0,
      active: true,
      createdAt: now
    });
  }
  const citizens = [
    "Maria da Silva Santos",
    "Jos\xE9 Pereira Lima",
    "Ant\xF4nia Souza Rocha",
    "Francisco Alves Costa",
    "Raimunda Ferreira Dias"
  ];
  citizens.forEach((name, i) => {
    const cpf = i === 0 ? DEMO_CITIZEN_CPF : demoCpf(ctx.random);
    rows.push({
      id: randomUUID(),
      login: cpf,
      role: "citizen",
      name,
      cpf,
      passwordHash,
      failedAttempts: 0,
      active: true,
      createdAt: now
    });
  });
  rows.push({
    id: randomUUID(),
    login: "parceiro.sindicato",
    role: "partner",
    name: "Representante do STR de Caxias do Sul",
    partnerEntityId: DEMO_PARTNER_ENTITY,
    unitId: "APS-4305108",
    passwordHash,
    failedAttempts: 0,
    active: true,
    createdAt: now
  });
  rows.push({
    id: randomUUID(),
    login: "parceiro.prefeitura",
    role: "partner",
    name: "Representante da Prefeitura de Maracana\xFA",
    partnerEntityId: "ACT-0002",
    unitId: "APS-2307650",
    passwordHash,
    failedAttempts: 0,
    active: true,
    createdAt: now
  });
  const integrationId = randomUUID();
  rows.push({
    id: integrationId,
    login: "integracao.demo",
    role: "integration",
    name: "Sistema integrador de demonstra\xE7\xE3o",
    failedAttempts: 0,
    active: true,
    createdAt: now
  });
  const bar = ctx.progress("Contas de acesso", rows.length);
  for (let i = 0; i < rows.length; i += 200) {
    await deps.db.orm.insert(idAccounts).values(rows.slice(i, i + 200));
    bar.increment(Math.min(200, rows.length - i));
  }
  bar.stop();
  const [check] = await deps.db.orm.select({ id: idAccounts.id }).from(idAccounts).where(eq(idAccounts.login, "admin"));
  if (!check) throw new Error("demo: conta admin n\xE3o criada (organiza\xE7\xE3o sem administrador?)");
  const token = await createApiToken(deps, null, { accountId: integrationId, name: "Token de demonstra\xE7\xE3o" });
  return { integrationToken: token.token };
}
export {
  DEMO_CITIZEN_CPF,
  DEMO_LOGINS,
  DEMO_PARTNER_ENTITY,
  DEMO_PASSWORD,
  demoCpf,
  seedIdentity
};
