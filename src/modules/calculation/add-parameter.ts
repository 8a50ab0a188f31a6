import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { conflict, unprocessable } from '../../platform/errors';
import { Competence } from '../../platform/values/competence';
import { parseScaled } from './domain/fixed';
import { versionedAt } from './domain/tables';
import { invalidateParameterTables, loadParameterTables } from './load-parameter-tables';
import { calcParameterValues, type ParameterKind, type ParameterValueRow } from './schema';

/**
 * A manager adds a legal parameter published in the DOU: the monthly correction index of a new
 * Portaria (e.g. Portaria MPS 904/2023 art. 2º: 1,001000 for 11/2023), or a new year's minimum
 * wage, teto or annual readjustment. Append-only, audited in the same transaction; repeating the
 * same value is idempotent (natural key kind + competência), a different value is a 409.
 */
export interface AddParameterInput {
  kind: ParameterKind;
  competence: string;
  value: string;
  validTo?: string | null;
  /** monthly_index: INPC (default), IGP-DI or IPC-r; readjustment: the minimum-wage percentage. */
  detail?: string | null;
  legalAct: string;
}

export interface ParameterView {
  id: number;
  kind: ParameterKind;
  competence: string;
  validTo: string | null;
  value: string;
  detail: string | null;
  legalAct: string;
  createdBy: string;
  createdAt: string;
}

export const toView = (r: ParameterValueRow): ParameterView => ({
  id: r.id,
  kind: r.kind,
  competence: r.competence,
  validTo: r.validTo,
  value: r.value,
  detail: r.detail,
  legalAct: r.legalAct,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

const LEGAL_INDICES = ['INPC', 'IGP-DI', 'IPC-r'];

export async function addParameter(
  deps: Deps,
  ctx: Ctx,
  input: AddParameterInput,
): Promise<{ parameter: ParameterView; created: boolean }> {
  const fail = (field: string, message: string) =>
    unprocessable(`Parâmetro inválido: ${field}: ${message}`, [{ field, message }]);
  if (!Competence.isValid(input.competence))
    throw fail('competence', `competência inválida "${input.competence}" (use AAAA-MM)`);
  if (!input.legalAct || input.legalAct.trim().length < 3)
    throw fail('legalAct', 'informe o ato legal que publicou o valor');
  const decimals = input.kind === 'monthly_index' ? 7 : input.kind === 'readjustment' ? 3 : 2;
  let scaled: bigint;
  try {
    scaled = parseScaled(input.value, decimals);
  } catch (e) {
    throw fail('value', (e as Error).message);
  }
  const tables = await loadParameterTables(deps);
  const c = Competence.index(input.competence as Competence);
  let validTo: string | null = null;
  let detail: string | null = input.detail ?? null;

  switch (input.kind) {
    case 'monthly_index': {
      if (scaled < 9_000_000n || scaled > 15_000_000n)
        throw fail(
          'value',
          'fator mensal fora do intervalo 0,9 a 1,5 (informe 1 + variação, por exemplo 1.001000)',
        );
      detail = detail ?? 'INPC';
      if (!LEGAL_INDICES.includes(detail))
        throw fail('detail', `índice legal deve ser um de ${LEGAL_INDICES.join(', ')}`);
      const next = tables.lastIndexMonth + 1;
      if (c <= tables.lastIndexMonth) {
        const existing = tables.indices[c - tables.firstMonth]!;
        if (existing.source === 'arquivo') {
          throw conflict(
            `O índice de ${Competence.toBr(input.competence as Competence)} já consta da tabela oficial (${existing.monthlyFactor}).`,
          );
        }
      } else if (c !== next) {
        throw fail(
          'competence',
          `o próximo índice a cadastrar é o da competência ${Competence.toBr(Competence.fromIndex(next))}`,
        );
      }
      break;
    }
    case 'minimum_wage':
    case 'teto': {
      validTo = input.validTo ?? `${input.competence.slice(0, 4)}-12`;
      if (!Competence.isValid(validTo) || validTo < input.competence)
        throw fail('validTo', 'fim da vigência inválido ou anterior ao início');
      const list = input.kind === 'teto' ? tables.teto : tables.minimumWage;
      const current = versionedAt(list, input.competence);
      const lastStart = list
        .map((v) => v.from)
        .sort()
        .at(-1)!;
      if (input.competence <= lastStart && current?.source === 'arquivo') {
        throw fail(
          'competence',
          `a vigência deve começar depois de ${Competence.toBr(lastStart as Competence)}, início do último valor já cadastrado`,
        );
      }
      if (scaled <= 0n) throw fail('value', 'o valor deve ser positivo');
      break;
    }
    case 'readjustment': {
      const year = Number(input.competence.slice(0, 4));
      const shippedYear = tables.readjustments.find((r) => r.year === year);
      if (shippedYear?.source === 'arquivo')
        throw conflict(`O reajuste de ${year} já consta da tabela oficial.`);
      if (scaled > 100_000n) throw fail('value', 'percentual acima de 100%');
      if (detail !== null) {
        try {
          parseScaled(detail, 3);
        } catch (e) {
          throw fail('detail', (e as Error).message);
        }
      }
      break;
    }
  }

  const result = await deps.db.tx(async (tx) => {
    const [existing] = await tx
      .select()
      .from(calcParameterValues)
      .where(
        and(eq(calcParameterValues.kind, input.kind), eq(calcParameterValues.competence, input.competence)),
      );
    if (existing) {
      if (existing.value === input.value && existing.validTo === validTo && existing.detail === detail) {
        return { row: existing, created: false };
      }
      throw conflict(
        `Já existe ${input.kind} cadastrado para ${Competence.toBr(input.competence as Competence)} com valor ${existing.value} (${existing.legalAct}); parâmetros não são alterados.`,
      );
    }
    const [row] = await tx
      .insert(calcParameterValues)
      .values({
        kind: input.kind,
        competence: input.competence,
        validTo,
        value: input.value,
        detail,
        legalAct: input.legalAct.trim(),
        createdBy: ctx.actor.accountId,
      })
      .returning();
    await deps.audit.record(tx, ctx, {
      action: 'create',
      resourceType: 'calc_parameter',
      resourceId: String(row!.id),
      details: {
        kind: input.kind,
        competence: input.competence,
        value: input.value,
        validTo,
        detail,
        legalAct: input.legalAct.trim(),
      },
    });
    return { row: row!, created: true };
  });
  invalidateParameterTables(deps);
  return { parameter: toView(result.row), created: result.created };
}

export async function listParameters(deps: Deps): Promise<ParameterView[]> {
  const rows = await deps.db.orm.select().from(calcParameterValues).orderBy(calcParameterValues.id);
  return rows.map(toView);
}
