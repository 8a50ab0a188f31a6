import { and, eq } from "drizzle-orm";
import { conflict, unprocessable } from "../../platform/errors.js";
import { Competence } from "../../platform/values/competence.js";
import { parseScaled } from "./domain/fixed.js";
import { versionedAt } from "./domain/tables.js";
import { invalidateParameterTables, loadParameterTables } from "./load-parameter-tables.js";
import { calcParameterValues } from "./schema.js";
const toView = (r) => ({
  id: r.id,
  kind: r.kind,
  competence: r.competence,
  validTo: r.validTo,
  value: r.value,
  detail: r.detail,
  legalAct: r.legalAct,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString()
});
const LEGAL_INDICES = ["INPC", "IGP-DI", "IPC-r"];
async function addParameter(deps, ctx, input) {
  const fail = (field, message) => unprocessable(`Par\xE2metro inv\xE1lido: ${field}: ${message}`, [{ field, message }]);
  if (!Competence.isValid(input.competence))
    throw fail("competence", `compet\xEAncia inv\xE1lida "${input.competence}" (use AAAA-MM)`);
  if (!input.legalAct || input.legalAct.trim().length < 3)
    throw fail("legalAct", "informe o ato legal que publicou o valor");
  const decimals = input.kind === "monthly_index" ? 7 : input.kind === "readjustment" ? 3 : 2;
  let scaled;
  try {
    scaled = parseScaled(input.value, decimals);
  } catch (e) {
    throw fail("value", e.message);
  }
  const tables = await loadParameterTables(deps);
  const c = Competence.index(input.competence);
  let validTo = null;
  let detail = input.detail ?? null;
  switch (input.kind) {
    case "monthly_index": {
      if (scaled < 9000000n || scaled > 15000000n)
        throw fail(
          "value",
          "fator mensal fora do intervalo 0,9 a 1,5 (informe 1 + varia\xE7\xE3o, por exemplo 1.001000)"
        );
      detail = detail ?? "INPC";
      if (!LEGAL_INDICES.includes(detail))
        throw fail("detail", `\xEDndice legal deve ser um de ${LEGAL_INDICES.join(", ")}`);
      const next = tables.lastIndexMonth + 1;
      if (c <= tables.lastIndexMonth) {
        const existing = tables.indices[c - tables.firstMonth];
        if (existing.source === "arquivo") {
          throw conflict(
            `O \xEDndice de ${Competence.toBr(input.competence)} j\xE1 consta da tabela oficial (${existing.monthlyFactor}).`
          );
        }
      } else if (c !== next) {
        throw fail(
          "competence",
          `o pr\xF3ximo \xEDndice a cadastrar \xE9 o da compet\xEAncia ${Competence.toBr(Competence.fromIndex(next))}`
        );
      }
      break;
    }
    case "minimum_wage":
    case "teto": {
      validTo = input.validTo ?? `${input.competence.slice(0, 4)}-12`;
      if (!Competence.isValid(validTo) || validTo < input.competence)
        throw fail("validTo", "fim da vig\xEAncia inv\xE1lido ou anterior ao in\xEDcio");
      const list = input.kind === "teto" ? tables.teto : tables.minimumWage;
      const current = versionedAt(list, input.competence);
      const lastStart = list.map((v) => v.from).sort().at(-1);
      if (input.competence <= lastStart && current?.source === "arquivo") {
        throw fail(
          "competence",
          `a vig\xEAncia deve come\xE7ar depois de ${Competence.toBr(lastStart)}, in\xEDcio do \xFAltimo valor j\xE1 cadastrado`
        );
      }
      if (scaled <= 0n) throw fail("value", "o valor deve ser positivo");
      break;
    }
    case "readjustment": {
      const year = Number(input.competence.slice(0, 4));
      const shippedYear = tables.readjustments.find((r) => r.year === year);
      if (shippedYear?.source === "arquivo")
        throw conflict(`O reajuste de ${year} j\xE1 consta da tabela oficial.`);
      if (scaled > 100000n) throw fail("value", "percentual acima de 100%");
      if (detail !== null) {
        try {
          parseScaled(detail, 3);
        } catch (e) {
          throw fail("detail", e.message);
        }
      }
      break;
    }
  }
  const result = await deps.db.tx(async (tx) => {
    const [existing] = await tx.select().from(calcParameterValues).where(
      and(eq(calcParameterValues.kind, input.kind), eq(calcParameterValues.competence, input.competence))
    );
    if (existing) {
      if (existing.value === input.value && existing.validTo === validTo && existing.detail === detail) {
        return { row: existing, created: false };
      }
      throw conflict(
        `J\xE1 existe ${input.kind} cadastrado para ${Competence.toBr(input.competence)} com valor ${existing.value} (${existing.legalAct}); par\xE2metros n\xE3o s\xE3o alterados.`
      );
    }
    const [row] = await tx.insert(calcParameterValues).values({
      kind: input.kind,
      competence: input.competence,
      validTo,
      value: input.value,
      detail,
      legalAct: input.legalAct.trim(),
      createdBy: ctx.actor.accountId
    }).returning();
    await deps.audit.record(tx, ctx, {
      action: "create",
      resourceType: "calc_parameter",
      resourceId: String(row.id),
      details: {
        kind: input.kind,
        competence: input.competence,
        value: input.value,
        validTo,
        detail,
        legalAct: input.legalAct.trim()
      }
    });
    return { row, created: true };
  });
  invalidateParameterTables(deps);
  return { parameter: toView(result.row), created: result.created };
}
async function listParameters(deps) {
  const rows = await deps.db.orm.select().from(calcParameterValues).orderBy(calcParameterValues.id);
  return rows.map(toView);
}
export {
  addParameter,
  listParameters,
  toView
};
