import { eq, sql } from "drizzle-orm";
import { conflict, notFound, unprocessable } from "../../platform/errors.js";
import { assertCanAccessPerson } from "./access.js";
import { RowError, validatePerson } from "./domain/records.js";
import { contribPeople } from "./schema.js";
import { findPersonByCpf, personView } from "./store.js";
const validate = (input) => {
  try {
    return validatePerson(
      {
        cpf: input.cpf,
        nit: input.nit ?? null,
        name: input.name,
        birth_date: input.birthDate,
        sex: input.sex
      },
      0
    );
  } catch (e) {
    if (e instanceof RowError) throw unprocessable(`Dados da pessoa inv\xE1lidos: ${e.message}.`);
    throw e;
  }
};
async function createPerson(deps, ctx, input) {
  const v = validate(input);
  return deps.db.tx(async (tx) => {
    const inserted = await tx.insert(contribPeople).values({
      cpf: v.cpf,
      nit: v.nit,
      name: v.name,
      birthDate: v.birthDate,
      sex: v.sex,
      motherName: input.motherName ?? null,
      createdAt: deps.clock.now(),
      updatedAt: deps.clock.now()
    }).onConflictDoNothing({ target: contribPeople.cpf }).returning();
    const row = inserted[0];
    if (!row) {
      const existing = await findPersonByCpf(tx, v.cpf);
      const same = existing.name === v.name && existing.birthDate === v.birthDate && existing.sex === v.sex && existing.nit === v.nit;
      if (!same)
        throw conflict("J\xE1 existe pessoa cadastrada com este CPF (com outros dados): use a altera\xE7\xE3o.");
      await deps.audit.record(tx, ctx, {
        action: "read",
        resourceType: "contrib_person",
        resourceId: String(existing.id)
      });
      return { person: personView(existing), created: false };
    }
    await deps.audit.record(tx, ctx, {
      action: "create",
      resourceType: "contrib_person",
      resourceId: String(row.id)
    });
    return { person: personView(row), created: true };
  });
}
async function updatePerson(deps, ctx, cpf, patch) {
  assertCanAccessPerson(ctx, cpf);
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound("Pessoa");
    const merged = {
      cpf,
      nit: patch.nit === void 0 ? p.nit : patch.nit,
      name: patch.name ?? p.name,
      birthDate: patch.birthDate ?? p.birthDate,
      sex: patch.sex ?? p.sex,
      motherName: patch.motherName === void 0 ? p.motherName : patch.motherName
    };
    const v = validate(merged);
    const [row] = await tx.update(contribPeople).set({
      nit: v.nit,
      name: v.name,
      birthDate: v.birthDate,
      sex: v.sex,
      motherName: merged.motherName ?? null,
      updatedAt: sql`now()`
    }).where(eq(contribPeople.id, p.id)).returning();
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "contrib_person",
      resourceId: String(p.id),
      details: {
        fields: Object.keys(patch).filter((k) => patch[k] !== void 0)
      }
    });
    return personView(row);
  });
}
export {
  createPerson,
  updatePerson
};
