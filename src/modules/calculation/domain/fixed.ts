/**
 * Fixed-point helpers. Money is integer cents; correction factors are integers scaled by 10^6
 * (as the Portarias publish them); the fator previdenciário is scaled by 10^4; percentages by
 * 10^4 (1.0000 = 100%). Rounding is always half away from zero ("arredondamento comercial").
 */

export class CalculationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalculationError';
  }
}

export const FACTOR_SCALE = 1_000_000;
export const FACTOR_SCALE_N = 1_000_000n;
/** Coefficients (60%, 91%, 0.98) and fator previdenciário: 4 decimals. */
export const RATE_SCALE = 10_000;

/**
 * round(a × b / d) half up, for non-negative safe integers whose product stays below 2^53
 * (cents ≤ 10^7 × factor ≤ 10^8 in every call of the engine). Exact: the quotient and the
 * remainder are recomputed in integers, the float division is only a first guess.
 */
export function mulDivRound(a: number, b: number, d: number): number {
  const p = a * b;
  if (p > Number.MAX_SAFE_INTEGER) return Number(divRoundBig(BigInt(a) * BigInt(b), BigInt(d)));
  let q = Math.floor(p / d);
  let r = p - q * d;
  // correct a possible off-by-one of the float quotient
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

/** round(n / d) half up for non-negative safe integers. */
export function divRound(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

/** Half-away-from-zero division on bigint. */
export function divRoundBig(num: bigint, den: bigint): bigint {
  const neg = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (n * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** "1.001000" → 1001000n at scale 10^decimals; rejects anything else. */
export function parseScaled(text: string, decimals: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`número decimal inválido: "${text}"`);
  const frac = m[2] ?? '';
  if (frac.length > decimals) {
    // more decimals than the scale: only accepted when the extra digits are zeros
    if (!/^0*$/.test(frac.slice(decimals)))
      throw new Error(`"${text}" tem mais de ${decimals} casas decimais`);
  }
  return BigInt(m[1] + frac.slice(0, decimals).padEnd(decimals, '0'));
}

/** 1001000n, 6 → "1.001000". */
export function formatScaled(v: bigint | number, decimals: number): string {
  const b = typeof v === 'bigint' ? v : BigInt(v);
  const neg = b < 0n;
  const s = (neg ? -b : b).toString().padStart(decimals + 1, '0');
  const out = decimals === 0 ? s : `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
  return neg ? `-${out}` : out;
}

/** Rate at scale 10^4 as a pt-BR percentage: 9800 → "98%", 9100 → "91%", 6250 → "62,5%". */
export function formatPercent(rate: number): string {
  const s = formatScaled(rate * 100, 4).replace(/\.?0+$/, '');
  return `${s.replace('.', ',')}%`;
}
