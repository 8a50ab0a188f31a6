import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound, unprocessable } from '../../platform/errors';
import { Money } from '../../platform/values';
import { assertCanAccessPerson } from './access';
import type { Category } from './domain/categories';
import { findPersonByCpf, linksOfPerson } from './store';

/** The contribution history in the shape of the calculation engine's input (RmiRequest, snake_case, money as decimal strings). */
export interface ContributionHistory {
  person: { cpf: string; nit: string | null; name: string; sex: 'M' | 'F'; birth_date: string };
  links: { start: string; end: string | null; category: Category }[];
  contributions: { month: string; amount: string }[];
  /** CNIS indicators per month (pendencies the analyst or the rules may need to look at). */
  indicators: { month: string; codes: string[] }[];
}

/**
 * Exported for other modules (automatic recognition of rights): a person's links and one
 * salário de contribuição per month, ready for `calculation`'s RmiRequest.
 *
 * - Concurrent activities in the same month are summed (Lei 8.213/1991 art. 32, as amended by
 *   Lei 13.846/2019: the salário de benefício of concurrent activities uses the sum of the
 *   salários de contribuição); the ceiling (teto) of each month is the engine's job.
 * - Open links end at `asOf` when given (e.g. the request date), or stay `end: null`.
 * - A person without sex on file (registered only from a CNIS extract) cannot be calculated:
 *   422 asking for it.
 */
export async function getContributionHistory(
  deps: Deps,
  ctx: Ctx,
  cpf: string,
  opts: { asOf?: string } = {},
): Promise<ContributionHistory> {
  assertCanAccessPerson(ctx, cpf);
  return deps.db.tx(async (tx) => {
    const p = await findPersonByCpf(tx, cpf);
    if (!p) throw notFound('Pessoa');
    if (p.sex !== 'M' && p.sex !== 'F')
      throw unprocessable(
        'Sexo da pessoa não cadastrado (o extrato do CNIS não o informa): atualize o cadastro.',
        [{ field: 'sex', message: 'obrigatório para o cálculo' }],
      );
    const links = await linksOfPerson(tx, p.id);
    const ids = `{${links.map((l) => l.id).join(',')}}`;
    const { rows } = await tx.execute<{ m: string; total: number }>(sql`
      SELECT to_char(competence, 'YYYY-MM') AS m, sum(amount_cents)::int8 AS total
        FROM contrib_remunerations WHERE link_id = ANY(${ids}::bigint[])
       GROUP BY competence ORDER BY competence`);
    const flagged = await tx.execute<{ m: string; indicators: string[] }>(sql`
      SELECT to_char(competence, 'YYYY-MM') AS m, indicators
        FROM contrib_remunerations WHERE link_id = ANY(${ids}::bigint[]) AND indicators IS NOT NULL`);
    const codes = new Map<string, Set<string>>();
    for (const r of flagged.rows) {
      const set = codes.get(r.m) ?? new Set<string>();
      for (const c of r.indicators) set.add(c);
      codes.set(r.m, set);
    }
    await deps.audit.record(tx, ctx, {
      action: 'read',
      resourceType: 'contrib_history',
      resourceId: String(p.id),
      details: { months: rows.length, links: links.length },
    });
    return {
      person: { cpf: p.cpf, nit: p.nit, name: p.name, sex: p.sex, birth_date: p.birthDate },
      links: links.map((l) => ({
        start: l.startDate,
        end: l.endDate ?? (opts.asOf && opts.asOf >= l.startDate ? opts.asOf : null),
        category: l.category as Category,
      })),
      contributions: rows.map((r) => ({ month: r.m, amount: Money.toDecimalString(Number(r.total)) })),
      indicators: [...codes.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([month, set]) => ({ month, codes: [...set].sort() })),
    };
  });
}
