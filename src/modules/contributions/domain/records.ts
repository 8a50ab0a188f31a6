import { Cnpj, Cpf, Nit } from '../../../platform/values';
import { CATEGORIES, type Category, isCategory } from './categories';
import { isIndicatorCode } from './indicators';

/**
 * The import records, whatever the file format: P (pessoa), V (vínculo), R (remuneração) and
 * B (benefício anterior). Each carries the line of the file it came from, for error messages.
 * Pure validation: strings in, typed values out, or a RowError with a pt-BR message.
 */
export interface PersonRecord {
  kind: 'P';
  line: number;
  cpf: string;
  nit: string | null;
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
}
export interface LinkRecord {
  kind: 'V';
  line: number;
  cpf: string;
  seq: number;
  employerDoc: string | null;
  employerDocType: 'cnpj' | 'cei' | 'cpf' | null;
  employerName: string | null;
  category: Category;
  start: string;
  end: string | null;
  indicators: string[];
}
export interface RemunerationRecord {
  kind: 'R';
  line: number;
  cpf: string;
  seq: number;
  /** "YYYY-MM" */
  competence: string;
  amountCents: number;
  indicators: string[];
}
export interface BenefitRecord {
  kind: 'B';
  line: number;
  cpf: string;
  nb: string;
  species: number;
  dib: string;
  dcb: string | null;
  status: BenefitStatus;
}
export type ImportRecord = PersonRecord | LinkRecord | RemunerationRecord | BenefitRecord;

export const BENEFIT_STATUSES = ['active', 'ceased', 'suspended'] as const;
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];

