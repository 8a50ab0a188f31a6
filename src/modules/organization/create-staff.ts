import { randomUUID } from 'node:crypto';
import type { Ctx, Role } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden } from '../../platform/errors';
import { getUnit, isUnitVisibleTo } from './directory';
import { orgStaff } from './schema';

export interface CreateStaffInput {
  registration: string;
  name: string;
  cpf?: string | null;
  unitId: string;
  roles: Role[];
  startDate: string;
}

export async function createStaff(deps: Deps, ctx: Ctx | null, input: CreateStaffInput) {
  await getUnit(deps, input.unitId);
  if (ctx && !(await isUnitVisibleTo(deps, ctx.actor, input.unitId)))
    throw forbidden('Unidade fora do seu escopo.');
  return deps.db.tx(async (tx) => {
    const inserted = await tx
      .insert(orgStaff)
      .values({
        id: randomUUID(),
        registration: input.registration,
        name: input.name,
        cpf: input.cpf ?? null,
        unitId: input.unitId,
        roles: input.roles,
        startDate: input.startDate,
        active: true,
        createdAt: deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict('Já existe servidor com esta matrícula ou CPF.');
    const staff = inserted[0]!;
    if (ctx)
      await deps.audit.record(tx, ctx, { action: 'create', resourceType: 'staff', resourceId: staff.id });
    return staff;
  });
}
