import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound, unprocessable } from '../../platform/errors';
import { newSecret, sha256, TOKEN_PREFIX } from './domain/credentials';
import { idAccounts, idApiTokens } from './schema';

/** Issues an API token for an integration account; the token itself is returned once and never stored. */
export async function createApiToken(
  deps: Deps,
  ctx: Ctx | null,
  input: { accountId: string; name: string; expiresInDays?: number | null },
) {
  const [account] = await deps.db.orm.select().from(idAccounts).where(eq(idAccounts.id, input.accountId));
  if (!account) throw notFound('Conta');
  if (account.role !== 'integration') {
    throw unprocessable('Tokens de API são emitidos apenas para contas de integração.', [
      { field: 'accountId', message: 'conta não é de integração' },
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
      createdBy: ctx?.actor.accountId === 'system' ? null : (ctx?.actor.accountId ?? null),
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    });
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: 'create',
        resourceType: 'api_token',
        resourceId: id,
        details: { accountId: account.id },
      });
  });
  return { id, token, prefix: token.slice(0, 10) };
}

export async function listApiTokens(deps: Deps) {
  const rows = await deps.db.orm.select().from(idApiTokens).orderBy(desc(idApiTokens.createdAt)).limit(500);
  return rows.map((t) => ({
    id: t.id,
    accountId: t.accountId,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revoked: t.revokedAt !== null,
  }));
}

export async function revokeApiToken(deps: Deps, ctx: Ctx, id: string) {
  await deps.db.tx(async (tx) => {
    const r = await tx
      .update(idApiTokens)
      .set({ revokedAt: deps.clock.now() })
      .where(and(eq(idApiTokens.id, id), isNull(idApiTokens.revokedAt)))
      .returning({ id: idApiTokens.id });
    if (r.length === 0) throw notFound('Token');
    await deps.audit.record(tx, ctx, { action: 'revoke', resourceType: 'api_token', resourceId: id });
  });
}
