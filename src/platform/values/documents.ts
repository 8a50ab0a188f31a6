// Per-function entry points: the package's barrel loads ~20 MB of tables we do not use.
import { isValidCnpj as isValidCNPJ } from '@brazilian-utils/brazilian-utils/is-valid-cnpj';
import { isValidCpf as isValidCPF } from '@brazilian-utils/brazilian-utils/is-valid-cpf';
import { isValidPis as isValidPIS } from '@brazilian-utils/brazilian-utils/is-valid-pis';

/**
 * Brazilian identifiers, stored and compared as digits only. Check digits are validated by
 * @brazilian-utils (never hand-written). NIT shares the PIS/PASEP check-digit algorithm.
 */
export type Cpf = string & { readonly __brand: 'Cpf' };
export type Cnpj = string & { readonly __brand: 'Cnpj' };
export type Nit = string & { readonly __brand: 'Nit' };

export class DocumentError extends Error {}

const digits = (s: string) => s.replace(/[.\-/\s]/g, '');

export const Cpf = {
  isValid(text: string): boolean {
    const d = digits(text);
    return /^\d{11}$/.test(d) && isValidCPF(d);
  },
  parse(text: string): Cpf {
    const d = digits(text);
    if (!Cpf.isValid(d)) throw new DocumentError('CPF inválido');
    return d as Cpf;
  },
  format(cpf: string): string {
    return cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
  },
  /** "***.456.789-**": how a CPF may appear to someone who is not its owner. */
  mask(cpf: string): string {
    return cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '***.$2.$3-**');
  },
};

export const Cnpj = {
  isValid(text: string): boolean {
    const d = digits(text);
    return /^\d{14}$/.test(d) && isValidCNPJ(d);
  },
  parse(text: string): Cnpj {
    const d = digits(text);
    if (!Cnpj.isValid(d)) throw new DocumentError('CNPJ inválido');
    return d as Cnpj;
  },
  format(cnpj: string): string {
    return cnpj.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5');
  },
};

export const Nit = {
  isValid(text: string): boolean {
    const d = digits(text);
    return /^\d{11}$/.test(d) && isValidPIS(d);
  },
  parse(text: string): Nit {
    const d = digits(text);
    if (!Nit.isValid(d)) throw new DocumentError('NIT inválido');
    return d as Nit;
  },
  format(nit: string): string {
    return nit.replace(/^(\d{3})(\d{5})(\d{2})(\d)$/, '$1.$2.$3-$4');
  },
};
