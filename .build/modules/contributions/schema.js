import { bigint, char, date, integer, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
const contribPeople = pgTable("contrib_people", {
  id: bigint("id", { mode: "number" }).primaryKey(),
  cpf: char("cpf", { length: 11 }).notNull(),
  nit: char("nit", { length: 11 }),
  name: text("name").notNull(),
  birthDate: date("birth_date", { mode: "string" }).notNull(),
  sex: char("sex", { length: 1 }),
  motherName: text("mother_name"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull()
});
const contribLinks = pgTable("contrib_links", {
  id: bigint("id", { mode: "number" }).primaryKey(),
  personId: bigint("person_id", { mode: "number" }).notNull(),
  seq: integer("seq").notNull(),
  employerDoc: text("employer_doc"),
  employerDocType: text("employer_doc_type"),
  employerName: text("employer_name"),
  category: text("category").notNull(),
  startDate: date("start_date", { mode: "string" }).notNull(),
  endDate: date("end_date", { mode: "string" }),
  indicators: text("indicators").array().notNull(),
  source: text("source").notNull()
});
const contribRemunerations = pgTable("contrib_remunerations", {
  linkId: bigint("link_id", { mode: "number" }).notNull(),
  competence: date("competence", { mode: "string" }).notNull(),
  part: smallint("part").notNull(),
  amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  indicators: text("indicators").array()
});
const contribBenefits = pgTable("contrib_benefits", {
  id: bigint("id", { mode: "number" }).primaryKey(),
  personId: bigint("person_id", { mode: "number" }).notNull(),
  nb: char("nb", { length: 10 }).notNull(),
  species: smallint("species").notNull(),
  seq: integer("seq"),
  dib: date("dib", { mode: "string" }).notNull(),
  dcb: date("dcb", { mode: "string" }),
  status: text("status").notNull(),
  source: text("source").notNull()
});
export {
  contribBenefits,
  contribLinks,
  contribPeople,
  contribRemunerations
};
