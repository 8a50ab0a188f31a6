import { Competence } from '../../../platform/values/competence';
import { Money } from '../../../platform/values/money';
import { CalculationError, divRound, FACTOR_SCALE, formatScaled } from './fixed';
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
  buffers: PbcBuffers;
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

/**
 * Reusable scratch memory for the PBC arrays: the engine is synchronous and not reentrant, so one
 * calculation at a time uses the slots (one per PBC: the DIB and, for acquired rights, 11/2019).
 * Typed arrays allocated per calculation cost more in garbage collection than the calculation.
 * A Pbc is valid until the next calculation starts.
 */
export class PbcBuffers {
  size = 0;
  months = new Int32Array(0);
  amounts = new Int32Array(0);
  capped = new Int32Array(0);
  factors = new Int32Array(0);
  corrected = new Int32Array(0);
  asc = new Int32Array(0);
  tmp = new Int32Array(0);
  prefix = new Float64Array(1);
  ensure(size: number): this {
    if (size > this.size) {
      const n = Math.max(size, 512);
      this.size = n;
      this.months = new Int32Array(n);
      this.amounts = new Int32Array(n);
      this.capped = new Int32Array(n);
      this.factors = new Int32Array(n);
      this.corrected = new Int32Array(n);
      this.asc = new Int32Array(n);
      this.tmp = new Int32Array(n);
      this.prefix = new Float64Array(n + 1);
    }
    return this;
  }
}

const POOL: PbcBuffers[] = [];
export function scratch(slot: number): PbcBuffers {
  while (POOL.length <= slot) POOL.push(new PbcBuffers());
  return POOL[slot]!;
}

export function buildPbc(
  input: RmiInput,
  t: ParameterTables,
  dibMonth: number,
  belowMinimum: Set<number>,
  buffers: PbcBuffers = new PbcBuffers(),
  /** Keep the informed amount, the capped amount and the factor of each month (for the memória). */
  detail = true,
): Pbc {
  const factors = factorsForDibMonth(t, dibMonth);
  const { months, amounts } = input;
  const size = months.length;
  const b = buffers.ensure(size);
  const pm = b.months;
  const pa = b.amounts;
  const pc = b.capped;
  const pf = b.factors;
  const pr = b.corrected;
  const first = t.firstMonth;
  const tetos = t.tetoByMonth;
  const checkBelow = belowMinimum.size > 0;
  let j = 0;
  let sum = 0;
  let before = 0;
  let below = 0;
  for (let i = 0; i < size; i++) {
    const m = months[i]!;
    if (m >= dibMonth) break;
    if (m < first) {
      before++;
      continue;
    }
    const a = amounts[i]!;
    if (a <= 0) continue;
    if (checkBelow && m >= EC103_MONTH && belowMinimum.has(m)) {
      below++;
      continue;
    }
    const teto = tetos[m - first] || tetoAt(t, m); // tetoAt throws the pt-BR message when unknown
    const capped = Math.min(a, teto);
    const f = factors[m - first]!;
    // round(capped × f / 10^6) half up; capped ≤ 10^6 and f < 2^31, so the product is exact
    const prod = capped * f;
    let q = Math.floor(prod / FACTOR_SCALE);
    let r = prod - q * FACTOR_SCALE;
    if (r < 0) {
      q--;
      r += FACTOR_SCALE;
    } else if (r >= FACTOR_SCALE) {
      q++;
      r -= FACTOR_SCALE;
    }
    if (2 * r >= FACTOR_SCALE) q++;
    pm[j] = m;
    if (detail) {
      pa[j] = a;
      pc[j] = capped;
      pf[j] = f;
    }
    pr[j] = q;
    sum += q;
    j++;
  }
  return {
    buffers: b,
    dibMonth,
    months: pm.subarray(0, j),
    amounts: pa.subarray(0, j),
    capped: pc.subarray(0, j),
    factors: pf.subarray(0, j),
    corrected: pr.subarray(0, j),
    n: j,
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
  const asc = p.buffers.asc.subarray(0, p.n);
  radixSortAsc(p.corrected, asc, p.buffers.tmp.subarray(0, p.n));
  const prefix = p.buffers.prefix;
  prefix[0] = 0;
  for (let i = 0; i < asc.length; i++) prefix[i + 1] = prefix[i]! + asc[i]!;
  return { asc, prefix };
}

const COUNTS = new Int32Array(256);

/**
 * Sorts non-negative cents ascending into `out` (LSD radix, 8 bits per pass, as many passes as
 * the largest value needs): a few microseconds for 360 salaries, where TypedArray#sort takes ~10.
 */
export function radixSortAsc(src: Int32Array, out: Int32Array, tmp: Int32Array): void {
  const n = src.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (src[i]! > max) max = src[i]!;
  let passes = 0;
  while (passes < 4 && max >>> (8 * passes) > 0) passes++;
  if (passes === 0) {
    out.set(src);
    return;
  }
  // ping-pong so that the last pass writes into `out`
  let from: Int32Array = src;
  let to: Int32Array = passes % 2 === 1 ? out : tmp;
  for (let pass = 0; pass < passes; pass++) {
    const shift = 8 * pass;
    COUNTS.fill(0);
    for (let i = 0; i < n; i++) COUNTS[(from[i]! >>> shift) & 255]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = COUNTS[b]!;
      COUNTS[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = from[i]!;
      to[COUNTS[(v >>> shift) & 255]!++] = v;
    }
    from = to;
    to = to === out ? tmp : out;
  }
}

/**
 * Average of the 80% highest corrected salários (Lei 8.213 art. 29 I–II as written by Lei
 * 9.876/1999; Lei 9.876 art. 3º): the integer part of 80% of the competências counted, and for
 * aposentadorias of persons affiliated before 29/11/1999 a divisor not below 60% of the months
 * from 07/1994 to the DIB (art. 3º §2º), limited to 100% of the contributions.
 */
export function average80(
  p: Pbc,
  sorted: SortedPbc,
  opts: { minimumDivisorPeriod: number | null },
): { average: number; used: number; divisor: number; sum: number } {
  if (p.n === 0) return { average: 0, used: 0, divisor: 0, sum: 0 };
  const used = Math.max(1, Math.floor((p.n * 8) / 10));
  const asc = sorted.asc;
  let sum = 0;
  for (let i = p.n - used; i < p.n; i++) sum += asc[i]!;
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
