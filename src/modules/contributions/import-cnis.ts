import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { AppError, forbidden, unprocessable } from '../../platform/errors';
import { Cnpj, Cpf, Nit } from '../../platform/values';
import { assertCanAccessPerson } from './access';
import { extractPdfText, PdfTextError } from './cnis-pdf';
import { CATEGORY_LABEL } from './domain/categories';
import { type CnisExtract, CnisParseError, indicatorsByCompetence, parseCnisText } from './domain/cnis-text';
import { isIsoDate } from './domain/records';
import { centsToDecimal } from './store';

export interface CnisImportInput {
  /** Text extracted from the extract's PDF, or the PDF itself. */
  text?: string;
  pdf?: Uint8Array;
}
export interface CnisImportOptions {
  /** Parse and report, store nothing. */
  dryRun?: boolean;
  /** The CPF the caller expects (route path): an extract of someone else is refused. */
  expectedCpf?: string;
  /** Sex for a person not yet registered (the extract does not carry it). */
  sex?: 'M' | 'F';
}

function benefitStatus(text: string, end: string | null): 'active' | 'ceased' | 'suspended' {
  const t = text.toUpperCase();
  if (t.includes('CESSAD')) return 'ceased';
  if (t.includes('SUSPENS')) return 'suspended';
  if (t.includes('ATIV')) return 'active';
  return end ? 'ceased' : 'active';
}

/** Validations that block the import (pt-BR, naming the link), and document warnings that do not. */
function check(x: CnisExtract): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings = [...x.warnings];
  const p = x.person;
  if (!p.cpf) errors.push('CPF do filiado não encontrado no extrato');
  else if (!Cpf.isValid(p.cpf))
    warnings.push(`CPF ${Cpf.format(p.cpf)} do extrato com dígito verificador inválido (extrato sintético?)`);
  if (p.nit && !Nit.isValid(p.nit))
    warnings.push(`NIT ${Nit.format(p.nit)} do extrato com dígito verificador inválido`);
  if (!p.name) errors.push('nome do filiado não encontrado no extrato');
  if (!p.birthDate || !isIsoDate(p.birthDate))
    errors.push('data de nascimento do filiado ausente ou inválida');
  for (const l of x.links) {
    if (!l.category) errors.push(`vínculo seq ${l.seq}: tipo de filiado "${l.affiliationType}" desconhecido`);
    if (!isIsoDate(l.start) || (l.end && !isIsoDate(l.end)))
      errors.push(`vínculo seq ${l.seq}: data de início/fim inválida`);
    else if (l.end && l.end < l.start) errors.push(`vínculo seq ${l.seq}: data de fim anterior ao início`);
    if (l.employerDocType === 'cnpj' && l.employerCode && !Cnpj.isValid(l.employerCode))
      warnings.push(
        `vínculo seq ${l.seq}: CNPJ ${Cnpj.format(l.employerCode)} com dígito verificador inválido`,
      );
    if (l.employerCode && !l.employerDocType)
      warnings.push(
        `vínculo seq ${l.seq}: código do empregador "${l.employerCode}" (raiz de CNPJ) guardado só no nome`,
      );
  }
  const seqs = new Set<number>();
  for (const s of [...x.links.map((l) => l.seq), ...x.benefits.map((b) => b.seq)]) {
    if (seqs.has(s)) errors.push(`sequência ${s} repetida no extrato`);
    seqs.add(s);
  }
  for (const b of x.benefits) {
    if (!isIsoDate(b.start) || (b.end && !isIsoDate(b.end)))
      errors.push(`benefício NB ${b.nb}: datas inválidas`);
    if (b.species === null) warnings.push(`benefício NB ${b.nb}: espécie não identificada; não será gravado`);
  }
  return { errors, warnings };
}

/**
 * Reads an extract (text or PDF) into the import summary, without touching the database: the
 * dry run, and the first half of the import. Blocking problems → 422 naming them.
 */
