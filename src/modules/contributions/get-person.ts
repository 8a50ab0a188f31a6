import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { assertCanAccessPerson } from './access';
import { findPersonByCpf, linksOfPerson, linkView, personView } from './store';

/** A person of the registry with their links (and each link's count and span of remunerations). Audited read. */
export async function getPerson(deps: Deps, ctx: Ctx, cpf: string) {
  assertCanAccessPerson(ctx, cpf);
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound('Pessoa');
    const links = await linksOfPerson(tx, p.id);
    const stats = links.length
      ? (
          await tx.execute<{ link_id: number; n: number; first: string | null; last: string | null }>(sql`
            SELECT link_id, count(*)::int AS n, to_char(min(competence), 'YYYY-MM') AS first,
                   to_char(max(competence), 'YYYY-MM') AS last
              FROM contrib_remunerations WHERE link_id = ANY(${`{${links.map((l) => l.id).join(',')}}`}::bigint[])
             GROUP BY link_id`)
        ).rows
      : [];
    const byLink = new Map(stats.map((s) => [Number(s.link_id), s]));
    await deps.audit.record(tx, ctx, {
      action: 'read',
      resourceType: 'contrib_person',
      resourceId: String(p.id),
    });
    return {
      ...personView(p),
      links: links.map((l) => {
        const s = byLink.get(l.id);
        return {
          ...linkView(l),
          remunerationCount: s?.n ?? 0,
          firstCompetence: s?.first ?? null,
          lastCompetence: s?.last ?? null,
        };
      }),
    };
  });
}
