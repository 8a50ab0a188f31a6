import { randomUUID } from "node:crypto";
import { and, asc, eq, gt } from "drizzle-orm";
import { STAFF_ROLES } from "../../platform/auth/roles.js";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/errors.js";
import { Cpf } from "../../platform/values/index.js";
import { actorUnitScope, findUnit } from "../organization/directory.js";
import { passwordProblems } from "./domain/credentials.js";
import { hashPassword, normalizeLogin } from "./login.js";
import { idAccounts } from "./schema.js";
import { revokeAllSessions } from "./sessions.js";
const publicAccount = (a) => ({
  id: a.id,
  login: a.role === "citizen" ? Cpf.mask(a.login) : a.login,
  role: a.role,
  name: a.name,
  unitId: a.unitId,
  partnerEntityId: a.partnerEntityId,
  active: a.active,
  locked: a.lockedUntil !== null && a.lockedUntil > /* @__PURE__ */ new Date(),
  createdAt: a.createdAt.toISOString(),
  lastLoginAt: a.lastLoginAt?.toISOString() ?? null
});
async function createAccount(deps, ctx, input) {
  const errors = [];
  const login = normalizeLogin(input.login);
  let cpf = null;
  if (input.role === "citizen") {
    if (!Cpf.isValid(input.login))
      errors.push({ field: "login", message: "para cidad\xE3os o login \xE9 o CPF, e este CPF \xE9 inv\xE1lido" });
    else cpf = Cpf.parse(input.login);
  } else if (!/^[a-z0-9._-]{3,64}$/.test(login)) {
    errors.push({
      field: "login",
      message: "use de 3 a 64 caracteres: letras min\xFAsculas, n\xFAmeros, ponto, h\xEDfen ou sublinhado"
    });
  }
  if (STAFF_ROLES.includes(input.role) && !input.unitId)
    errors.push({ field: "unitId", message: "servidores precisam de uma unidade de lota\xE7\xE3o" });
  if (input.role === "partner" && !input.partnerEntityId)
    errors.push({ field: "partnerEntityId", message: "representantes precisam da entidade parceira" });
  if (input.role !== "integration") {
    if (!input.password) errors.push({ field: "password", message: "obrigat\xF3ria" });
    else
      for (const p of passwordProblems(input.password, login)) errors.push({ field: "password", message: p });
  }
  if (input.unitId && !await findUnit(deps, input.unitId))
    errors.push({ field: "unitId", message: "unidade inexistente" });
  if (errors.length) throw unprocessable("N\xE3o foi poss\xEDvel criar a conta.", errors);
  if (ctx && input.unitId) {
    const scope = await actorUnitScope(deps, ctx.actor);
    if (scope !== null && !scope.includes(input.unitId)) throw forbidden("Unidade fora do seu escopo.");
  }
  if (ctx && ctx.actor.role !== "admin" && (input.role === "admin" || input.role === "integration")) {
    throw forbidden("Somente administradores criam contas de administrador ou de integra\xE7\xE3o.");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.tx(async (tx) => {
    const inserted = await tx.insert(idAccounts).values({
      id: randomUUID(),
      login,
      role: input.role,
      name: input.name,
      cpf,
      unitId: input.unitId ?? null,
      staffId: input.staffId ?? null,
      partnerEntityId: input.partnerEntityId ?? null,
      email: input.email ?? null,
      passwordHash,
      failedAttempts: 0,
      active: true,
      createdAt: deps.clock.now()
    }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw conflict("J\xE1 existe uma conta com este login.");
    const a = inserted[0];
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: "create",
        resourceType: "account",
        resourceId: a.id,
        details: { role: a.role }
      });
    return a;
  });
}
async function listAccounts(deps, ctx, f) {
  const scope = await actorUnitScope(deps, ctx.actor);
  const conds = [];
  if (f.role) conds.push(eq(idAccounts.role, f.role));
  if (f.unitId) conds.push(eq(idAccounts.unitId, f.unitId));
  if (f.cursor) conds.push(gt(idAccounts.login, f.cursor));
  return deps.db.tx(async (tx) => {
    const rows = (await tx.select().from(idAccounts).where(conds.length ? and(...conds) : void 0).orderBy(asc(idAccounts.login)).limit(scope === null ? f.limit + 1 : 5e3)).filter((a) => scope === null || a.unitId !== null && scope.includes(a.unitId));
    const page = rows.slice(0, f.limit);
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "account",
      details: { count: page.length }
    });
    return {
      items: page.map(publicAccount),
      nextCursor: rows.length > f.limit ? page[page.length - 1].login : null
    };
  });
}
async function unlockAccount(deps, ctx, id) {
  return deps.db.tx(async (tx) => {
    const [a] = await tx.update(idAccounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(idAccounts.id, id)).returning();
    if (!a) throw notFound("Conta");
    await deps.audit.record(tx, ctx, { action: "unlock", resourceType: "account", resourceId: id });
    return publicAccount(a);
  });
}
async function setAccountActive(deps, ctx, id, active) {
  const a = await deps.db.tx(async (tx) => {
    const [row] = await tx.update(idAccounts).set({ active }).where(eq(idAccounts.id, id)).returning();
    if (!row) throw notFound("Conta");
    await deps.audit.record(tx, ctx, {
      action: active ? "activate" : "deactivate",
      resourceType: "account",
      resourceId: id
    });
    return row;
  });
  if (!active) await revokeAllSessions(deps, id, "conta desativada");
  return publicAccount(a);
}
export {
  createAccount,
  listAccounts,
  publicAccount,
  setAccountActive,
  unlockAccount
};
