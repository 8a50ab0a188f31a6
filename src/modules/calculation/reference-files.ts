import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../platform/paths';
import { parseScaled } from './domain/fixed';
import type {
  LifeTable,
  MissingLifeTable,
  MonthlyIndex,
  RawTables,
  Readjustment,
  TransitionYear,
  VersionedAmount,
} from './domain/tables';

/**
 * Reads the official tables shipped in data/reference (sources in data/reference/README.md)
 * into RawTables. IO edge of the module: the domain only sees the parsed rows.
 */
export const REFERENCE_DIR = projectPath('data/reference');

export const REFERENCE_FILES = {
  indices: 'indice_atualizacao_salarios_contribuicao.csv',
  minimumWage: 'salario_minimo.csv',
  teto: 'teto_rgps.csv',
  readjustments: 'reajuste_beneficios_anual.csv',
  transition: 'regras_transicao_ec103_por_ano.csv',
  lifeTables: 'ibge_tabua_mortalidade_ambos_sexos.csv',
} as const;

/** RFC 4180 CSV (quoted fields with commas and doubled quotes), header row → objects. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const cents = (reais: string) => Number(parseScaled(reais, 2));
const pctMilli = (pct: string) => Number(parseScaled(pct, 3));
const ageMonths = (years: string) => (Number(parseScaled(years, 1)) * 12) / 10;

/** Acts of the monetary-correction chain (Lei 8.213 art. 29-B and the index laws). */
const INDEX_ACT: Record<string, string> = {
  'IPC-r': 'Lei 8.880/1994 art. 21 (IPC-r); Portarias mensais do MPS',
  INPC: 'Lei 8.213/1991 art. 29-B (INPC); Portarias mensais do MPS',
  'IGP-DI': 'MP 1.415/1996 e Lei 9.711/1998 (IGP-DI); Portarias mensais do MPS',
};

export function readReferenceTables(dir: string = REFERENCE_DIR): RawTables {
  const hash = createHash('sha256');
  const read = (name: string) => {
    const text = readFileSync(join(dir, name), 'utf8');
    hash.update(text);
    return parseCsv(text);
  };

  const indices: MonthlyIndex[] = read(REFERENCE_FILES.indices).map((r) => ({
    competence: r['competencia']!,
    legalIndex: r['indice_legal']!,
    monthlyFactor: parseScaled(r['fator_mensal']!, 7),
    accumulated: parseScaled(r['fator_acumulado_ate_2025_12']!, 6),
    act: INDEX_ACT[r['indice_legal']!] ?? null,
    source: 'arquivo',
  }));

  const amounts = (name: string, col: string): VersionedAmount[] =>
    read(name).map((r) => ({
      from: r['vigencia_inicio']!,
      to: r['vigencia_fim']!,
      cents: cents(r[col]!),
      act: r['ato_ou_observacao'] || null,
      source: 'arquivo',
    }));
  const minimumWage = amounts(REFERENCE_FILES.minimumWage, 'valor_reais');
  const teto = amounts(REFERENCE_FILES.teto, 'teto_reais');

  const readjustments: Readjustment[] = read(REFERENCE_FILES.readjustments).map((r) => ({
    year: Number(r['ano']),
    month: r['mes_vigencia']!,
    benefitsPctMilli: pctMilli(r['reajuste_beneficios_acima_minimo_pct']!),
    minimumWagePctMilli: pctMilli(r['reajuste_salario_minimo_pct']!),
    act: r['observacao'] || null,
    source: 'arquivo',
  }));

  const transition: TransitionYear[] = read(REFERENCE_FILES.transition).map((r) => ({
    year: Number(r['ano']),
    art15PointsWoman: Number(r['art15_pontos_mulher']),
    art15PointsMan: Number(r['art15_pontos_homem']),
    art16AgeWomanMonths: ageMonths(r['art16_idade_min_mulher']!),
    art16AgeManMonths: ageMonths(r['art16_idade_min_homem']!),
    art18AgeWomanMonths: ageMonths(r['art18_idade_mulher']!),
    art18AgeManMonths: ageMonths(r['art18_idade_homem']!),
  }));

  const byYear = new Map<number, Record<string, string>[]>();
  for (const r of read(REFERENCE_FILES.lifeTables)) {
    const y = Number(r['tabua_ano']);
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y)!.push(r);
  }
  const lifeTables: LifeTable[] = [];
  const missingLifeTables: MissingLifeTable[] = [];
  for (const [year, rows] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const [validFrom, validTo] = rows[0]!['vigencia_dib']!.split('..') as [string, string];
    if (year <= 2001) {
      // README-2: 1998–2001 are IBGE's revised back-series, not the DOU tables the INSS applied.
      missingLifeTables.push({
        year,
        validFrom,
        validTo,
        reason:
          'só existe a série revisada do IBGE (pós-Censo 2000), não a tábua publicada no DOU que o INSS aplicou',
      });
      continue;
    }
    const tenths: number[] = [];
    for (const r of rows) tenths[Number(r['idade'])] = Number(parseScaled(r['ex_1_decimal']!, 1));
    lifeTables.push({ year, validFrom, validTo, openAge: tenths.length - 1, tenths });
  }
  missingLifeTables.push(
    {
      year: 2019,
      validFrom: '2020-12-01',
      validTo: '2021-11-30',
      reason:
        'a tábua oficial de 2019 não foi encontrada; existe só uma estimativa (ibge_tabua_2019_estimada.csv), que o motor não usa',
    },
    {
      year: 2023,
      validFrom: '2024-12-01',
      validTo: '2025-11-30',
      reason: 'a tábua de 2023 não foi encontrada nas fontes públicas consultadas',
    },
  );

  return {
    indices,
    minimumWage,
    teto,
    readjustments,
    transition,
    lifeTables,
    missingLifeTables,
    version: `arquivos:${hash.digest('hex').slice(0, 12)}`,
  };
}