export async function readCnisExtract(
  input: CnisImportInput,
  opts: Pick<CnisImportOptions, 'expectedCpf' | 'dryRun'> = {},
) {
  let text = input.text ?? '';
  try {
    if (input.pdf) text = await extractPdfText(input.pdf);
  } catch (e) {
    if (e instanceof PdfTextError)
      throw new AppError('unprocessable', `Não foi possível ler o PDF: ${e.message}.`);
    throw e;
  }
  let x: CnisExtract;
  try {
    x = parseCnisText(text);
  } catch (e) {
    if (e instanceof CnisParseError) throw unprocessable(`Extrato do CNIS não reconhecido: ${e.message}.`);
    throw e;
  }
  const { errors, warnings } = check(x);
  if (errors.length)
    throw unprocessable(
      `Extrato do CNIS com problemas: ${errors.join('; ')}. Nada foi importado.`,
      errors.map((message) => ({ field: 'extrato', message })),
    );
  const cpf = x.person.cpf!;
  if (opts.expectedCpf && opts.expectedCpf !== cpf)
    throw unprocessable('O extrato enviado é de outro CPF. Nada foi importado.', [
      { field: 'cpf', message: 'o CPF do extrato difere do CPF informado' },
    ]);

  const summary = {
    dryRun: Boolean(opts.dryRun),
    issuedAt: x.issuedAt,
    person: { ...x.person },
    links: x.links.map((l) => ({
      seq: l.seq,
      employer: l.employerCode,
      origin: l.origin,
      affiliationType: l.affiliationType,
      category: l.category,
      categoryLabel: l.category ? CATEGORY_LABEL[l.category] : null,
      start: l.start,
      end: l.end,
      indicators: l.indicators,
      remunerations: l.remunerations.length,
      firstCompetence: l.remunerations.reduce<string | null>(
        (m, r) => (m && m < r.competence ? m : r.competence),
        null,
      ),
      lastCompetence: l.remunerations.reduce<string | null>(
        (m, r) => (m && m > r.competence ? m : r.competence),
        null,
      ),
      total: centsToDecimal(l.remunerations.reduce((s, r) => s + r.amountCents, 0)),
    })),
    benefits: x.benefits.map((b) => ({
      seq: b.seq,
      nb: b.nb,
      species: b.species,
      speciesName: b.speciesName,
      start: b.start,
      end: b.end,
      status: benefitStatus(b.statusText, b.end),
      remunerations: b.remunerations.length,
    })),
    totals: {
      links: x.links.length,
      remunerations: x.links.reduce((s, l) => s + l.remunerations.length, 0),
      benefits: x.benefits.length,
    },
    indicators: indicatorsByCompetence(x),
    warnings,
    stored: null as null | { personCreated: boolean; links: number; remunerations: number; benefits: number },
  };
  return { extract: x, cpf, warnings, summary };
}

/**
 * Imports a CNIS "Extrato Previdenciário" (text or PDF) for one person. The extract is
 * authoritative for what it lists: the person's identification is updated, each link (by its
 * CNIS sequence) is upserted and its remunerations replaced, previous benefits upserted by NB.
 * Links not in the extract are kept. One transaction; with dryRun nothing is written.
 * Returns a JSON summary with the indicators found per competence.
 */
