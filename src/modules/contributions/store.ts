import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { Money } from '../../platform/values';
import type { Category } from './domain/categories';
import type { BenefitStatus } from './domain/records';
import {
  type BenefitRow,
  contribBenefits,
  contribLinks,
  contribPeople,
  type LinkRow,
  type PersonRow,
} from './schema';

/** Queries and row → API shapes of this module's tables (contrib_*). */
export async function findPersonByCpf(exec: Executor, cpf: string): Promise<PersonRow | null> {
  const rows = await exec.select().from(contribPeople).where(eq(contribPeople.cpf, cpf)).limit(1);
  return rows[0] ?? null;
}

export async function linksOfPerson(exec: Executor, personId: number): Promise<LinkRow[]> {
  return exec
    .select()
    .from(contribLinks)
    .where(eq(contribLinks.personId, personId))
    .orderBy(asc(contribLinks.seq));
}

export async function findLink(exec: Executor, personId: number, seq: number): Promise<LinkRow | null> {
  const rows = await exec
    .select()
    .from(contribLinks)
    .where(and(eq(contribLinks.personId, personId), eq(contribLinks.seq, seq)))
    .limit(1);
  return rows[0] ?? null;
}

export async function benefitsOfPerson(exec: Executor, personId: number): Promise<BenefitRow[]> {
  return exec
    .select()
    .from(contribBenefits)
    .where(eq(contribBenefits.personId, personId))
    .orderBy(asc(contribBenefits.dib));
}

export interface PersonView {
  cpf: string;
  nit: string | null;
  name: string;
  birthDate: string;
  sex: 'M' | 'F' | null;
  motherName: string | null;
}
export const personView = (p: PersonRow): PersonView => ({
  cpf: p.cpf,
  nit: p.nit,
  name: p.name,
  birthDate: p.birthDate,
  sex: (p.sex as 'M' | 'F' | null) ?? null,
  motherName: p.motherName,
});

export interface LinkView {
  seq: number;
  employer: string | null;
  employerDocType: string | null;
  employerName: string | null;
  category: Category;
  start: string;
  end: string | null;
  indicators: string[];
  source: string;
}
export const linkView = (l: LinkRow): LinkView => ({
  seq: l.seq,
  employer: l.employerDoc,
  employerDocType: l.employerDocType,
  employerName: l.employerName,
  category: l.category as Category,
  start: l.startDate,
  end: l.endDate,
  indicators: l.indicators,
  source: l.source,
});

const STATUS_LABEL: Record<string, string> = { active: 'Ativo', ceased: 'Cessado', suspended: 'Suspenso' };
export const benefitView = (b: BenefitRow) => ({
  nb: b.nb,
  species: b.species,
  dib: b.dib,
  dcb: b.dcb,
  status: b.status as BenefitStatus,
  statusLabel: STATUS_LABEL[b.status] ?? b.status,
});

export const centsToDecimal = (c: number) => Money.toDecimalString(c);
