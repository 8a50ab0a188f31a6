import { Cnpj, Cpf, Nit } from '../../../platform/values';

/**
 * Deterministic synthetic identifiers for demo data, tests and benchmarks: the check digits are
 * found by asking the platform validators (never hand-computed), trying every possible ending.
 */
function complete(base: string, valid: (s: string) => boolean, what: string, checkDigits = 2): string {
  for (let i = 0; i < 10 ** checkDigits; i++) {
    const s = base + String(i).padStart(checkDigits, '0');
    if (valid(s)) return s;
  }
  throw new Error(`sem dígito verificador válido para ${what} ${base}`);
}

/** A valid CPF from a number (0..999_999_999); bases in the 9xx range avoid real-looking ones. */
export const syntheticCpf = (n: number) => complete(String(n % 1e9).padStart(9, '0'), Cpf.isValid, 'CPF');
export const syntheticNit = (n: number) =>
  complete(`1${String(n % 1e9).padStart(9, '0')}`, Nit.isValid, 'NIT', 1);
export const syntheticCnpj = (n: number) =>
  complete(`${String(n % 1e8).padStart(8, '0')}0001`, Cnpj.isValid, 'CNPJ');