export async function importCnisExtract(
  deps: Deps,
  ctx: Ctx,
  input: CnisImportInput,
  opts: CnisImportOptions = {},
) {
  if (opts.expectedCpf) assertCanAccessPerson(ctx, opts.expectedCpf);
  // A citizen may check what the system reads from their own extract, but the registry is only
  // changed by staff or an integration (an uploaded file is not proof until someone checks it).
  if (ctx.actor.role === 'citizen' && !opts.dryRun)
    throw forbidden(
      'Cidadão pode apenas conferir o extrato (dryRun=true); a gravação é feita por um servidor do INSS.',
    );
  const { extract: x, cpf, warnings, summary } = await readCnisExtract(input, opts);
  assertCanAccessPerson(ctx, cpf);
  if (opts.dryRun) return summary;

  summary.stored = await deps.db.tx(async (tx) => {
    const p = x.person;
    const { rows: pr } = await tx.execute<{ id: number; created: boolean }>(sql`
      INSERT INTO contrib_people (cpf, nit, name, birth_date, sex, mother_name)
      VALUES (${cpf}, ${p.nit}, ${p.name}, ${p.birthDate}::date, ${opts.sex ?? null}, ${p.motherName})
      ON CONFLICT (cpf) DO UPDATE SET nit = COALESCE(excluded.nit, contrib_people.nit), name = excluded.name,
        birth_date = excluded.birth_date, sex = COALESCE(contrib_people.sex, excluded.sex),
        mother_name = COALESCE(excluded.mother_name, contrib_people.mother_name), updated_at = now()
      RETURNING id, (xmax = 0) AS created`);
    const personId = Number(pr[0]!.id);
    let remCount = 0;
    for (const l of x.links) {
      const docType = l.employerDocType;
      const { rows: lr } = await tx.execute<{ id: number }>(sql`
        INSERT INTO contrib_links (person_id, seq, employer_doc, employer_doc_type, employer_name, category,
                                   start_date, end_date, indicators, source)
        VALUES (${personId}, ${l.seq}, ${docType ? l.employerCode : null}, ${docType}, ${l.origin || null}, ${l.category},
                ${l.start}::date, ${l.end}::date, ${`{${l.indicators.join(',')}}`}::text[], 'cnis')
        ON CONFLICT (person_id, seq) DO UPDATE SET employer_doc = excluded.employer_doc,
          employer_doc_type = excluded.employer_doc_type, employer_name = excluded.employer_name,
          category = excluded.category, start_date = excluded.start_date, end_date = excluded.end_date,
          indicators = excluded.indicators, source = 'cnis', updated_at = now()
        RETURNING id`);
      const linkId = Number(lr[0]!.id);
      await tx.execute(sql`DELETE FROM contrib_remunerations WHERE link_id = ${linkId}`);
      for (let i = 0; i < l.remunerations.length; i += 1000) {
        const part = l.remunerations.slice(i, i + 1000);
        const arr = (v: (string | number)[]) => `{${v.join(',')}}`;
        await tx.execute(sql`
          INSERT INTO contrib_remunerations (link_id, competence, part, amount_cents, indicators)
          SELECT ${linkId}, c, p, a, CASE WHEN i = '' THEN NULL ELSE string_to_array(i, ',') END
            FROM unnest(${arr(part.map((r) => `${r.competence}-01`))}::date[], ${arr(part.map((r) => r.part))}::smallint[],
                        ${arr(part.map((r) => r.amountCents))}::bigint[], ${arr(part.map((r) => `"${r.indicators.join(',')}"`))}::text[])
              AS u(c, p, a, i)`);
        remCount += part.length;
      }
    }
    let benCount = 0;
    for (const b of x.benefits) {
      if (b.species === null) continue;
      const { rows } = await tx.execute<{ nb: string }>(sql`
        INSERT INTO contrib_benefits (person_id, nb, species, seq, dib, dcb, status, source)
        VALUES (${personId}, ${b.nb}, ${b.species}, ${b.seq}, ${b.start}::date, ${b.end}::date,
                ${benefitStatus(b.statusText, b.end)}, 'cnis')
        ON CONFLICT (nb) DO UPDATE SET species = excluded.species, seq = excluded.seq, dib = excluded.dib,
          dcb = excluded.dcb, status = excluded.status, source = 'cnis', updated_at = now()
          WHERE contrib_benefits.person_id = excluded.person_id
        RETURNING nb`);
      if (!rows.length)
        throw unprocessable(`O benefício NB ${b.nb} já pertence a outra pessoa. Nada foi importado.`);
      benCount++;
    }
    const stored = {
      personCreated: Boolean(pr[0]!.created),
      links: x.links.length,
      remunerations: remCount,
      benefits: benCount,
    };
    await deps.audit.record(tx, ctx, {
      action: 'import',
      resourceType: 'contrib_cnis',
      resourceId: String(personId),
      details: { ...stored, indicators: summary.indicators.length, warnings: warnings.length },
    });
    return stored;
  });
  return summary;
}
