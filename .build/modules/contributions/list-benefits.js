import { notFound } from "../../platform/errors.js";
import { assertCanAccessPerson } from "./access.js";
import { benefitsOfPerson, benefitView, findPersonByCpf } from "./store.js";
async function listBenefits(deps, ctx, cpf) {
  assertCanAccessPerson(ctx, cpf);
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound("Pessoa");
    const rows = await benefitsOfPerson(tx, p.id);
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "contrib_benefits",
      resourceId: String(p.id)
    });
    return { items: rows.map(benefitView) };
  });
}
export {
  listBenefits
};
