class CalculationError extends Error {
  constructor(field, message) {
    super(message);
    this.field = field;
    this.name = "CalculationError";
  }
}
const FACTOR_SCALE = 1e6;
const FACTOR_SCALE_N = 1000000n;
const RATE_SCALE = 1e4;
function mulDivRound(a, b, d) {
  const p = a * b;
  if (p > Number.MAX_SAFE_INTEGER) return Number(divRoundBig(BigInt(a) * BigInt(b), BigInt(d)));
  let q = Math.floor(p / d);
  let r = p - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}
function divRound(n, d) {
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
function divRoundBig(num, den) {
  const neg = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (n * 2n + d) / (2n * d);
  return neg ? -q : q;
}
function parseScaled(text, decimals) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`n\xFAmero decimal inv\xE1lido: "${text}"`);
  const frac = m[2] ?? "";
  if (frac.length > decimals) {
    if (!/^0*$/.test(frac.slice(decimals)))
      throw new Error(`"${text}" tem mais de ${decimals} casas decimais`);
  }
  return BigInt(m[1] + frac.slice(0, decimals).padEnd(decimals, "0"));
}
function formatScaled(v, decimals) {
  const b = typeof v === "bigint" ? v : BigInt(v);
  const neg = b < 0n;
  const s = (neg ? -b : b).toString().padStart(decimals + 1, "0");
  const out = decimals === 0 ? s : `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
  return neg ? `-${out}` : out;
}
function formatPercent(rate) {
  const s = formatScaled(rate * 100, 4).replace(/\.?0+$/, "");
  return `${s.replace(".", ",")}%`;
}
export {
  CalculationError,
  FACTOR_SCALE,
  FACTOR_SCALE_N,
  RATE_SCALE,
  divRound,
  divRoundBig,
  formatPercent,
  formatScaled,
  mulDivRound,
  parseScaled
};
