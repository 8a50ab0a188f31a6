import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseScaled } from "./domain/fixed.js";
const REFERENCE_DIR = resolve(import.meta.dirname, "../../../data/reference");
const REFERENCE_FILES = {
  indices: "indice_atualizacao_salarios_contribuicao.csv",
  minimumWage: "salario_minimo.csv",
  teto: "teto_rgps.csv",
  readjustments: "reajuste_beneficios_anual.csv",
  transition: "regras_transicao_ec103_por_ano.csv",
  lifeTables: "ibge_tabua_mortalidade_ambos_sexos.csv"
};
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}
const cents = (reais) => Number(parseScaled(reais, 2));
const pctMilli = (pct) => Number(parseScaled(pct, 3));
const ageMonths = (years) => Number(parseScaled(years, 1)) * 12 / 10;
const INDEX_ACT = {
  "IPC-r": "Lei 8.880/1994 art. 21 (IPC-r); Portarias mensais do MPS",
  INPC: "Lei 8.213/1991 art. 29-B (INPC); Portarias mensais do MPS",
  "IGP-DI": "MP 1.415/1996 e Lei 9.711/1998 (IGP-DI); Portarias mensais do MPS"
};
function readReferenceTables(dir = REFERENCE_DIR) {
  const hash = createHash("sha256");
  const read = (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    hash.update(text);
    return parseCsv(text);
  };
  const indices = read(REFERENCE_FILES.indices).map((r) => ({
    competence: r["competencia"],
    legalIndex: r["indice_legal"],
    monthlyFactor: parseScaled(r["fator_mensal"], 7),
    accumulated: parseScaled(r["fator_acumulado_ate_2025_12"], 6),
    act: INDEX_ACT[r["indice_legal"]] ?? null,
    source: "arquivo"
  }));
  const amounts = (name, col) => read(name).map((r) => ({
    from: r["vigencia_inicio"],
    to: r["vigencia_fim"],
    cents: cents(r[col]),
    act: r["ato_ou_observacao"] || null,
    source: "arquivo"
  }));
  const minimumWage = amounts(REFERENCE_FILES.minimumWage, "valor_reais");
  const teto = amounts(REFERENCE_FILES.teto, "teto_reais");
  const readjustments = read(REFERENCE_FILES.readjustments).map((r) => ({
    year: Number(r["ano"]),
    month: r["mes_vigencia"],
    benefitsPctMilli: pctMilli(r["reajuste_beneficios_acima_minimo_pct"]),
    minimumWagePctMilli: pctMilli(r["reajuste_salario_minimo_pct"]),
    act: r["observacao"] || null,
    source: "arquivo"
  }));
  const transition = read(REFERENCE_FILES.transition).map((r) => ({
    year: Number(r["ano"]),
    art15PointsWoman: Number(r["art15_pontos_mulher"]),
    art15PointsMan: Number(r["art15_pontos_homem"]),
    art16AgeWomanMonths: ageMonths(r["art16_idade_min_mulher"]),
    art16AgeManMonths: ageMonths(r["art16_idade_min_homem"]),
    art18AgeWomanMonths: ageMonths(r["art18_idade_mulher"]),
    art18AgeManMonths: ageMonths(r["art18_idade_homem"])
  }));
  const byYear = /* @__PURE__ */ new Map();
  for (const r of read(REFERENCE_FILES.lifeTables)) {
    const y = Number(r["tabua_ano"]);
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y).push(r);
  }
  const lifeTables = [];
  const missingLifeTables = [];
  for (const [year, rows] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const [validFrom, validTo] = rows[0]["vigencia_dib"].split("..");
    if (year <= 2001) {
      missingLifeTables.push({
        year,
        validFrom,
        validTo,
        reason: "s\xF3 existe a s\xE9rie revisada do IBGE (p\xF3s-Censo 2000), n\xE3o a t\xE1bua publicada no DOU que o INSS aplicou"
      });
      continue;
    }
    const tenths = [];
    for (const r of rows) tenths[Number(r["idade"])] = Number(parseScaled(r["ex_1_decimal"], 1));
    lifeTables.push({ year, validFrom, validTo, openAge: tenths.length - 1, tenths });
  }
  missingLifeTables.push(
    {
      year: 2019,
      validFrom: "2020-12-01",
      validTo: "2021-11-30",
      reason: "a t\xE1bua oficial de 2019 n\xE3o foi encontrada; existe s\xF3 uma estimativa (ibge_tabua_2019_estimada.csv), que o motor n\xE3o usa"
    },
    {
      year: 2023,
      validFrom: "2024-12-01",
      validTo: "2025-11-30",
      reason: "a t\xE1bua de 2023 n\xE3o foi encontrada nas fontes p\xFAblicas consultadas"
    }
  );
  return {
    indices,
    minimumWage,
    teto,
    readjustments,
    transition,
    lifeTables,
    missingLifeTables,
    version: `arquivos:${hash.digest("hex").slice(0, 12)}`
  };
}
export {
  REFERENCE_DIR,
  REFERENCE_FILES,
  parseCsv,
  readReferenceTables
};
