import { Competence } from '../../../platform/values/competence';
import { LocalDate } from '../../../platform/values/dates';
import { CalculationError, divRoundBig, FACTOR_SCALE_N, formatScaled } from './fixed';

/**
 * Time-versioned legal parameters of the calculation, as plain data plus the precomputed arrays
 * the hot path reads (one Int32Array per DIB month of correction factors, teto and minimum wage
 * per competência). Built once from the shipped reference files (data/reference) overlaid with
 * the values a manager added (calc_parameter_values); `buildTables` is pure.
 */

export type ParameterSource = 'arquivo' | 'cadastro';

/** One competência of the monetary-correction chain (Lei 8.213 art. 29-B; RPS art. 33). */
export interface MonthlyIndex {
  competence: string;
  /** IPC-r, INPC or IGP-DI. */
  legalIndex: string;
  /** 1 + change applied, scaled 10^7 ("1.0010000"). */
  monthlyFactor: bigint;
  /** Shipped `fator_acumulado_ate_2025_12` scaled 10^6 (null for months added later). */
  accumulated: bigint | null;
  act: string | null;
  source: ParameterSource;
}

/** A value in force over competências from..to (inclusive), with the act that set it. */
export interface VersionedAmount {
  from: string;
  to: string;
  cents: number;
  act: string | null;
  source: ParameterSource;
}

/** Annual readjustment of benefits in maintenance (Lei 8.213 art. 41-A). */
export interface Readjustment {
  year: number;
  /** First competência paid with the new value ("2025-01"). */
  month: string;
  /** Percentage above the minimum, scaled 10^3 (6.355% → 6355). */
  benefitsPctMilli: number;
  minimumWagePctMilli: number;
  act: string | null;
  source: ParameterSource;
}

/** EC 103 transition thresholds for one calendar year (regras_transicao_ec103_por_ano.csv). */
export interface TransitionYear {
  year: number;
  /** Points (age + TC, with fractions) required by art. 15. */
  art15PointsWoman: number;
  art15PointsMan: number;
  /** Minimum ages in months (art. 16 and art. 18). */
  art16AgeWomanMonths: number;
  art16AgeManMonths: number;
  art18AgeWomanMonths: number;
  art18AgeManMonths: number;
}

/** IBGE complete life table, both sexes (Lei 8.213 art. 29 §8º; Decreto 3.048 art. 32 §12). */
export interface LifeTable {
  year: number;
  /** DIBs for which the INSS applied it (1 Dec Y+1 … 30 Nov Y+2). */
  validFrom: string;
  validTo: string;
  openAge: number;
  /** Life expectancy at each exact age in tenths of a year, as the DOU prints (1 decimal). */
  tenths: number[];
}

export interface MissingLifeTable {
  year: number;
  validFrom: string;
  validTo: string;
  reason: string;
}

export interface RawTables {
  indices: MonthlyIndex[];
  minimumWage: VersionedAmount[];
  teto: VersionedAmount[];
  readjustments: Readjustment[];
  transition: TransitionYear[];
  lifeTables: LifeTable[];
  missingLifeTables: MissingLifeTable[];
  /** Text identifying the data (file hashes + overlay ids) for caching and the memória. */
  version: string;
}

export interface ParameterTables extends RawTables {
  /** Competência index (Competence.index) of the first month of the chain, 1994-07. */
  firstMonth: number;
  /** Last competência with a monthly index. */
  lastIndexMonth: number;
  /** Month whose shipped accumulated factor is 1 (2026-01). */
  accumulatedBase: number;
  /** teto and minimum wage per competência from firstMonth (cents; 0 = unknown). */
  tetoByMonth: Int32Array;
  minimumWageByMonth: Int32Array;
  /** Lazily filled: correction factors (×10^6) for competências firstMonth..M-1, per DIB month M. */
  factorCache: Map<number, Int32Array>;
  transitionByYear: Map<number, TransitionYear>;
}

export const FIRST_COMPETENCE = '1994-07';

export function buildTables(raw: RawTables): ParameterTables {
  const firstMonth = Competence.index(FIRST_COMPETENCE as Competence);
  const indices = [...raw.indices].sort((a, b) => a.competence.localeCompare(b.competence));
  indices.forEach((row, i) => {
    if (Competence.index(row.competence as Competence) !== firstMonth + i) {
      throw new Error(`índice de correção: a cadeia tem lacuna antes de ${row.competence}`);
    }
  });
  const shipped = indices.filter((r) => r.accumulated !== null);
  const accumulatedBase = firstMonth + shipped.length;
  const lastIndexMonth = firstMonth + indices.length - 1;

  let lastMonth = lastIndexMonth + 1;
  for (const v of [...raw.teto, ...raw.minimumWage]) {
    lastMonth = Math.max(lastMonth, Competence.index(v.to as Competence));
  }
  const size = lastMonth - firstMonth + 1;
  const tetoByMonth = fillMonths(raw.teto, firstMonth, size);
  const minimumWageByMonth = fillMonths(raw.minimumWage, firstMonth, size);

  return {
    ...raw,
    indices,
    firstMonth,
    lastIndexMonth,
    accumulatedBase,
    tetoByMonth,
    minimumWageByMonth,
    factorCache: new Map(),
    transitionByYear: new Map(raw.transition.map((t) => [t.year, t])),
  };
}

/** Later entries win (the DB overlay comes after the shipped rows, in creation order). */
function fillMonths(values: VersionedAmount[], firstMonth: number, size: number): Int32Array {
  const out = new Int32Array(size);
  for (const v of values) {
    const a = Math.max(Competence.index(v.from as Competence), firstMonth);
    const b = Competence.index(v.to as Competence);
    for (let i = a; i <= b && i - firstMonth < size; i++) out[i - firstMonth] = v.cents;
  }
  return out;
}

