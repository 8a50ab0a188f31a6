/**
 * Competência: a calendar month "YYYY-MM" to which a contribution or payment refers.
 * Represented as the string (sortable, readable in JSON) with helpers that do integer month
 * arithmetic (index = year*12 + month-1).
 */
export type Competence = string & { readonly __brand: 'Competence' };

const RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export class CompetenceError extends Error {}

export const Competence = {
  isValid(text: string): boolean {
    return RE.test(text);
  },
  parse(text: string): Competence {
    if (!RE.test(text)) throw new CompetenceError(`competência inválida: "${text}" (use AAAA-MM)`);
    return text as Competence;
  },
  /** From "MM/AAAA", the form printed on the CNIS extract and the Portarias. */
  fromBr(text: string): Competence {
    const m = /^(0[1-9]|1[0-2])\/(\d{4})$/.exec(text.trim());
    if (!m) throw new CompetenceError(`competência inválida: "${text}" (use MM/AAAA)`);
    return `${m[2]}-${m[1]}` as Competence;
  },
  toBr(c: Competence): string {
    return `${c.slice(5, 7)}/${c.slice(0, 4)}`;
  },
  index(c: Competence): number {
    return Number(c.slice(0, 4)) * 12 + Number(c.slice(5, 7)) - 1;
  },
  fromIndex(i: number): Competence {
    const y = Math.floor(i / 12);
    const m = (i % 12) + 1;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}` as Competence;
  },
  add(c: Competence, months: number): Competence {
    return Competence.fromIndex(Competence.index(c) + months);
  },
  /** Months from a to b (b - a). */
  diff(a: Competence, b: Competence): number {
    return Competence.index(b) - Competence.index(a);
  },
  /** The competência of a calendar date "YYYY-MM-DD". */
  ofDate(date: string): Competence {
    return date.slice(0, 7) as Competence;
  },
  compare(a: Competence, b: Competence): number {
    return a < b ? -1 : a > b ? 1 : 0;
  },
  /** Inclusive range a..b. */
  range(a: Competence, b: Competence): Competence[] {
    const out: Competence[] = [];
    for (let i = Competence.index(a); i <= Competence.index(b); i++) out.push(Competence.fromIndex(i));
    return out;
  },
};
