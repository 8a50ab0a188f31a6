import { isValidCnpj as isValidCNPJ } from "@brazilian-utils/brazilian-utils/is-valid-cnpj";
import { isValidCpf as isValidCPF } from "@brazilian-utils/brazilian-utils/is-valid-cpf";
import { isValidPis as isValidPIS } from "@brazilian-utils/brazilian-utils/is-valid-pis";
class DocumentError extends Error {
}
const digits = (s) => s.replace(/[.\-/\s]/g, "");
const Cpf = {
  isValid(text) {
    const d = digits(text);
    return /^\d{11}$/.test(d) && isValidCPF(d);
  },
  parse(text) {
    const d = digits(text);
    if (!Cpf.isValid(d)) throw new DocumentError("CPF inv\xE1lido");
    return d;
  },
  format(cpf) {
    return cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1.$2.$3-$4");
  },
  /** "***.456.789-**": how a CPF may appear to someone who is not its owner. */
  mask(cpf) {
    return cpf.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "***.$2.$3-**");
  }
};
const Cnpj = {
  isValid(text) {
    const d = digits(text);
    return /^\d{14}$/.test(d) && isValidCNPJ(d);
  },
  parse(text) {
    const d = digits(text);
    if (!Cnpj.isValid(d)) throw new DocumentError("CNPJ inv\xE1lido");
    return d;
  },
  format(cnpj) {
    return cnpj.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, "$1.$2.$3/$4-$5");
  }
};
const Nit = {
  isValid(text) {
    const d = digits(text);
    return /^\d{11}$/.test(d) && isValidPIS(d);
  },
  parse(text) {
    const d = digits(text);
    if (!Nit.isValid(d)) throw new DocumentError("NIT inv\xE1lido");
    return d;
  },
  format(nit) {
    return nit.replace(/^(\d{3})(\d{5})(\d{2})(\d)$/, "$1.$2.$3-$4");
  }
};
export {
  Cnpj,
  Cpf,
  DocumentError,
  Nit
};
