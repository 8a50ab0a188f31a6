import { Cnpj, Cpf, Nit } from "../../../platform/values/index.js";
function complete(base, valid, what, checkDigits = 2) {
  for (let i = 0; i < 10 ** checkDigits; i++) {
    const s = base + String(i).padStart(checkDigits, "0");
    if (valid(s)) return s;
  }
  throw new Error(`sem d\xEDgito verificador v\xE1lido para ${what} ${base}`);
}
const syntheticCpf = (n) => complete(String(n % 1e9).padStart(9, "0"), Cpf.isValid, "CPF");
const syntheticNit = (n) => complete(`1${String(n % 1e9).padStart(9, "0")}`, Nit.isValid, "NIT", 1);
const syntheticCnpj = (n) => complete(`${String(n % 1e8).padStart(8, "0")}0001`, Cnpj.isValid, "CNPJ");
export {
  syntheticCnpj,
  syntheticCpf,
  syntheticNit
};
