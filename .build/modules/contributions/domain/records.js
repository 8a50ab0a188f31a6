import { Cnpj, Cpf, Nit } from "../../../platform/values/index.js";
import { CATEGORIES, isCategory } from "./categories.js";
import { isIndicatorCode } from "./indicators.js";
const BENEFIT_STATUSES = ["active", "ceased", "suspended"];
class RowError extends Error {
  constructor(line, message) {
    super(message);
    this.line = line;
    this.name = "RowError";
  }
}
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isIsoDate(s) {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2099 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}
function competenceIndex(s) {
  if (s.length !== 7 || s.charCodeAt(4) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) return -1;
  const m = m1 * 10 + m2;
  if (y < 1900 || y > 2099 || m < 1 || m > 12) return -1;
  return (y - 1900) * 12 + m - 1;
}
const COMPETENCE_SLOTS = 200 * 12;
const MAX_CENTS = 1e9;
function parseAmount(s) {
  const n = s.length;
  let cents = 0;
  let i = 0;
  let intDigits = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    cents = cents * 10 + d;
    intDigits++;
  }
  if (intDigits > 0 && intDigits <= 10) {
    if (i === n) return cents * 100 <= MAX_CENTS ? cents * 100 : slowAmount(s);
    if (s.charCodeAt(i) === 46 && (n - i === 2 || n - i === 3)) {
      const d1 = s.charCodeAt(i + 1) - 48;
      const d2 = n - i === 3 ? s.charCodeAt(i + 2) - 48 : 0;
      if (d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) {
        const v = cents * 100 + d1 * 10 + d2;
        return v <= MAX_CENTS ? v : slowAmount(s);
      }
    }
  }
  return slowAmount(s);
}
function slowAmount(s) {
  const t = s.trim();
  if (t.startsWith("-")) return `valor negativo "${t}" (remunera\xE7\xF5es n\xE3o podem ser negativas)`;
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return `valor inv\xE1lido "${t}" (use ponto decimal, ex.: 1234.56)`;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (cents > MAX_CENTS) return `valor "${t}" acima do limite aceito (R$ 10.000.000,00)`;
  return cents;
}
function parseIndicators(s, line) {
  if (s == null || s === "") return [];
  const list = typeof s === "string" ? s.split("|") : s;
  const out = [];
  for (const raw of list) {
    const code = String(raw).trim().toUpperCase();
    if (!code) continue;
    if (!isIndicatorCode(code)) throw new RowError(line, `indicador inv\xE1lido "${raw}" (ex.: PEXT, AEXT-VI)`);
    if (!out.includes(code)) out.push(code);
  }
  return out;
}
const onlyDigits = (s) => s.replace(/[.\-/\s]/g, "");
function requireCpf(s, line, what = "CPF") {
  const d = onlyDigits(s ?? "");
  if (!Cpf.isValid(d)) throw new RowError(line, `${what} inv\xE1lido "${s ?? ""}"`);
  return d;
}
function requireSeq(s, line) {
  const n = typeof s === "number" ? s : Number(String(s).trim());
  if (!Number.isInteger(n) || n < 1 || n > 99999)
    throw new RowError(line, `sequ\xEAncia do v\xEDnculo inv\xE1lida "${s}"`);
  return n;
}
function requireDate(s, line, what) {
  const t = (s ?? "").trim();
  if (!isIsoDate(t)) throw new RowError(line, `${what} inv\xE1lida "${t}" (use AAAA-MM-DD)`);
  return t;
}
function optionalDate(s, line, what) {
  if (s == null || String(s).trim() === "") return null;
  return requireDate(String(s), line, what);
}
function parseEmployerDoc(s, line) {
  if (s == null || String(s).trim() === "") return { doc: null, type: null };
  const d = onlyDigits(String(s));
  if (d.length === 14) {
    if (!Cnpj.isValid(d)) throw new RowError(line, `CNPJ do empregador inv\xE1lido "${s}"`);
    return { doc: d, type: "cnpj" };
  }
  if (d.length === 12 && /^\d{12}$/.test(d)) return { doc: d, type: "cei" };
  if (d.length === 11) {
    if (!Cpf.isValid(d)) throw new RowError(line, `CPF do empregador inv\xE1lido "${s}"`);
    return { doc: d, type: "cpf" };
  }
  throw new RowError(line, `identifica\xE7\xE3o do empregador inv\xE1lida "${s}" (CNPJ, CEI ou CPF)`);
}
function validatePerson(r, line) {
  const cpf = requireCpf(r.cpf, line);
  let nit = null;
  if (r.nit != null && String(r.nit).trim() !== "") {
    nit = onlyDigits(String(r.nit));
    if (!Nit.isValid(nit)) throw new RowError(line, `NIT inv\xE1lido "${r.nit}"`);
  }
  const name = String(r.name ?? "").trim().replace(/\s+/g, " ");
  if (!name || name.length > 200)
    throw new RowError(line, "nome ausente ou longo demais (m\xE1x. 200 caracteres)");
  const birthDate = requireDate(r.birth_date, line, "data de nascimento");
  const sex = String(r.sex ?? "").trim().toUpperCase();
  if (sex !== "M" && sex !== "F") throw new RowError(line, `sexo inv\xE1lido "${r.sex}" (use M ou F)`);
  return { kind: "P", line, cpf, nit, name, birthDate, sex };
}
function validateLink(r, line) {
  const cpf = requireCpf(r.cpf, line);
  const seq = requireSeq(r.seq, line);
  const emp = parseEmployerDoc(r.employer, line);
  const category = String(r.category ?? "").trim();
  if (!isCategory(category))
    throw new RowError(line, `categoria desconhecida "${category}" (use ${CATEGORIES.join(", ")})`);
  const start = requireDate(r.start, line, "data de in\xEDcio do v\xEDnculo");
  const end = optionalDate(r.end, line, "data de fim do v\xEDnculo");
  if (end && end < start) throw new RowError(line, `data de fim ${end} anterior ao in\xEDcio ${start}`);
  const employerName = r.employer_name == null ? null : String(r.employer_name).trim() || null;
  return {
    kind: "V",
    line,
    cpf,
    seq,
    employerDoc: emp.doc,
    employerDocType: emp.type,
    employerName,
    category,
    start,
    end,
    indicators: parseIndicators(r.indicators, line)
  };
}
function validateBenefit(r, line) {
  const cpf = requireCpf(r.cpf, line);
  const nb = onlyDigits(String(r.nb ?? ""));
  if (!/^\d{10}$/.test(nb)) throw new RowError(line, `NB inv\xE1lido "${r.nb}" (10 d\xEDgitos)`);
  const species = Number(String(r.species).trim());
  if (!Number.isInteger(species) || species < 1 || species > 99)
    throw new RowError(line, `esp\xE9cie de benef\xEDcio inv\xE1lida "${r.species}"`);
  const dib = requireDate(r.dib, line, "DIB");
  const dcb = optionalDate(r.dcb, line, "DCB");
  if (dcb && dcb < dib) throw new RowError(line, `DCB ${dcb} anterior \xE0 DIB ${dib}`);
  const status = String(r.status ?? "").trim();
  if (!BENEFIT_STATUSES.includes(status))
    throw new RowError(
      line,
      `situa\xE7\xE3o do benef\xEDcio desconhecida "${status}" (use ${BENEFIT_STATUSES.join(", ")})`
    );
  return { kind: "B", line, cpf, nb, species, dib, dcb, status };
}
function validateRemuneration(cpf, seq, competence, amount, indicators, line) {
  let s = 0;
  const sl = seq.length;
  for (let i = 0; i < sl; i++) {
    const d = seq.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || sl > 5) {
      s = -1;
      break;
    }
    s = s * 10 + d;
  }
  if (s < 1) {
    const t = Number(seq.trim());
    if (!Number.isInteger(t) || t < 1 || t > 99999)
      throw new RowError(line, `sequ\xEAncia do v\xEDnculo inv\xE1lida "${seq}"`);
    s = t;
  }
  const c = competenceIndex(competence) >= 0 ? competence : competence.trim();
  if (competenceIndex(c) < 0)
    throw new RowError(line, `compet\xEAncia malformada "${competence}" (use AAAA-MM)`);
  if (indicators && /^\d{1,2}$/.test(indicators) && /^-?\d+$/.test(amount.trim()))
    throw new RowError(
      line,
      `valor inv\xE1lido "${amount},${indicators}": use ponto decimal (ex.: 1234.56) ou aspas`
    );
  const cents = parseAmount(amount);
  if (typeof cents === "string") throw new RowError(line, cents);
  return {
    kind: "R",
    line,
    cpf: cpf.length === 11 ? cpf : onlyDigits(cpf),
    seq: s,
    competence: c,
    amountCents: cents,
    indicators: indicators ? parseIndicators(indicators, line) : NO_INDICATORS
  };
}
const NO_INDICATORS = Object.freeze([]);
export {
  BENEFIT_STATUSES,
  COMPETENCE_SLOTS,
  NO_INDICATORS,
  RowError,
  competenceIndex,
  isIsoDate,
  parseAmount,
  parseEmployerDoc,
  parseIndicators,
  requireCpf,
  validateBenefit,
  validateLink,
  validatePerson,
  validateRemuneration
};
