import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { assertCanAccessPerson } from './access';
import { benefitsOfPerson, benefitView, findPersonByCpf } from './store';

/** Previous benefits of a person (NB, species, DIB, DCB, status). Audited read. */
export async function listBenefits(deps: Deps, ctx: Ctx, cpf: string) {
  assertCanAccessPerson(ctx, cpf);
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound('Pessoa');
    const rows = await benefitsOfPerson(tx, p.id);
    await deps.audit.record(tx, ctx, {
      action: 'read',
      resourceType: 'contrib_benefits',
      resourceId: String(p.id),
    });
    return { items: rows.map(benefitView) };
  });
}
