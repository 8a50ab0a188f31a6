import { boolean, char, date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
const orgUnits = pgTable("org_units", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["national", "sr", "gex", "aps", "ceab"] }).notNull(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  parentId: text("parent_id"),
  path: text("path").notNull(),
  municipalityIbge: char("municipality_ibge", { length: 7 }),
  uf: char("uf", { length: 2 }),
  active: boolean("active").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull()
});
const orgStaff = pgTable("org_staff", {
  id: uuid("id").primaryKey(),
  registration: text("registration").notNull(),
  name: text("name").notNull(),
  cpf: char("cpf", { length: 11 }),
  unitId: text("unit_id").notNull(),
  roles: text("roles").array().notNull(),
  startDate: date("start_date", { mode: "string" }).notNull(),
  active: boolean("active").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull()
});
export {
  orgStaff,
  orgUnits
};
