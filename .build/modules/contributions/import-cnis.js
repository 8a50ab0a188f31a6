import { sql } from "drizzle-orm";
import { AppError, forbidden, unprocessable } from "../../platform/errors.js";
import { Cnpj, Cpf, Nit } from "../../platform/values/index.js";
import { assertCanAccessPerson } from "./access.js";
import { extractPdfText, PdfTextError } from "./cnis-pdf.js";
import { CATEGORY_LABEL } from "./domain/categories.js";
import { CnisParseError, indicatorsByCompetence, parseCnisText } from "./domain/cnis-text.js";
import { isIsoDate } from "./domain/records.js";
import { centsToDecimal } from "./store.js";
function benefitStatus(text, end) {
  const t = text.toUpperCase();
  if (t.includes("CESSAD")) return "ceased";
  if (t.includes("SUSPENS")) return "suspended";
  if (t.includes("ATIV")) return "active";
  return end ? "ceased" : "active";
}
function check(x) {
  const errors = [];
  const warnings = [...x.warnings];
  const p = x.person;
  if (!p.cpf) errors.push("CPF do filiado n\xE3o encontrado no extrato");
  else if (!Cpf.isValid(p.cpf))
    warnings.push(`CPF ${Cpf.format(p.cpf)} do extrato com d\xEDgito verificador inv\xE1lido (extrato sint\xE9tico?)`);
  if (p.nit && !Nit.isValid(p.nit))
    warnings.push(`NIT ${Nit.format(p.nit)} do extrato com d\xEDgito verificador inv\xE1lido`);
  if (!p.name) errors.push("nome do filiado n\xE3o encontrado no extrato");
  if (!p.birthDate || !isIsoDate(p.birthDate))
    errors.push("data de nascimento do filiado ausente ou inv\xE1lida");
  for (const l of x.links) {
    if (!l.category) errors.push(`v\xEDnculo seq ${l.seq}: tipo de filiado "${l.affiliationType}" desconhecido`);
    if (!isIsoDate(l.start) || l.end && !isIsoDate(l.end))
      errors.push(`v\xEDnculo seq ${l.seq}: data de in\xEDcio/fim inv\xE1lida`);
    else if (l.end && l.end < l.start) errors.push(`v\xEDnculo seq ${l.seq}: data de fim anterior ao in\xEDcio`);
    if (l.employerDocType === "cnpj" && l.employerCode && !Cnpj.isValid(l.employerCode))
      warnings.push(
        `v\xEDnculo seq ${l.seq}: CNPJ ${Cnpj.format(l.employerCode)} com d\xEDgito verificador inv\xE1lido`
      );
    if (l.employerCode && !l.employerDocType)
      warnings.push(
        `v\xEDnculo seq ${l.seq}: c\xF3digo do empregador "${l.employerCode}" (raiz de CNPJ) guardado s\xF3 no nome`
      );
  }
  const seqs = /* @__PURE__ */ new Set();
  for (const s of [...x.links.map((l) => l.seq), ...x.benefits.map((b) => b.seq)]) {
    if (seqs.has(s)) errors.push(`sequ\xEAncia ${s} repetida no extrato`);
    seqs.add(s);
  }
  for (const b of x.benefits) {
    if (!isIsoDate(b.start) || b.end && !isIsoDate(b.end))
      errors.push(`benef\xEDcio NB ${b.nb}: datas inv\xE1lidas`);
    if (b.species === null) warnings.push(`benef\xEDcio NB ${b.nb}: esp\xE9cie n\xE3o identificada; n\xE3o ser\xE1 gravado`);
  }
  return { errors, warnings };
}
async function readCnisExtract(input, opts = {}) {
  let text = input.text ?? "";
  try {
    if (input.pdf) text = await extractPdfText(input.pdf);
  } catch (e) {
    if (e instanceof PdfTextError)
      throw new AppError("unprocessable", `N\xE3o foi poss\xEDvel ler o PDF: ${e.message}.`);
    throw e;
  }
  let x;
  try {
    x = parseCnisText(text);
  } catch (e) {
    if (e instanceof CnisParseError) throw unprocessable(`Extrato do CNIS n\xE3o reconhecido: ${e.message}.`);
    throw e;
  }
  const { errors, warnings } = check(x);
  if (errors.length)
    throw unprocessable(
      `Extrato do CNIS com problemas: ${errors.join("; ")}. Nada foi importado.`,
      errors.map((message) => ({ field: "extrato", message }))
    );
  const cpf = x.person.cpf;
  if (opts.expectedCpf && opts.expectedCpf !== cpf)
    throw unprocessable("O extrato enviado \xE9 de outro CPF. Nada foi importado.", [
      { field: "cpf", message: "o CPF do extrato difere do CPF informado" }
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
      firstCompetence: l.remunerations.reduce(
        (m, r) => m && m < r.competence ? m : r.competence,
        null
      ),
      lastCompetence: l.remunerations.reduce(
        (m, r) => m && m > r.competence ? m : r.competence,
        null
      ),
      total: centsToDecimal(l.remunerations.reduce((s, r) => s + r.amountCents, 0))
    })),
    benefits: x.benefits.map((b) => ({
      seq: b.seq,
      nb: b.nb,
      species: b.species,
      speciesName: b.speciesName,
      start: b.start,
      end: b.end,
      status: benefitStatus(b.statusText, b.end),
      remunerations: b.remunerations.length
    })),
    totals: {
      links: x.links.length,
      remunerations: x.links.reduce((s, l) => s + l.remunerations.length, 0),
      benefits: x.benefits.length
    },
    indicators: indicatorsByCompetence(x),
    warnings,
    stored: null
  };
  return { extract: x, cpf, warnings, summary };
}
async function importCnisExtract(deps, ctx, input, opts = {}) {
  if (opts.expectedCpf) assertCanAccessPerson(ctx, opts.expectedCpf);
  if (ctx.actor.role === "citizen" && !opts.dryRun)
    throw forbidden(
      "Cidad\xE3o pode apenas conferir o extrato (dryRun=true); a grava\xE7\xE3o \xE9 feita por um servidor do INSS."
    );
  const { extract: x, cpf, warnings, summary } = await readCnisExtract(input, opts);
  assertCanAccessPerson(ctx, cpf);
  if (opts.dryRun) return summary;
  summary.stored = await deps.db.tx(async (tx) => {
    const p = x.person;
    const { rows: pr } = await tx.execute(sql`
      INSERT INTO contrib_people (cpf, nit, name, birth_date, sex, mother_name)
      VALUES (${cpf}, ${p.nit}, ${p.name}, ${p.birthDate}::date, ${opts.sex ?? null}, ${p.motherName})
      ON CONFLICT (cpf) DO UPDATE SET nit = COALESCE(excluded.nit, contrib_people.nit), name = excluded.name,
        birth_date = excluded.birth_date, sex = COALESCE(contrib_people.sex, excluded.sex),
        mother_name = COALESCE(excluded.mother_name, contrib_people.mother_name), updated_at = now()
      RETURNING id, (xmax = 0) AS created`);
    const personId = Number(pr[0].id);
    let remCount = 0;
    for (const l of x.links) {
      const docType = l.employerDocType;
      const { rows: lr } = await tx.execute(sql`
        INSERT INTO contrib_links (person_id, seq, employer_doc, employer_doc_type, employer_name, category,
                                   start_date, end_date, indicators, source)
        VALUES (${personId}, ${l.seq}, ${docType ? l.employerCode : null}, ${docType}, ${l.origin || null}, ${l.category},
                ${l.start}::date, ${l.end}::date, ${`{${l.indicators.join(",")}}`}::text[], 'cnis')
        ON CONFLICT (person_id, seq) DO UPDATE SET employer_doc = excluded.employer_doc,
          employer_doc_type = excluded.employer_doc_type, employer_name = excluded.employer_name,
          category = excluded.category, start_date = excluded.start_date, end_date = excluded.end_date,
          indicators = excluded.indicators, source = 'cnis', updated_at = now()
        RETURNING id`);
      const linkId = Number(lr[0].id);
      await tx.execute(sql`DELETE FROM contrib_remunerations WHERE link_id = ${linkId}`);
      for (let i = 0; i < l.remunerations.length; i += 1e3) {
        const part = l.remunerations.slice(i, i + 1e3);
        const arr = (v) => `{${v.join(",")}}`;
        await tx.execute(sql`
          INSERT INTO contrib_remunerations (link_id, competence, part, amount_cents, indicators)
          SELECT ${linkId}, c, p, a, CASE WHEN i = '' THEN NULL ELSE string_to_array(i, ',') END
            FROM unnest(${arr(part.map((r) => `${r.competence}-01`))}::date[], ${arr(part.map((r) => r.part))}::smallint[],
                        ${arr(part.map((r) => r.amountCents))}::bigint[], ${arr(part.map((r) => `"${r.indicators.join(",")}"`))}::text[])
              AS u(c, p, a, i)`);
        remCount += part.length;
      }
    }
    let benCount = 0;
    for (const b of x.benefits) {
      if (b.species === null) continue;
      const { rows } = await tx.execute(sql`
        INSERT INTO contrib_benefits (person_id, nb, species, seq, dib, dcb, status, source)
        VALUES (${personId}, ${b.nb}, ${b.species}, ${b.seq}, ${b.start}::date, ${b.end}::date,
                ${benefitStatus(b.statusText, b.end)}, 'cnis')
        ON CONFLICT (nb) DO UPDATE SET species = excluded.species, seq = excluded.seq, dib = excluded.dib,
          dcb = excluded.dcb, status = excluded.status, source = 'cnis', updated_at = now()
          WHERE contrib_benefits.person_id = excluded.person_id
        RETURNING nb`);
      if (!rows.length)
        throw unprocessable(`O benef\xEDcio NB ${b.nb} j\xE1 pertence a outra pessoa. Nada foi importado.`);
      benCount++;
    }
    const stored = {
      personCreated: Boolean(pr[0].created),
      links: x.links.length,
      remunerations: remCount,
      benefits: benCount
    };
    await deps.audit.record(tx, ctx, {
      action: "import",
      resourceType: "contrib_cnis",
      resourceId: String(personId),
      details: { ...stored, indicators: summary.indicators.length, warnings: warnings.length }
    });
    return stored;
  });
  return summary;
}
export {
  importCnisExtract,
  readCnisExtract
};
