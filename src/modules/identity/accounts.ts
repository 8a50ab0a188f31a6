import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Ctx, Role } from '../../platform/auth/roles';
import { STAFF_ROLES } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors';
import { Cpf } from '../../platform/values';
import { actorUnitScope, findUnit } from '../organization/directory';
import { passwordProblems } from './domain/credentials';
import { hashPassword, normalizeLogin } from './login';
import { type AccountRow, idAccounts } from './schema';
import { revokeAllSessions } from './sessions';

export interface CreateAccountInput {
  /** Citizens: their CPF. Others: a login name. */
  login: string;
  name: string;
  role: Role;
  unitId?: string | null;
  staffId?: string | null;
  partnerEntityId?: string | null;
  email?: string | null;
  /** Absent for integration accounts (they authenticate with API tokens). */
  password?: string | null;
}

export const publicAccount = (a: AccountRow) => ({
  id: a.id,
  login: a.role === 'citizen' ? Cpf.mask(a.login) : a.login,
  role: a.role as Role,
  name: a.name,
  unitId: a.unitId,
  partnerEntityId: a.partnerEntityId,
  active: a.active,
  locked: a.lockedUntil !== null && a.lockedUntil > new Date(),
  createdAt: a.createdAt.toISOString(),
  lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
});

export async function createAccount(deps: Deps, ctx: Ctx | null, input: CreateAccountInput) {
  const errors: { field: string; message: string }[] = [];
  const login = normalizeLogin(input.login);
  let cpf: string | null = null;
  if (input.role === 'citizen') {
    if (!Cpf.isValid(input.login))
      errors.push({ field: 'login', message: 'para cidadãos o login é o CPF, e este CPF é inválido' });
    else cpf = Cpf.parse(input.login);
  } else if (!/^[a-z0-9._-]{3,64}$/.test(login)) {
    errors.push({
      field: 'login',
      message: 'use de 3 a 64 caracteres: letras minúsculas, números, ponto, hífen ou sublinhado',
    });
  }
  if (STAFF_ROLES.includes(input.role) && !input.unitId)
    errors.push({ field: 'unitId', message: 'servidores precisam de uma unidade de lotação' });
  if (input.role === 'partner' && !input.partnerEntityId)
    errors.push({ field: 'partnerEntityId', message: 'representantes precisam da entidade parceira' });
  if (input.role !== 'integration') {
    if (!input.password) errors.push({ field: 'password', message: 'obrigatória' });
    else
      for (const p of passwordProblems(input.password, login)) errors.push({ field: 'password', message: p });
  }
  if (input.unitId && !(await findUnit(deps, input.unitId)))
    errors.push({ field: 'unitId', message: 'unidade inexistente' });
  if (errors.length) throw unprocessable('Não foi possível criar a conta.', errors);
  if (ctx && input.unitId) {
    const scope = await actorUnitScope(deps, ctx.actor);
    if (scope !== null && !scope.includes(input.unitId)) throw forbidden('Unidade fora do seu escopo.');
  }
  if (ctx && ctx.actor.role !== 'admin' && (input.role === 'admin' || input.role === 'integration')) {
    throw forbidden('Somente administradores criam contas de administrador ou de integração.');
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.tx(async (tx) => {
    const inserted = await tx
      .insert(idAccounts)
      .values({
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
        createdAt: deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict('Já existe uma conta com este login.');
    const a = inserted[0]!;
    if (ctx)
      await deps.audit.record(tx, ctx, {
        action: 'create',
        resourceType: 'account',
        resourceId: a.id,
        details: { role: a.role },
      });
    return a;
  });
}

export async function listAccounts(
  deps: Deps,
  ctx: Ctx,
  f: { role?: Role; unitId?: string; cursor?: string; limit: number },
) {
  const scope = await actorUnitScope(deps, ctx.actor);
  const conds: SQL[] = [];
  if (f.role) conds.push(eq(idAccounts.role, f.role));
  if (f.unitId) conds.push(eq(idAccounts.unitId, f.unitId));
  if (f.cursor) conds.push(gt(idAccounts.login, f.cursor));
  return deps.db.tx(async (tx) => {
    const rows = (
      await tx
        .select()
        .from(idAccounts)
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(asc(idAccounts.login))
        .limit(scope === null ? f.limit + 1 : 5000)
    ).filter((a) => scope === null || (a.unitId !== null && scope.includes(a.unitId)));
    const page = rows.slice(0, f.limit);
    await deps.audit.record(tx, ctx, {
      action: 'read',
      resourceType: 'account',
      details: { count: page.length },
    });
    return {
      items: page.map(publicAccount),
      nextCursor: rows.length > f.limit ? page[page.length - 1]!.login : null,
    };
  });
}

export async function unlockAccount(deps: Deps, ctx: Ctx, id: string) {
  return deps.db.tx(async (tx) => {
    const [a] = await tx
      .update(idAccounts)
      .set({ failedAttempts: 0, lockedUntil: null })
      .where(eq(idAccounts.id, id))
      .returning();
    if (!a) throw notFound('Conta');
    await deps.audit.record(tx, ctx, { action: 'unlock', resourceType: 'account', resourceId: id });
    return publicAccount(a);
  });
}

export async function setAccountActive(deps: Deps, ctx: Ctx, id: string, active: boolean) {
  const a = await deps.db.tx(async (tx) => {
    const [row] = await tx.update(idAccounts).set({ active }).where(eq(idAccounts.id, id)).returning();
    if (!row) throw notFound('Conta');
    await deps.audit.record(tx, ctx, {
      action: active ? 'activate' : 'deactivate',
      resourceType: 'account',
      resourceId: id,
    });
    return row;
  });
  if (!active) await revokeAllSessions(deps, id, 'conta desativada');
  return publicAccount(a);
}
