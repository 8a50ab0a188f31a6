import { conflict, unprocessable } from "../../platform/errors.js";
import { getUnit, invalidateUnitDirectory } from "./directory.js";
import { ALLOWED_PARENT, childPath, UNIT_KIND_LABEL } from "./domain/units.js";
import { orgUnits } from "./schema.js";
async function createUnit(deps, ctx, input) {
  const expectedParent = ALLOWED_PARENT[input.kind];
  let path = `/${input.id}/`;
  if (expectedParent === null) {
    if (input.parentId)
      throw unprocessable("A Dire\xE7\xE3o Central n\xE3o tem unidade superior.", [
        { field: "parentId", message: "deve ser vazio" }
      ]);
  } else {
    if (!input.parentId)
      throw unprocessable("Informe a unidade superior.", [{ field: "parentId", message: "obrigat\xF3rio" }]);
    const parent = await getUnit(deps, input.parentId);
    if (parent.kind !== expectedParent) {
      throw unprocessable(
        `Uma ${UNIT_KIND_LABEL[input.kind]} deve ficar sob uma ${UNIT_KIND_LABEL[expectedParent]}, n\xE3o sob uma ${UNIT_KIND_LABEL[parent.kind]}.`,
        [{ field: "parentId", message: "tipo de unidade superior inv\xE1lido" }]
      );
    }
    path = childPath(parent.path, input.id);
  }
  const row = await deps.db.tx(async (tx) => {
    const inserted = await tx.insert(orgUnits).values({
      id: input.id,
      kind: input.kind,
      code: input.code,
      name: input.name,
      parentId: input.parentId,
      path,
      municipalityIbge: input.municipalityIbge ?? null,
      uf: input.uf ?? null,
      active: true,
      createdAt: deps.clock.now()
    }).onConflictDoNothing().returning();
    if (inserted.length === 0)
      throw conflict(`J\xE1 existe unidade com o identificador ou c\xF3digo informado (${input.id}).`);
    if (ctx)
      await deps.audit.record(tx, ctx, { action: "create", resourceType: "unit", resourceId: input.id });
    return inserted[0];
  });
  invalidateUnitDirectory(deps);
  return row;
}
export {
  createUnit
};