function monthLabel(index: number): string {
  return Competence.toBr(Competence.fromIndex(index));
}

/** RGPS ceiling (limite máximo do salário de contribuição) of a competência — Lei 8.212 art. 28 §5º. */
export function tetoAt(t: ParameterTables, month: number): number {
  const v = t.tetoByMonth[month - t.firstMonth];
  if (!v) {
    throw new CalculationError(
      'request_date',
      `Teto do RGPS da competência ${monthLabel(month)} não cadastrado nas tabelas de parâmetros.`,
    );
  }
  return v;
}

/** Minimum wage (salário mínimo) of a competência — CF art. 7º IV. */
export function minimumWageAt(t: ParameterTables, month: number): number {
  const v = t.minimumWageByMonth[month - t.firstMonth];
  if (!v) {
    throw new CalculationError(
      'request_date',
      `Salário mínimo da competência ${monthLabel(month)} não cadastrado nas tabelas de parâmetros.`,
    );
  }
  return v;
}

export function versionedAt(values: VersionedAmount[], month: string): VersionedAmount | undefined {
  let found: VersionedAmount | undefined;
  for (const v of values) if (v.from <= month && month <= v.to) found = v;
  return found;
}

/**
 * Correction factor of competência C for a benefit starting in month M (RPS art. 33; Lei 8.213
 * art. 29-B): acum(C) / acum(M) rounded half up to 6 decimals, exactly (bigint), where acum is
 * the shipped `fator_acumulado_ate_2025_12` (acum(2026-01) = 1). For DIB months after the
 * shipped base, the monthly factors a manager added extend the chain:
 * acum(C)·Π f(base…M−1), or Π f(C…M−1) when C itself is after the base.
 */
export function correctionFactorExact(t: ParameterTables, c: number, m: number): bigint {
  if (c < t.firstMonth) {
    throw new CalculationError(
      'contributions',
      `Competência ${monthLabel(c)} anterior a 07/1994: fora da tabela de correção.`,
    );
  }
  if (c >= m) throw new Error(`fator pedido para competência ${monthLabel(c)} não anterior ao mês da DIB`);
  if (m - 1 > t.lastIndexMonth) {
    throw new CalculationError(
      'request_date',
      `Índice de correção da competência ${monthLabel(t.lastIndexMonth + 1)} ainda não cadastrado: ` +
        `a DIB em ${monthLabel(m)} precisa dos índices até ${monthLabel(m - 1)} (Portaria mensal do MPS).`,
    );
  }
  const base = t.accumulatedBase;
  const acc = (i: number) => t.indices[i - t.firstMonth]!.accumulated!;
  if (m <= base) {
    const den = m === base ? FACTOR_SCALE_N : acc(m);
    return divRoundBig(acc(c) * FACTOR_SCALE_N, den);
  }
  let num = c < base ? acc(c) : FACTOR_SCALE_N;
  let den = FACTOR_SCALE_N;
  for (let k = Math.max(c, base); k < m; k++) {
    num *= t.indices[k - t.firstMonth]!.monthlyFactor;
    den *= 10_000_000n;
  }
  return divRoundBig(num * FACTOR_SCALE_N, den);
}

/** All factors for DIB month M (index k = competência firstMonth + k), cached per M. */
export function factorsForDibMonth(t: ParameterTables, m: number): Int32Array {
  let arr = t.factorCache.get(m);
  if (arr) return arr;
  const n = Math.max(0, m - t.firstMonth);
  arr = new Int32Array(n);
  if (m > t.firstMonth) {
    // validates availability once (throws the pt-BR message when the chain is short)
    correctionFactorExact(t, m - 1, m);
    for (let c = t.firstMonth; c < m; c++) arr[c - t.firstMonth] = Number(correctionFactorExact(t, c, m));
  }
  t.factorCache.set(m, arr);
  return arr;
}

export function formatFactor(f: number | bigint): string {
  return formatScaled(f, 6);
}

/**
 * The life table the INSS applied at a DIB (Decreto 3.048 art. 32 §12: the table published by
 * 1 December applies from that date). Returns the table or the reason it is missing — the
 * engine never interpolates nor borrows a neighbour year.
 */
export function lifeTableAt(
  t: ParameterTables,
  dib: string,
):
  | { table: LifeTable }
  | { missing: MissingLifeTable | { year: number; validFrom: string; validTo: string; reason: string } } {
  const table = t.lifeTables.find((lt) => lt.validFrom <= dib && dib <= lt.validTo);
  if (table) return { table };
  const missing = t.missingLifeTables.find((lt) => lt.validFrom <= dib && dib <= lt.validTo);
  if (missing) return { missing };
  const y = Number(dib.slice(0, 4));
  const year = dib.slice(5) >= '12-01' ? y - 1 : y - 2;
  return {
    missing: {
      year,
      validFrom: `${year + 1}-12-01`,
      validTo: `${year + 2}-11-30`,
      reason: 'tábua não cadastrada nas tabelas de parâmetros',
    },
  };
}

export function lifeExpectancyTenths(table: LifeTable, ageYears: number): number {
  const age = Math.min(ageYears, table.openAge);
  const v = table.tenths[age];
  if (v === undefined) throw new Error(`tábua ${table.year} sem a idade ${age}`);
  return v;
}

export function readjustmentsBetween(
  t: ParameterTables,
  afterMonth: string,
  upToDate: string,
): Readjustment[] {
  const upTo = Competence.ofDate(upToDate);
  return t.readjustments
    .filter((r) => r.month > afterMonth && r.month <= upTo)
    .sort((a, b) => a.year - b.year);
}

export function describeDate(d: string): string {
  return LocalDate.toBr(d);
}
