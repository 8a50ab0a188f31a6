import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { conflict, unprocessable } from '../../platform/errors';
import { getUnit, invalidateUnitDirectory } from './directory';
import { ALLOWED_PARENT, childPath, UNIT_KIND_LABEL, type UnitKind } from './domain/units';
import { orgUnits } from './schema';

export interface CreateUnitInput {
  id: string;
  kind: UnitKind;
  code: string;
  name: string;
  parentId: string | null;
  municipalityIbge?: string | null;
  uf?: string | null;
}

export async function createUnit(deps: Deps, ctx: Ctx | null, input: CreateUnitInput) {
  const expectedParent = ALLOWED_PARENT[input.kind];
  let path = `/${input.id}/`;
  if (expectedParent === null) {
    if (input.parentId)
      throw unprocessable('A Direção Central não tem unidade superior.', [
        { field: 'parentId', message: 'deve ser vazio' },
      ]);
  } else {
    if (!input.parentId)
      throw unprocessable('Informe a unidade superior.', [{ field: 'parentId', message: 'obrigatório' }]);
    const parent = await getUnit(deps, input.parentId);
    if (parent.kind !== expectedParent) {
      throw unprocessable(
        `Uma ${UNIT_KIND_LABEL[input.kind]} deve ficar sob uma ${UNIT_KIND_LABEL[expectedParent]}, não sob uma ${UNIT_KIND_LABEL[parent.kind]}.`,
        [{ field: 'parentId', message: 'tipo de unidade superior inválido' }],
      );
    }
    path = childPath(parent.path, input.id);
  }
  const row = await deps.db.tx(async (tx) => {
    const inserted = await tx
      .insert(orgUnits)
      .values({
        id: input.id,
        kind: input.kind,
        code: input.code,
        name: input.name,
        parentId: input.parentId,
        path,
        municipalityIbge: input.municipalityIbge ?? null,
        uf: input.uf ?? null,
        active: true,
        createdAt: deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0)
      throw conflict(`Já existe unidade com o identificador ou código informado (${input.id}).`);
    if (ctx)
      await deps.audit.record(tx, ctx, { action: 'create', resourceType: 'unit', resourceId: input.id });
    return inserted[0]!;
  });
  invalidateUnitDirectory(deps);
  return row;
}