export class RowError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'RowError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date "YYYY-MM-DD" between 1900 and 2099. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2099 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Competence index (months since 1900-01), or -1 when malformed or out of 1900-01..2099-12. */
export function competenceIndex(s: string): number {
  // Hot path (once per imported row): character checks, no regular expression.
  if (s.length !== 7 || s.charCodeAt(4) !== 45 /* - */) return -1;
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
export const COMPETENCE_SLOTS = 200 * 12;

/** Largest single monthly amount accepted (R$ 10 million): guards against unit mistakes. */
const MAX_CENTS = 1_000_000_000;

/** "1234.56" / "1234.5" / "1234" → cents; negative or malformed → error message. */
export function parseAmount(s: string): number | string {
  // Fast path: digits, optional '.', one or two decimals, no spaces.
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
    if (s.charCodeAt(i) === 46 /* . */ && (n - i === 2 || n - i === 3)) {
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

function slowAmount(s: string): number | string {
  const t = s.trim();
  if (t.startsWith('-')) return `valor negativo "${t}" (remunerações não podem ser negativas)`;
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return `valor inválido "${t}" (use ponto decimal, ex.: 1234.56)`;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (cents > MAX_CENTS) return `valor "${t}" acima do limite aceito (R$ 10.000.000,00)`;
  return cents;
}

export function parseIndicators(s: string | readonly string[] | null | undefined, line: number): string[] {
  if (s == null || s === '') return [];
  const list = typeof s === 'string' ? s.split('|') : s;
  const out: string[] = [];
  for (const raw of list) {
    const code = String(raw).trim().toUpperCase();
    if (!code) continue;
    if (!isIndicatorCode(code)) throw new RowError(line, `indicador inválido "${raw}" (ex.: PEXT, AEXT-VI)`);
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

const onlyDigits = (s: string) => s.replace(/[.\-/\s]/g, '');

export function requireCpf(s: string, line: number, what = 'CPF'): string {
  const d = onlyDigits(s ?? '');
  if (!Cpf.isValid(d)) throw new RowError(line, `${what} inválido "${s ?? ''}"`);
  return d;
}

function requireSeq(s: string | number, line: number): number {
  const n = typeof s === 'number' ? s : Number(String(s).trim());
  if (!Number.isInteger(n) || n < 1 || n > 99_999)
    throw new RowError(line, `sequência do vínculo inválida "${s}"`);
  return n;
}

function requireDate(s: string, line: number, what: string): string {
  const t = (s ?? '').trim();
  if (!isIsoDate(t)) throw new RowError(line, `${what} inválida "${t}" (use AAAA-MM-DD)`);
  return t;
}

function optionalDate(s: string | null | undefined, line: number, what: string): string | null {
  if (s == null || String(s).trim() === '') return null;
  return requireDate(String(s), line, what);
}

/** Employer identifier: CNPJ (14 digits, check digits), CEI (12 digits) or CPF (11, e.g. domestic employer). */
export function parseEmployerDoc(
  s: string | null | undefined,
  line: number,
): { doc: string | null; type: 'cnpj' | 'cei' | 'cpf' | null } {
  if (s == null || String(s).trim() === '') return { doc: null, type: null };
  const d = onlyDigits(String(s));
  if (d.length === 14) {
    if (!Cnpj.isValid(d)) throw new RowError(line, `CNPJ do empregador inválido "${s}"`);
    return { doc: d, type: 'cnpj' };
  }
  if (d.length === 12 && /^\d{12}$/.test(d)) return { doc: d, type: 'cei' };
  if (d.length === 11) {
    if (!Cpf.isValid(d)) throw new RowError(line, `CPF do empregador inválido "${s}"`);
    return { doc: d, type: 'cpf' };
  }
  throw new RowError(line, `identificação do empregador inválida "${s}" (CNPJ, CEI ou CPF)`);
}

export interface RawPerson {
  cpf: string;
  nit?: string | null;
  name: string;
  birth_date: string;
  sex: string;
}
export function validatePerson(r: RawPerson, line: number): PersonRecord {
  const cpf = requireCpf(r.cpf, line);
  let nit: string | null = null;
  if (r.nit != null && String(r.nit).trim() !== '') {
    nit = onlyDigits(String(r.nit));
    if (!Nit.isValid(nit)) throw new RowError(line, `NIT inválido "${r.nit}"`);
  }
  const name = String(r.name ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  if (!name || name.length > 200)
    throw new RowError(line, 'nome ausente ou longo demais (máx. 200 caracteres)');
  const birthDate = requireDate(r.birth_date, line, 'data de nascimento');
  const sex = String(r.sex ?? '')
    .trim()
    .toUpperCase();
  if (sex !== 'M' && sex !== 'F') throw new RowError(line, `sexo inválido "${r.sex}" (use M ou F)`);
  return { kind: 'P', line, cpf, nit, name, birthDate, sex };
}

export interface RawLink {
  cpf: string;
  seq: string | number;
  employer?: string | null;
  employer_name?: string | null;
  category: string;
  start: string;
  end?: string | null;
  indicators?: string | readonly string[] | null;
}
export function validateLink(r: RawLink, line: number): LinkRecord {
  const cpf = requireCpf(r.cpf, line);
  const seq = requireSeq(r.seq, line);
  const emp = parseEmployerDoc(r.employer, line);
  const category = String(r.category ?? '').trim();
  if (!isCategory(category))
    throw new RowError(line, `categoria desconhecida "${category}" (use ${CATEGORIES.join(', ')})`);
  const start = requireDate(r.start, line, 'data de início do vínculo');
  const end = optionalDate(r.end, line, 'data de fim do vínculo');
  if (end && end < start) throw new RowError(line, `data de fim ${end} anterior ao início ${start}`);
  const employerName = r.employer_name == null ? null : String(r.employer_name).trim() || null;
  return {
    kind: 'V',
    line,
    cpf,
    seq,
    employerDoc: emp.doc,
    employerDocType: emp.type,
    employerName,
    category,
    start,
    end,
    indicators: parseIndicators(r.indicators, line),
  };
}

export interface RawBenefit {
  cpf: string;
  nb: string;
  species: string | number;
  dib: string;
  dcb?: string | null;
  status: string;
}
export function validateBenefit(r: RawBenefit, line: number): BenefitRecord {
  const cpf = requireCpf(r.cpf, line);
  const nb = onlyDigits(String(r.nb ?? ''));
  if (!/^\d{10}$/.test(nb)) throw new RowError(line, `NB inválido "${r.nb}" (10 dígitos)`);
  const species = Number(String(r.species).trim());
  if (!Number.isInteger(species) || species < 1 || species > 99)
    throw new RowError(line, `espécie de benefício inválida "${r.species}"`);
  const dib = requireDate(r.dib, line, 'DIB');
  const dcb = optionalDate(r.dcb, line, 'DCB');
  if (dcb && dcb < dib) throw new RowError(line, `DCB ${dcb} anterior à DIB ${dib}`);
  const status = String(r.status ?? '').trim();
  if (!(BENEFIT_STATUSES as readonly string[]).includes(status))
    throw new RowError(
      line,
      `situação do benefício desconhecida "${status}" (use ${BENEFIT_STATUSES.join(', ')})`,
    );
  return { kind: 'B', line, cpf, nb, species, dib, dcb, status: status as BenefitStatus };
}

/**
 * Hot path (millions of rows): validates an R record given as raw strings. The CPF is only
 * checked against the links declared earlier (whose CPF was fully validated), so no check-digit
 * computation per row.
 */
export function validateRemuneration(
  cpf: string,
  seq: string,
  competence: string,
  amount: string,
  indicators: string,
  line: number,
): RemunerationRecord {
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
    if (!Number.isInteger(t) || t < 1 || t > 99_999)
      throw new RowError(line, `sequência do vínculo inválida "${seq}"`);
    s = t;
  }
  const c = competenceIndex(competence) >= 0 ? competence : competence.trim();
  if (competenceIndex(c) < 0)
    throw new RowError(line, `competência malformada "${competence}" (use AAAA-MM)`);
  if (indicators && /^\d{1,2}$/.test(indicators) && /^-?\d+$/.test(amount.trim()))
    throw new RowError(
      line,
      `valor inválido "${amount},${indicators}": use ponto decimal (ex.: 1234.56) ou aspas`,
    );
  const cents = parseAmount(amount);
  if (typeof cents === 'string') throw new RowError(line, cents);
  return {
    kind: 'R',
    line,
    cpf: cpf.length === 11 ? cpf : onlyDigits(cpf),
    seq: s,
    competence: c,
    amountCents: cents,
    indicators: indicators ? parseIndicators(indicators, line) : NO_INDICATORS,
  };
}

/** Shared by every row without indicators (never mutated). */
export const NO_INDICATORS: string[] = Object.freeze([]) as unknown as string[];
