/**
 * Money as an integer number of centavos (bigint-free: amounts up to ±9e13 reais fit exactly in a
 * JS number's 53-bit integer range). Never binary floating point on currency: parsing goes from
 * the decimal string, arithmetic stays integral, rounding is explicit at the call site.
 */
export type Cents = number & { readonly __brand: 'Cents' };

const DECIMAL = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

export class MoneyError extends Error {}

export const Money = {
  /** Parses "1234.5" / "1234.56" / "-0.01" (dot decimal, as in the API contracts). */
  parse(text: string): Cents {
    const m = DECIMAL.exec(text.trim());
    if (!m) throw new MoneyError(`valor monetário inválido: "${text}" (use o formato 1234.56)`);
    const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
    return (m[1] ? -cents : cents) as Cents;
  },
  tryParse(text: string): Cents | null {
    try {
      return Money.parse(text);
    } catch {
      return null;
    }
  },
  ofCents(n: number): Cents {
    if (!Number.isSafeInteger(n)) throw new MoneyError(`centavos devem ser inteiros: ${n}`);
    return n as Cents;
  },
  /** "1234.56": the wire format of the API and CSV files. */
  toDecimalString(c: Cents | number): string {
    const neg = c < 0;
    const abs = Math.abs(c);
    const s = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    return neg ? `-${s}` : s;
  },
  /** "R$ 1.234,56": what a person reads. */
  format(c: Cents | number): string {
    const neg = c < 0;
    const abs = Math.abs(c);
    const reais = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${neg ? '-' : ''}R$ ${reais},${String(abs % 100).padStart(2, '0')}`;
  },
  add(a: Cents, b: Cents): Cents {
    return (a + b) as Cents;
  },
  sub(a: Cents, b: Cents): Cents {
    return (a - b) as Cents;
  },
  min(a: Cents, b: Cents): Cents {
    return (a < b ? a : b) as Cents;
  },
  max(a: Cents, b: Cents): Cents {
    return (a > b ? a : b) as Cents;
  },
};

/**
 * Integer division rounded half away from zero (the "arredondamento comercial" the INSS uses):
 * divRound(5, 2) = 3, divRound(-5, 2) = -3. Works on bigint to stay exact for products of
 * cents and fixed-point factors.
 */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new MoneyError('divisão por zero');
  const neg = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (n * 2n + d) / (2n * d);
  return neg ? -q : q;
}
