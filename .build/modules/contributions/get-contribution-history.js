import { sql } from "drizzle-orm";
import { notFound, unprocessable } from "../../platform/errors.js";
import { Money } from "../../platform/values/index.js";
import { assertCanAccessPerson } from "./access.js";
import { findPersonByCpf, linksOfPerson } from "./store.js";
async function getContributionHistory(deps, ctx, cpf, opts = {}) {
  assertCanAccessPerson(ctx, cpf);
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound("Pessoa");
    if (p.sex !== "M" && p.sex !== "F")
      throw unprocessable(
        "Sexo da pessoa n\xE3o cadastrado (o extrato do CNIS n\xE3o o informa): atualize o cadastro.",
        [{ field: "sex", message: "obrigat\xF3rio para o c\xE1lculo" }]
      );
    const links = await linksOfPerson(tx, p.id);
    const ids = `{${links.map((l) => l.id).join(",")}}`;
    const { rows } = await tx.execute(sql`
      SELECT to_char(competence, 'YYYY-MM') AS m, sum(amount_cents)::int8 AS total
        FROM contrib_remunerations WHERE link_id = ANY(${ids}::bigint[])
       GROUP BY competence ORDER BY competence`);
    const flagged = await tx.execute(sql`
      SELECT to_char(competence, 'YYYY-MM') AS m, indicators
        FROM contrib_remunerations WHERE link_id = ANY(${ids}::bigint[]) AND indicators IS NOT NULL`);
    const codes = /* @__PURE__ */ new Map();
    for (const r of flagged.rows) {
      const set = codes.get(r.m) ?? /* @__PURE__ */ new Set();
      for (const c of r.indicators) set.add(c);
      codes.set(r.m, set);
    }
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "contrib_history",
      resourceId: String(p.id),
      details: { months: rows.length, links: links.length }
    });
    return {
      person: { cpf: p.cpf, nit: p.nit, name: p.name, sex: p.sex, birth_date: p.birthDate },
      links: links.map((l) => ({
        start: l.startDate,
        end: l.endDate ?? (opts.asOf && opts.asOf >= l.startDate ? opts.asOf : null),
        category: l.category
      })),
      contributions: rows.map((r) => ({ month: r.m, amount: Money.toDecimalString(Number(r.total)) })),
      indicators: [...codes.entries()].sort((a, b) => a[0] < b[0] ? -1 : 1).map(([month, set]) => ({ month, codes: [...set].sort() }))
    };
  });
}
export {
  getContributionHistory
};
