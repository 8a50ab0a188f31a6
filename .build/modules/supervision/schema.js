import { boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
const supFrameTasks = pgTable("sup_frame_tasks", {
  taskId: text("task_id").primaryKey(),
  requestId: text("request_id").notNull(),
  protocol: text("protocol").notNull(),
  serviceCode: text("service_code").notNull(),
  species: text("species").notNull(),
  srCode: text("sr_code"),
  gexCode: text("gex_code"),
  unitId: text("unit_id").notNull(),
  serverId: text("server_id"),
  queue: text("queue", { enum: ["regular", "extraordinary", "training"] }).notNull(),
  system: text("system", { enum: ["PAT", "SABI"] }).notNull(),
  subtasks: text("subtasks").array().notNull(),
  concludedAt: date("concluded_at", { mode: "string" }).notNull(),
  decision: text("decision", { enum: ["granted", "denied", "other"] }).notNull(),
  automatic: boolean("automatic").notNull(),
  inScope: boolean("in_scope").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow()
});
const supCycles = pgTable("sup_cycles", {
  id: uuid("id").primaryKey(),
  kind: text("kind", {
    enum: ["random", "extraordinary", "training_track", "targeted", "error_indication"]
  }).notNull(),
  label: text("label").notNull(),
  seed: text("seed").notNull(),
  params: jsonb("params").notNull().$type(),
  frameSha256: text("frame_sha256").notNull(),
  frameSize: integer("frame_size").notNull(),
  result: jsonb("result").notNull().$type(),
  dueDate: date("due_date", { mode: "string" }).notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow()
});
const supSupervisions = pgTable("sup_supervisions", {
  id: uuid("id").primaryKey(),
  cycleId: uuid("cycle_id").notNull(),
  cycleLabel: text("cycle_label").notNull(),
  taskId: text("task_id").notNull(),
  requestId: text("request_id").notNull(),
  protocol: text("protocol").notNull(),
  unitId: text("unit_id").notNull(),
  srCode: text("sr_code"),
  gexCode: text("gex_code"),
  serverId: text("server_id"),
  species: text("species").notNull(),
  serviceCode: text("service_code").notNull(),
  system: text("system").notNull(),
  origin: text("origin", {
    enum: ["random", "targeted", "error_indication", "extraordinary", "training_track"]
  }).notNull(),
  originLabel: text("origin_label").notNull(),
  criterion: text("criterion"),
  assignedTo: text("assigned_to"),
  dueDate: date("due_date", { mode: "string" }).notNull(),
  status: text("status", { enum: ["pending", "concluded"] }).notNull(),
  outcome: text("outcome", { enum: ["full_ratification", "ratified_with_revision", "not_ratified"] }),
  answers: jsonb("answers").$type(),
  nonconformities: text("nonconformities").array().notNull(),
  notes: text("notes"),
  revisionService: text("revision_service"),
  concludedAt: date("concluded_at", { mode: "string" }),
  concludedBy: text("concluded_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow()
});
const supChecklists = pgTable("sup_checklists", {
  version: integer("version").primaryKey(),
  config: jsonb("config").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow()
});
const supReferrals = pgTable("sup_referrals", {
  id: uuid("id").primaryKey(),
  serverId: text("server_id").notNull(),
  unitId: text("unit_id"),
  cycle: text("cycle").notNull(),
  supervised: integer("supervised").notNull(),
  fullCount: integer("full_count").notNull(),
  performanceIndex: numeric("performance_index", { precision: 5, scale: 2 }),
  notRatified: integer("not_ratified").notNull(),
  reasons: text("reasons").array().notNull(),
  proposedRemoval: boolean("proposed_removal").notNull(),
  status: text("status", { enum: ["referred", "removal_proposed", "defence_notified", "decided"] }).notNull(),
  defenceNotifiedAt: date("defence_notified_at", { mode: "string" }),
  defenceText: text("defence_text"),
  defenceReceivedAt: date("defence_received_at", { mode: "string" }),
  decision: text("decision", { enum: ["removed", "kept"] }),
  decisionReason: text("decision_reason"),
  decidedBy: text("decided_by"),
  decidedAt: date("decided_at", { mode: "string" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow()
});
export {
  supChecklists,
  supCycles,
  supFrameTasks,
  supReferrals,
  supSupervisions
};
