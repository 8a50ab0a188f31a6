import { bigserial, pgTable, text, timestamp } from "drizzle-orm/pg-core";
const calcParameterValues = pgTable("calc_parameter_values", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  kind: text("kind", { enum: ["monthly_index", "minimum_wage", "teto", "readjustment"] }).notNull(),
  competence: text("competence").notNull(),
  validTo: text("valid_to"),
  value: text("value").notNull(),
  detail: text("detail"),
  legalAct: text("legal_act").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow()
});
export {
  calcParameterValues
};
