import { Competence } from "../../../platform/values/competence.js";
import { Money } from "../../../platform/values/money.js";
import { CalculationError, divRound, FACTOR_SCALE, formatScaled } from "./fixed.js";
import { factorsForDibMonth, tetoAt } from "./tables.js";
import { EC103_DATE } from "./time.js";
const EC103_MONTH = Competence.index(Competence.ofDate(EC103_DATE));
class PbcBuffers {
  size = 0;
  months = new Int32Array(0);
  amounts = new Int32Array(0);
  capped = new Int32Array(0);
  factors = new Int32Array(0);
  corrected = new Int32Array(0);
  asc = new Int32Array(0);
  tmp = new Int32Array(0);
  prefix = new Float64Array(1);
  ensure(size) {
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
const POOL = [];
function scratch(slot) {
  while (POOL.length <= slot) POOL.push(new PbcBuffers());
  return POOL[slot];
}
function buildPbc(input, t, dibMonth, belowMinimum, buffers = new PbcBuffers(), detail = true) {
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
    const m = months[i];
    if (m >= dibMonth) break;
    if (m < first) {
      before++;
      continue;
    }
    const a = amounts[i];
    if (a <= 0) continue;
    if (checkBelow && m >= EC103_MONTH && belowMinimum.has(m)) {
      below++;
      continue;
    }
    const teto = tetos[m - first] || tetoAt(t, m);
    const capped = Math.min(a, teto);
    const f = factors[m - first];
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
    belowMinimum: below
  };
}
function sortPbc(p) {
  const asc = p.buffers.asc.subarray(0, p.n);
  radixSortAsc(p.corrected, asc, p.buffers.tmp.subarray(0, p.n));
  const prefix = p.buffers.prefix;
  prefix[0] = 0;
  for (let i = 0; i < asc.length; i++) prefix[i + 1] = prefix[i] + asc[i];
  return { asc, prefix };
}
const COUNTS = new Int32Array(256);
function radixSortAsc(src, out, tmp) {
  const n = src.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (src[i] > max) max = src[i];
  let passes = 0;
  while (passes < 4 && max >>> 8 * passes > 0) passes++;
  if (passes === 0) {
    out.set(src);
    return;
  }
  let from = src;
  let to = passes % 2 === 1 ? out : tmp;
  for (let pass = 0; pass < passes; pass++) {
    const shift = 8 * pass;
    COUNTS.fill(0);
    for (let i = 0; i < n; i++) COUNTS[from[i] >>> shift & 255]++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = COUNTS[b];
      COUNTS[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = from[i];
      to[COUNTS[v >>> shift & 255]++] = v;
    }
    from = to;
    to = to === out ? tmp : out;
  }
}
function average80(p, sorted, opts) {
  if (p.n === 0) return { average: 0, used: 0, divisor: 0, sum: 0 };
  const used = Math.max(1, Math.floor(p.n * 8 / 10));
  const asc = sorted.asc;
  let sum = 0;
  for (let i = p.n - used; i < p.n; i++) sum += asc[i];
  let divisor = used;
  if (opts.minimumDivisorPeriod !== null) {
    divisor = Math.min(Math.max(used, Math.floor(opts.minimumDivisorPeriod * 6 / 10)), p.n);
  }
  return { average: divRound(sum, divisor), used, divisor, sum };
}
function averageLast36(p) {
  const window = p.dibMonth - 48;
  let used = 0;
  let sum = 0;
  let first = null;
  for (let i = p.n - 1; i >= 0 && used < 36; i--) {
    if (p.months[i] < window) break;
    sum += p.corrected[i];
    first = p.months[i];
    used++;
  }
  return { average: used ? divRound(sum, used) : 0, used, sum, firstMonth: first };
}
function averageLast12(p) {
  const used = Math.min(12, p.n);
  let sum = 0;
  for (let i = p.n - used; i < p.n; i++) sum += p.corrected[i];
  return { average: used ? divRound(sum, used) : 0, used };
}
function requireContributionsFrom1994(input, t, dibMonth) {
  const window = dibMonth - 48;
  for (let i = 0; i < input.months.length; i++) {
    const m = input.months[i];
    if (m >= window && m < t.firstMonth && input.amounts[i] > 0) {
      throw new CalculationError(
        "contributions",
        `A DIB anterior a 29/11/1999 usa os 36 \xFAltimos sal\xE1rios em 48 meses, e a compet\xEAncia ${Competence.toBr(
          Competence.fromIndex(m)
        )} \xE9 anterior a 07/1994: a tabela de corre\xE7\xE3o come\xE7a em 07/1994 (moeda anterior ao Real).`
      );
    }
  }
}
function pbcDetailLines(p) {
  const out = [];
  for (let i = 0; i < p.n; i++) {
    const capNote = p.capped[i] !== p.amounts[i] ? ` (limitado ao teto ${Money.format(p.capped[i])})` : "";
    out.push(
      `${Competence.toBr(Competence.fromIndex(p.months[i]))}: ${Money.format(p.amounts[i])}${capNote} \xD7 ${formatScaled(
        p.factors[i],
        6
      ).replace(".", ",")} = ${Money.format(p.corrected[i])}`
    );
  }
  return out;
}
export {
  PbcBuffers,
  average80,
  averageLast12,
  averageLast36,
  buildPbc,
  pbcDetailLines,
  radixSortAsc,
  requireContributionsFrom1994,
  scratch,
  sortPbc
};
