import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { AppError } from "../../platform/errors.js";
import { Cpf } from "../../platform/values/index.js";
import { actorOf } from "./authenticate.js";
import { newSecret, nextLockState, sha256 } from "./domain/credentials.js";
import { idAccounts, idSessions } from "./schema.js";
const hashPassword = (password) => hash(password, { algorithm: 2 });
let dummyHash;
const invalid = () => new AppError("unauthenticated", "Login ou senha incorretos.");
function normalizeLogin(login2) {
  const t = login2.trim();
  return Cpf.isValid(t) ? t.replace(/\D/g, "") : t.toLowerCase();
}
async function login(deps, input) {
  const loginName = normalizeLogin(input.login);
  const now = deps.clock.now();
  const [account] = await deps.db.orm.select().from(idAccounts).where(eq(idAccounts.login, loginName));
  const ctxOf = (accountId, role) => ({
    actor: {
      accountId,
      role,
      name: "",
      unitId: account?.unitId ?? null,
      cpf: null,
      partnerEntityId: null,
      staffId: null,
      via: "session",
      sessionId: null
    },
    requestId: input.ip ? `login:${input.ip}` : "login"
  });
  if (!account?.passwordHash || !account.active) {
    dummyHash ??= hashPassword("senha-inexistente-para-tempo-constante");
    await verify(await dummyHash, input.password).catch(() => false);
    await deps.audit.recordNow(ctxOf("anonymous", "citizen"), {
      action: "login",
      resourceType: "account",
      resourceId: null,
      outcome: "denied",
      details: { reason: "unknown_or_inactive" }
    });
    throw invalid();
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    await deps.audit.recordNow(ctxOf(account.id, account.role), {
      action: "login",
      resourceType: "account",
      resourceId: account.id,
      outcome: "denied",
      details: { reason: "locked" }
    });
    throw new AppError(
      "locked",
      `Conta bloqueada por excesso de tentativas. Tente novamente ap\xF3s ${account.lockedUntil.toLocaleTimeString("pt-BR", { timeZone: "America/Sao_Paulo", hour: "2-digit", minute: "2-digit" })}.`
    );
  }
  const ok = await verify(account.passwordHash, input.password).catch(() => false);
  if (!ok) {
    const next = nextLockState(account.failedAttempts, now, {
      threshold: deps.config.LOCKOUT_THRESHOLD,
      minutes: deps.config.LOCKOUT_MINUTES
    });
    await deps.db.tx(async (tx) => {
      await tx.update(idAccounts).set(next).where(eq(idAccounts.id, account.id));
      await deps.audit.record(tx, ctxOf(account.id, account.role), {
        action: "login",
        resourceType: "account",
        resourceId: account.id,
        outcome: "denied",
        details: { reason: "bad_password", locked: next.lockedUntil !== null }
      });
    });
    if (next.lockedUntil)
      throw new AppError(
        "locked",
        `Conta bloqueada por ${deps.config.LOCKOUT_MINUTES} minutos ap\xF3s ${deps.config.LOCKOUT_THRESHOLD} tentativas malsucedidas.`
      );
    throw invalid();
  }
  const token = newSecret("");
  const csrfToken = newSecret("");
  const sessionId = sha256(token);
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_ABSOLUTE_HOURS * 36e5);
  await deps.db.tx(async (tx) => {
    await tx.insert(idSessions).values({
      id: sessionId,
      accountId: account.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null
    });
    await tx.update(idAccounts).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(idAccounts.id, account.id));
    await deps.audit.record(tx, ctxOf(account.id, account.role), {
      action: "login",
      resourceType: "account",
      resourceId: account.id
    });
  });
  return { token, csrfToken, expiresAt, actor: actorOf(account, "session", sessionId) };
}
export {
  hashPassword,
  login,
  normalizeLogin
};
