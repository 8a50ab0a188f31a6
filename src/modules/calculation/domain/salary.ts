import { Competence } from '../../../platform/values/competence';
import { Money } from '../../../platform/values/money';
import { CalculationError, divRound, FACTOR_SCALE, formatScaled, mulDivRound } from './fixed';
import type { RmiInput } from './input';
import { factorsForDibMonth, type ParameterTables, tetoAt } from './tables';
import { EC103_DATE } from './time';

/**
 * Período básico de cálculo: the salários de contribuição from 07/1994 (EC 103 art. 26 caput;
 * Lei 9.876/1999 art. 3º) up to the month before the DIB month, each limited to the teto of its
 * competência (Lei 8.212 art. 28 §5º) and corrected month by month to the DIB month (Lei 8.213
 * art. 29-B; RPS art. 33) with the 6-decimal factor, rounded to the cent.
 */
export interface Pbc {
  dibMonth: number;
  months: Int32Array;
  /** Informed amount (cents). */
  amounts: Int32Array;
  /** min(amount, teto of the competência). */
  capped: Int32Array;
  /** Factor ×10^6. */
  factors: Int32Array;
  /** round(capped × factor / 10^6). */
  corrected: Int32Array;
  n: number;
  sum: number;
  /** Competências ignored because they precede 07/1994. */
  beforeRealPlan: number;
  /** Competências left out by CF art. 195 §14 (below the minimum wage after EC 103). */
  belowMinimum: number;
}

const EC103_MONTH = Competence.index(Competence.ofDate(EC103_DATE));

export function buildPbc(
  input: RmiInput,
  t: ParameterTables,
  dibMonth: number,
  belowMinimum: Set<number>,
): Pbc {
  const factors = factorsForDibMonth(t, dibMonth);
  const { months, amounts } = input;
  let count = 0;
  let before = 0;
  let below = 0;
  for (let i = 0; i < months.length; i++) {
    const m = months[i]!;
    if (m >= dibMonth) break;
    if (m < t.firstMonth) {
      before++;
      continue;
    }
    if (amounts[i]! <= 0) continue;
    if (m >= EC103_MONTH && belowMinimum.has(m)) {
      below++;
      continue;
    }
    count++;
  }
  const pm = new Int32Array(count);
  const pa = new Int32Array(count);
  const pc = new Int32Array(count);
  const pf = new Int32Array(count);
  const pr = new Int32Array(count);
  let j = 0;
  let sum = 0;
  for (let i = 0; i < months.length && j < count; i++) {
    const m = months[i]!;
    if (m >= dibMonth) break;
    const a = amounts[i]!;
    if (m < t.firstMonth || a <= 0 || (m >= EC103_MONTH && belowMinimum.has(m))) continue;
    const teto = tetoAt(t, m);
    const capped = a < teto ? a : teto;
    const f = factors[m - t.firstMonth]!;
    const c = mulDivRound(capped, f, FACTOR_SCALE);
    pm[j] = m;
    pa[j] = a;
    pc[j] = capped;
    pf[j] = f;
    pr[j] = c;
    sum += c;
    j++;
  }
  return {
    dibMonth,
    months: pm,
    amounts: pa,
    capped: pc,
    factors: pf,
    corrected: pr,
    n: count,
    sum,
    beforeRealPlan: before,
    belowMinimum: below,
  };
}

/** Corrected salaries sorted ascending with prefix sums, for the §6º discard search. */
export interface SortedPbc {
  asc: Int32Array;
  /** prefix[k] = sum of the k smallest. */
  prefix: Float64Array;
}

export function sortPbc(p: Pbc): SortedPbc {
  const asc = Int32Array.from(p.corrected).sort();
  const prefix = new Float64Array(asc.length + 1);
  for (let i = 0; i < asc.length; i++) prefix[i + 1] = prefix[i]! + asc[i]!;
  return { asc, prefix };
}

/**
 * Average of the 80% highest corrected salários (Lei 8.213 art. 29 I–II as written by Lei
 * 9.876/1999; Lei 9.876 art. 3º): the integer part of 80% of the competências counted, and for
 * aposentadorias of persons affiliated before 29/11/1999 a divisor not below 60% of the months
 * from 07/1994 to the DIB (art. 3º §2º), limited to 100% of the contributions.
 */
export function average80(
  p: Pbc,
  opts: { minimumDivisorPeriod: number | null },
): { average: number; used: number; divisor: number; sum: number } {
  if (p.n === 0) return { average: 0, used: 0, divisor: 0, sum: 0 };
  const used = Math.max(1, Math.floor((p.n * 8) / 10));
  const desc = Int32Array.from(p.corrected).sort().reverse();
  let sum = 0;
  for (let i = 0; i < used; i++) sum += desc[i]!;
  let divisor = used;
  if (opts.minimumDivisorPeriod !== null) {
    divisor = Math.min(Math.max(used, Math.floor((opts.minimumDivisorPeriod * 6) / 10)), p.n);
  }
  return { average: divRound(sum, divisor), used, divisor, sum };
}

/**
 * Lei 8.213 art. 29 in its original wording (DIB before 29/11/1999): the average of the last
 * 36 salários de contribuição within the 48 months before the benefit.
 */
export function averageLast36(p: Pbc): {
  average: number;
  used: number;
  sum: number;
  firstMonth: number | null;
} {
  const window = p.dibMonth - 48;
  let used = 0;
  let sum = 0;
  let first: number | null = null;
  for (let i = p.n - 1; i >= 0 && used < 36; i--) {
    if (p.months[i]! < window) break;
    sum += p.corrected[i]!;
    first = p.months[i]!;
    used++;
  }
  return { average: used ? divRound(sum, used) : 0, used, sum, firstMonth: first };
}

/** Average of the last 12 corrected salários (Lei 8.213 art. 29 §10). */
export function averageLast12(p: Pbc): { average: number; used: number } {
  const used = Math.min(12, p.n);
  let sum = 0;
  for (let i = p.n - used; i < p.n; i++) sum += p.corrected[i]!;
  return { average: used ? divRound(sum, used) : 0, used };
}

export function requireContributionsFrom1994(input: RmiInput, t: ParameterTables, dibMonth: number): void {
  const window = dibMonth - 48;
  for (let i = 0; i < input.months.length; i++) {
    const m = input.months[i]!;
    if (m >= window && m < t.firstMonth && input.amounts[i]! > 0) {
      throw new CalculationError(
        'contributions',
        `A DIB anterior a 29/11/1999 usa os 36 últimos salários em 48 meses, e a competência ${Competence.toBr(
          Competence.fromIndex(m),
        )} é anterior a 07/1994: a tabela de correção começa em 07/1994 (moeda anterior ao Real).`,
      );
    }
  }
}

export function pbcDetailLines(p: Pbc): string[] {
  const out: string[] = [];
  for (let i = 0; i < p.n; i++) {
    const capNote = p.capped[i] !== p.amounts[i] ? ` (limitado ao teto ${Money.format(p.capped[i]!)})` : '';
    out.push(
      `${Competence.toBr(Competence.fromIndex(p.months[i]!))}: ${Money.format(p.amounts[i]!)}${capNote} × ${formatScaled(
        p.factors[i]!,
        6,
      ).replace('.', ',')} = ${Money.format(p.corrected[i]!)}`,
    );
  }
  return out;
}
