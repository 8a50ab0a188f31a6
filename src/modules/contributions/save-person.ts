import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { assertCanAccessPerson } from './access';
import { RowError, validatePerson } from './domain/records';
import { contribPeople } from './schema';
import { findPersonByCpf, personView } from './store';

export interface PersonInput {
  cpf: string;
  nit?: string | null;
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
  motherName?: string | null;
}

const validate = (input: PersonInput) => {
  try {
    return validatePerson(
      {
        cpf: input.cpf,
        nit: input.nit ?? null,
        name: input.name,
        birth_date: input.birthDate,
        sex: input.sex,
      },
      0,
    );
  } catch (e) {
    if (e instanceof RowError) throw unprocessable(`Dados da pessoa inválidos: ${e.message}.`);
    throw e;
  }
};

/**
 * Registers a person (CPF is the natural key: a second create with the same CPF and the same
 * data returns the existing record — safe to retry —, with different data it is a conflict).
 */
export async function createPerson(deps: Deps, ctx: Ctx, input: PersonInput) {
  const v = validate(input);
  return deps.db.tx(async (tx) => {
    const inserted = await tx
      .insert(contribPeople)
      .values({
        cpf: v.cpf,
        nit: v.nit,
        name: v.name,
        birthDate: v.birthDate,
        sex: v.sex,
        motherName: input.motherName ?? null,
        createdAt: deps.clock.now(),
        updatedAt: deps.clock.now(),
      } as typeof contribPeople.$inferInsert)
      .onConflictDoNothing({ target: contribPeople.cpf })
      .returning();
    const row = inserted[0];
    if (!row) {
      const existing = (await findPersonByCpf(tx, v.cpf))!;
      const same =
        existing.name === v.name &&
        existing.birthDate === v.birthDate &&
        existing.sex === v.sex &&
        existing.nit === v.nit;
      if (!same)
        throw conflict('Já existe pessoa cadastrada com este CPF (com outros dados): use a alteração.');
      await deps.audit.record(tx, ctx, {
        action: 'read',
        resourceType: 'contrib_person',
        resourceId: String(existing.id),
      });
      return { person: personView(existing), created: false };
    }
    await deps.audit.record(tx, ctx, {
      action: 'create',
      resourceType: 'contrib_person',
      resourceId: String(row.id),
    });
    return { person: personView(row), created: true };
  });
}

/** Changes a person's registration data (not the CPF). Audited with the names of the fields changed. */
export async function updatePerson(
  deps: Deps,
  ctx: Ctx,
  cpf: string,
  patch: Partial<Omit<PersonInput, 'cpf'>>,
) {
  assertCanAccessPerson(ctx, cpf);
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound('Pessoa');
    const merged: PersonInput = {
      cpf,
      nit: patch.nit === undefined ? p.nit : patch.nit,
      name: patch.name ?? p.name,
      birthDate: patch.birthDate ?? p.birthDate,
      sex: patch.sex ?? (p.sex as 'M' | 'F'),
      motherName: patch.motherName === undefined ? p.motherName : patch.motherName,
    };
    const v = validate(merged);
    const [row] = await tx
      .update(contribPeople)
      .set({
        nit: v.nit,
        name: v.name,
        birthDate: v.birthDate,
        sex: v.sex,
        motherName: merged.motherName ?? null,
        updatedAt: sql`now()`,
      })
      .where(eq(contribPeople.id, p.id))
      .returning();
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'contrib_person',
      resourceId: String(p.id),
      details: {
        fields: Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined),
      },
    });
    return personView(row!);
  });
}
