import { and, asc, eq } from "drizzle-orm";
import { Money } from "../../platform/values/index.js";
import {
  contribBenefits,
  contribLinks,
  contribPeople
} from "./schema.js";
async function findPersonByCpf(exec, cpf) {
  const rows = await exec.select().from(contribPeople).where(eq(contribPeople.cpf, cpf)).limit(1);
  return rows[0] ?? null;
}
async function linksOfPerson(exec, personId) {
  return exec.select().from(contribLinks).where(eq(contribLinks.personId, personId)).orderBy(asc(contribLinks.seq));
}
async function findLink(exec, personId, seq) {
  const rows = await exec.select().from(contribLinks).where(and(eq(contribLinks.personId, personId), eq(contribLinks.seq, seq))).limit(1);
  return rows[0] ?? null;
}
async function benefitsOfPerson(exec, personId) {
  return exec.select().from(contribBenefits).where(eq(contribBenefits.personId, personId)).orderBy(asc(contribBenefits.dib));
}
const personView = (p) => ({
  cpf: p.cpf,
  nit: p.nit,
  name: p.name,
  birthDate: p.birthDate,
  sex: p.sex ?? null,
  motherName: p.motherName
});
const linkView = (l) => ({
  seq: l.seq,
  employer: l.employerDoc,
  employerDocType: l.employerDocType,
  employerName: l.employerName,
  category: l.category,
  start: l.startDate,
  end: l.endDate,
  indicators: l.indicators,
  source: l.source
});
const STATUS_LABEL = { active: "Ativo", ceased: "Cessado", suspended: "Suspenso" };
const benefitView = (b) => ({
  nb: b.nb,
  species: b.species,
  dib: b.dib,
  dcb: b.dcb,
  status: b.status,
  statusLabel: STATUS_LABEL[b.status] ?? b.status
});
const centsToDecimal = (c) => Money.toDecimalString(c);
export {
  benefitView,
  benefitsOfPerson,
  centsToDecimal,
  findLink,
  findPersonByCpf,
  linkView,
  linksOfPerson,
  personView
};
