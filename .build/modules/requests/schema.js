import {
  bigint,
  bigserial,
  boolean,
  char,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid
} from "drizzle-orm/pg-core";
const reqRequests = pgTable("req_requests", {
  id: uuid("id").primaryKey(),
  protocol: text("protocol").notNull(),
  citizenCpf: char("citizen_cpf", { length: 11 }).notNull(),
  species: text("species").notNull(),
  serviceCode: text("service_code").notNull(),
  channel: text("channel", { enum: ["self_service", "act_partner", "call_centre", "in_person"] }).notNull(),
  filedByKind: text("filed_by_kind", { enum: ["citizen", "partner_representative", "staff"] }).notNull(),
  filedByAccountId: text("filed_by_account_id").notNull(),
  partnerEntityId: text("partner_entity_id"),
  representationTermRef: text("representation_term_ref"),
  der: date("der", { mode: "string" }).notNull(),
  declared: jsonb("declared").notNull(),
  unitId: text("unit_id").notNull(),
  status: text("status").notNull(),
  holderStaffId: text("holder_staff_id"),
  maxDays: integer("max_days"),
  version: integer("version").notNull(),
  decision: text("decision", { enum: ["granted", "denied"] }),
  decidedOn: date("decided_on", { mode: "string" }),
  isAutomatic: boolean("is_automatic").notNull(),
  documentBytes: bigint("document_bytes", { mode: "number" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull()
});
const reqRequestActions = pgTable("req_request_actions", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  requestId: uuid("request_id").notNull(),
  seq: integer("seq").notNull(),
  action: text("action").notNull(),
  statusAfter: text("status_after").notNull(),
  actorAccountId: text("actor_account_id").notNull(),
  actorRole: text("actor_role").notNull(),
  staffId: text("staff_id"),
  at: timestamp("at", { withTimezone: true }).notNull(),
  details: jsonb("details").notNull()
});
const reqClockEvents = pgTable("req_clock_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  requestId: uuid("request_id").notNull(),
  kind: text("kind", { enum: ["start", "pause", "resume", "stop"] }).notNull(),
  onDate: date("on_date", { mode: "string" }).notNull(),
  reason: text("reason").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull()
});
const reqDocuments = pgTable("req_documents", {
  id: uuid("id").primaryKey(),
  requestId: uuid("request_id").notNull(),
  sha256: char("sha256", { length: 64 }).notNull(),
  sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
  mediaType: text("media_type").notNull(),
  fileName: text("file_name").notNull(),
  category: text("category").notNull(),
  exigenciaId: uuid("exigencia_id"),
  uploadedByAccountId: text("uploaded_by_account_id").notNull(),
  uploadedByRole: text("uploaded_by_role").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull()
});
const reqTasks = pgTable("req_tasks", {
  id: uuid("id").primaryKey(),
  requestId: uuid("request_id").notNull(),
  kind: text("kind", { enum: ["analysis", "appeal_compliance", "revision"] }).notNull(),
  serviceCode: text("service_code").notNull(),
  species: text("species").notNull(),
  unitId: text("unit_id").notNull(),
  queue: text("queue", { enum: ["regular", "extraordinary", "training"] }).notNull(),
  queueKey: text("queue_key").notNull(),
  system: text("system", { enum: ["PAT", "SABI"] }).notNull(),
  status: text("status", { enum: ["open", "assigned", "waiting", "concluded", "cancelled"] }).notNull(),
  assigneeStaffId: text("assignee_staff_id"),
  assignedAt: timestamp("assigned_at", { withTimezone: true }),
  dueDate: date("due_date", { mode: "string" }),
  isOverdue: boolean("is_overdue").notNull(),
  escalatedToUnitId: text("escalated_to_unit_id"),
  escalatedAt: timestamp("escalated_at", { withTimezone: true }),
  subtasks: text("subtasks").array().notNull(),
  supervisionId: text("supervision_id"),
  reason: text("reason"),
  concludedAt: timestamp("concluded_at", { withTimezone: true }),
  concludedOn: date("concluded_on", { mode: "string" }),
  concludedByStaffId: text("concluded_by_staff_id"),
  concludedQueue: text("concluded_queue"),
  conclusion: text("conclusion", { enum: ["granted", "denied", "other"] }),
  isAutomatic: boolean("is_automatic").notNull(),
  version: integer("version").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdOn: date("created_on", { mode: "string" }).notNull()
});
const reqTaskActions = pgTable("req_task_actions", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  taskId: uuid("task_id").notNull(),
  action: text("action").notNull(),
  actorAccountId: text("actor_account_id").notNull(),
  staffId: text("staff_id"),
  fromUnitId: text("from_unit_id"),
  toUnitId: text("to_unit_id"),
  toStaffId: text("to_staff_id"),
  reason: text("reason"),
  at: timestamp("at", { withTimezone: true }).notNull(),
  details: jsonb("details").notNull()
});
const reqQueueGrants = pgTable(
  "req_queue_grants",
  {
    staffId: text("staff_id").notNull(),
    queue: text("queue", { enum: ["regular", "extraordinary", "training"] }).notNull(),
    unitId: text("unit_id").notNull(),
    species: text("species").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull()
  },
  (t) => [primaryKey({ columns: [t.staffId, t.queue, t.unitId, t.species] })]
);
const reqEscalationRules = pgTable("req_escalation_rules", {
  unitId: text("unit_id").primaryKey(),
  targetUnitId: text("target_unit_id").notNull(),
  daysPastDue: integer("days_past_due").notNull()
});
const reqExigencias = pgTable("req_exigencias", {
  id: uuid("id").primaryKey(),
  requestId: uuid("request_id").notNull(),
  taskId: uuid("task_id"),
  items: jsonb("items").notNull(),
  openedOn: date("opened_on", { mode: "string" }).notNull(),
  dueDate: date("due_date", { mode: "string" }).notNull(),
  extensions: integer("extensions").notNull(),
  status: text("status", { enum: ["open", "answered", "expired"] }).notNull(),
  answeredOn: date("answered_on", { mode: "string" }),
  answerNote: text("answer_note"),
  expiredOn: date("expired_on", { mode: "string" }),
  openedByStaffId: text("opened_by_staff_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull()
});
const reqAppointmentSlots = pgTable("req_appointment_slots", {
  id: uuid("id").primaryKey(),
  unitId: text("unit_id").notNull(),
  kind: text("kind", { enum: ["medical_exam", "social_evaluation"] }).notNull(),
  slotDate: date("slot_date", { mode: "string" }).notNull(),
  startTime: text("start_time").notNull(),
  capacity: integer("capacity").notNull(),
  booked: integer("booked").notNull()
});
const reqAppointments = pgTable("req_appointments", {
  id: uuid("id").primaryKey(),
  requestId: uuid("request_id").notNull(),
  slotId: uuid("slot_id").notNull(),
  kind: text("kind", { enum: ["medical_exam", "social_evaluation"] }).notNull(),
  unitId: text("unit_id").notNull(),
  appointmentDate: date("appointment_date", { mode: "string" }).notNull(),
  startTime: text("start_time").notNull(),
  status: text("status", { enum: ["scheduled", "rescheduled", "attended", "no_show"] }).notNull(),
  scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
  scheduledOn: date("scheduled_on", { mode: "string" }).notNull(),
  attendedOn: date("attended_on", { mode: "string" }),
  replacesId: uuid("replaces_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull()
});
const reqDecisions = pgTable("req_decisions", {
  id: uuid("id").primaryKey(),
  requestId: uuid("request_id").notNull(),
  taskId: uuid("task_id"),
  outcome: text("outcome", { enum: ["granted", "denied"] }).notNull(),
  reasons: jsonb("reasons").notNull(),
  legalBasis: text("legal_basis").notNull(),
  calculation: jsonb("calculation"),
  decidedByStaffId: text("decided_by_staff_id"),
  isAutomatic: boolean("is_automatic").notNull(),
  decidedOn: date("decided_on", { mode: "string" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull()
});
const reqAppeals = pgTable("req_appeals", {
  id: uuid("id").primaryKey(),
  requestId: uuid("request_id").notNull(),
  decisionId: uuid("decision_id").notNull(),
  filedOn: date("filed_on", { mode: "string" }).notNull(),
  filedByAccountId: text("filed_by_account_id").notNull(),
  grounds: text("grounds").notNull(),
  status: text("status", { enum: ["filed", "upheld", "dismissed"] }).notNull(),
  boardReference: text("board_reference"),
  boardDecidedOn: date("board_decided_on", { mode: "string" }),
  complianceTaskId: uuid("compliance_task_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull()
});
export {
  reqAppeals,
  reqAppointmentSlots,
  reqAppointments,
  reqClockEvents,
  reqDecisions,
  reqDocuments,
  reqEscalationRules,
  reqExigencias,
  reqQueueGrants,
  reqRequestActions,
  reqRequests,
  reqTaskActions,
  reqTasks
};
