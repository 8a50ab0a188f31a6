import { sql } from "drizzle-orm";
import { notFound } from "../../platform/errors.js";
import { assertCanAccessPerson } from "./access.js";
import { findPersonByCpf, linksOfPerson, linkView, personView } from "./store.js";
async function getPerson(deps, ctx, cpf) {
  assertCanAccessPerson(ctx, cpf);
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound("Pessoa");
    const links = await linksOfPerson(tx, p.id);
    const stats = links.length ? (await tx.execute(sql`
            SELECT link_id, count(*)::int AS n, to_char(min(competence), 'YYYY-MM') AS first,
                   to_char(max(competence), 'YYYY-MM') AS last
              FROM contrib_remunerations WHERE link_id = ANY(${`{${links.map((l) => l.id).join(",")}}`}::bigint[])
             GROUP BY link_id`)).rows : [];
    const byLink = new Map(stats.map((s) => [Number(s.link_id), s]));
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "contrib_person",
      resourceId: String(p.id)
    });
    return {
      ...personView(p),
      links: links.map((l) => {
        const s = byLink.get(l.id);
        return {
          ...linkView(l),
          remunerationCount: s?.n ?? 0,
          firstCompetence: s?.first ?? null,
          lastCompetence: s?.last ?? null
        };
      })
    };
  });
}
export {
  getPerson
};
