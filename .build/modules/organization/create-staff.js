import { randomUUID } from "node:crypto";
import { conflict, forbidden } from "../../platform/errors.js";
import { getUnit, isUnitVisibleTo } from "./directory.js";
import { orgStaff } from "./schema.js";
async function createStaff(deps, ctx, input) {
  await getUnit(deps, input.unitId);
  if (ctx && !await isUnitVisibleTo(deps, ctx.actor, input.unitId))
    throw forbidden("Unidade fora do seu escopo.");
  return deps.db.tx(async (tx) => {
    const inserted = await tx.insert(orgStaff).values({
      id: randomUUID(),
      registration: input.registration,
      name: input.name,
      cpf: input.cpf ?? null,
      unitId: input.unitId,
      roles: input.roles,
      startDate: input.startDate,
      active: true,
      createdAt: deps.clock.now()
    }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw conflict("J\xE1 existe servidor com esta matr\xEDcula ou CPF.");
    const staff = inserted[0];
    if (ctx)
      await deps.audit.record(tx, ctx, { action: "create", resourceType: "staff", resourceId: staff.id });
    return staff;
  });
}
export {
  createStaff
};
