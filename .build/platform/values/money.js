const DECIMAL = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;
class MoneyError extends Error {
}
const Money = {
  /** Parses "1234.5" / "1234.56" / "-0.01" (dot decimal, as in the API contracts). */
  parse(text) {
    const m = DECIMAL.exec(text.trim());
    if (!m) throw new MoneyError(`valor monet\xE1rio inv\xE1lido: "${text}" (use o formato 1234.56)`);
    const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
    return m[1] ? -cents : cents;
  },
  tryParse(text) {
    try {
      return Money.parse(text);
    } catch {
      return null;
    }
  },
  ofCents(n) {
    if (!Number.isSafeInteger(n)) throw new MoneyError(`centavos devem ser inteiros: ${n}`);
    return n;
  },
  /** "1234.56": the wire format of the API and CSV files. */
  toDecimalString(c) {
    const neg = c < 0;
    const abs = Math.abs(c);
    const s = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
    return neg ? `-${s}` : s;
  },
  /** "R$ 1.234,56": what a person reads. */
  format(c) {
    const neg = c < 0;
    const abs = Math.abs(c);
    const reais = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return `${neg ? "-" : ""}R$ ${reais},${String(abs % 100).padStart(2, "0")}`;
  },
  add(a, b) {
    return a + b;
  },
  sub(a, b) {
    return a - b;
  },
  min(a, b) {
    return a < b ? a : b;
  },
  max(a, b) {
    return a > b ? a : b;
  }
};
function divRoundHalfUp(num, den) {
  if (den === 0n) throw new MoneyError("divis\xE3o por zero");
  const neg = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (n * 2n + d) / (2n * d);
  return neg ? -q : q;
}
export {
  Money,
  MoneyError,
  divRoundHalfUp
};
