import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { notFound, unprocessable } from "../../platform/errors.js";
import { newSecret, sha256, TOKEN_PREFIX } from "./domain/credentials.js";
import { idAccounts, idApiTokens } from "./schema.js";
async function createApiToken(deps, ctx, input) {
  const [account] = await deps.db.orm.select().from(idAccounts).where(eq(idAccounts.id, input.accountId));
  if (!account) throw notFound("Conta");
  if (account.role !== "integration") {
    throw unprocessable("Tokens de API s\xE3o emitidos apenas para contas de integra\xE7\xE3o.", [
      { field: "accountId", message: "conta n\xE3o \xE9 de integra\xE7\xE3o" }
    ]);
  }
  const token = newSecret(TOKEN_PREFIX);
  const id = randomUUID();
  const now = deps.clock.now();
  await deps.db.tx(async (tx) => {
    await tx.insert(idApiTokens).values({
      id,
      accountId: account.id,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      createdAt: now,
      createdBy: ctx?.actor.accountId === "system" ? null : ctx?.actor.accountId ?? null,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 864e5) : null
    });
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: "create",
        resourceType: "api_token",
        resourceId: id,
        details: { accountId: account.id }
      });
  });
  return { id, token, prefix: token.slice(0, 10) };
}
async function listApiTokens(deps) {
  const rows = await deps.db.orm.select().from(idApiTokens).orderBy(desc(idApiTokens.createdAt)).limit(500);
  return rows.map((t) => ({
    id: t.id,
    accountId: t.accountId,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revoked: t.revokedAt !== null
  }));
}
async function revokeApiToken(deps, ctx, id) {
  await deps.db.tx(async (tx) => {
    const r = await tx.update(idApiTokens).set({ revokedAt: deps.clock.now() }).where(and(eq(idApiTokens.id, id), isNull(idApiTokens.revokedAt))).returning({ id: idApiTokens.id });
    if (r.length === 0) throw notFound("Token");
    await deps.audit.record(tx, ctx, { action: "revoke", resourceType: "api_token", resourceId: id });
  });
}
export {
  createApiToken,
  listApiTokens,
  revokeApiToken
};
