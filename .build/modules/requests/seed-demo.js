import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../../platform/auth/roles.js";
import { BusinessDays, LocalDate } from "../../platform/values/dates.js";
import { DEMO_CITIZEN_CPF, demoCpf } from "../identity/seed-demo.js";
import { unitDirectory } from "../organization/directory.js";
import { listStaff } from "../organization/list-staff.js";
import { answerExigencia } from "./answer-exigencia.js";
import { complyAppeal } from "./comply-appeal.js";
import { createRevisionTask } from "./create-revision-task.js";
import { decideRequest } from "./decide-request.js";
import { requiredAssessments } from "./domain/species.js";
import { expireExigencias } from "./expire-exigencias.js";
import { fileAppeal } from "./file-appeal.js";
import { fileRequest } from "./file-request.js";
import { flagOverdueTasks } from "./flag-overdue-tasks.js";
import { createAppointmentSlots } from "./list-appointment-slots.js";
import { openExigencia } from "./open-exigencia.js";
import { reassignTask } from "./reassign-task.js";
import { recordAppealDecision } from "./record-appeal-decision.js";
import { recordAttendance } from "./record-attendance.js";
import { registerPendency } from "./register-pendency.js";
import { scheduleAppointment } from "./schedule-appointment.js";
import { one, rows } from "./store.js";
const demoCount = () => Number(process.env.REQUESTS_DEMO_COUNT ?? 400);
const SPECIES = [
  ["41", 14],
  ["42", 8],
  ["31", 18],
  ["80", 10],
  ["21", 9],
  ["88", 7],
  ["87", 8],
  ["25", 2],
  ["32", 4],
  ["91", 4],
  ["36", 3],
  ["46", 3],
  ["57", 2]
];
const TARGETS = [
  "filed",
  "in_analysis",
  "awaiting_citizen",
  "awaiting_appointment",
  "awaiting_automatic",
  "granted",
  "denied",
  "granted_automatic",
  "denied_automatic",
  "under_appeal",
  "appeal_compliance",
  "appeal_complied",
  "under_revision"
];
const TARGET_WEIGHT = {
  filed: 14,
  in_analysis: 8,
  awaiting_citizen: 7,
  awaiting_appointment: 6,
  awaiting_automatic: 4,
  granted: 16,
  denied: 10,
  granted_automatic: 10,
  denied_automatic: 4,
  under_appeal: 5,
  appeal_compliance: 6,
  appeal_complied: 3,
  under_revision: 2
};
function weighted(random, entries) {
  const total = entries.reduce((n, [, w]) => n + w, 0);
  let x = random() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1][0];
}
const ctxOf = (actor, tag) => ({
  actor: {
    accountId: `demo:${tag}`,
    name: "Demonstra\xE7\xE3o",
    unitId: null,
    cpf: null,
    partnerEntityId: null,
    staffId: null,
    via: "system",
    sessionId: null,
    ...actor
  },
  requestId: `seed:${tag}`
});
async function seedRequests(deps, ctx) {
  const COUNT = demoCount();
  const random = ctx.random;
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const dir = await unitDirectory(deps);
  const agencies = dir.all.filter((u) => u.kind === "aps" && u.active);
  if (agencies.length === 0) return;
  const staff = (await listStaff(deps, null, { role: "analyst", limit: 500 })).items.filter((s) => s.active);
  const byUnit = /* @__PURE__ */ new Map();
  for (const s of staff) byUnit.set(s.unitId, [...byUnit.get(s.unitId) ?? [], s]);
  const srOf = (unitId) => dir.byId.get(unitId)?.path.split("/").filter(Boolean).find((p) => dir.byId.get(p)?.kind === "sr") ?? null;
  const realToday = LocalDate.ofInstant(deps.clock.now());
  for (const s of staff) {
    const unit = dir.byId.get(s.unitId);
    if (!unit) continue;
    const grant = (queue, unitId) => deps.db.orm.execute(
      sql`INSERT INTO req_queue_grants (staff_id, queue, unit_id) VALUES (${s.id}, ${queue}, ${unitId}) ON CONFLICT DO NOTHING`
    );
    const isNew = LocalDate.daysBetween(s.startDate, realToday) < 365;
    const targets = unit.kind === "ceab" ? agencies.filter((a) => srOf(a.id) === srOf(unit.id)).map((a) => a.id) : [unit.id];
    for (const u of targets) {
      await grant("regular", u);
      if (isNew) await grant("training", u);
      if (unit.kind === "ceab") await grant("extraordinary", u);
    }
  }
  await deps.db.orm.execute(
    sql`INSERT INTO req_escalation_rules (unit_id, target_unit_id, days_past_due) VALUES ('*', '@gex', 15) ON CONFLICT DO NOTHING`
  );
  let now = deps.clock.now();
  const sim = { ...deps, clock: { now: () => now } };
  const setDay = (d, hour = 10) => {
    now = /* @__PURE__ */ new Date(
      `${d}T${String(hour).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}:00-03:00`
    );
  };
  const later = (d, min, max) => {
    let n = LocalDate.addDays(d, min + Math.floor(random() * (max - min + 1)));
    if (LocalDate.daysBetween(n, realToday) < 0) n = realToday;
    return n;
  };
  const version = async (id) => (await one(deps.db.orm, sql`SELECT version FROM req_requests WHERE id = ${id}`)).version;
  const slotOn = async (unitId, kind, d) => {
    const day = BusinessDays.add(d, 0);
    await createAppointmentSlots(deps, {
      unitId,
      kind,
      from: day,
      to: day,
      times: ["08:00", "10:30", "14:00"],
      capacity: 6
    });
    return await one(
      deps.db.orm,
      sql`SELECT id, slot_date FROM req_appointment_slots WHERE unit_id = ${unitId} AND kind = ${kind} AND slot_date = ${day} AND booked < capacity ORDER BY start_time LIMIT 1`
    );
  };
  const admin = ctxOf({ role: "admin" }, "admin");
  const board = ctxOf({ role: "integration" }, "crps");
  const automatic = { actor: SYSTEM_ACTOR, requestId: "seed:automatico" };
  const bar = ctx.progress("Requerimentos de demonstra\xE7\xE3o", COUNT);
  for (let i = 0; i < COUNT; i++) {
    const unit = pick(agencies);
    const species = weighted(random, SPECIES);
    let target = weighted(
      random,
      TARGETS.map((t) => [t, TARGET_WEIGHT[t]])
    );
    const needsExam = requiredAssessments(species).length > 0;
    if (target === "awaiting_appointment" && !needsExam) target = "in_analysis";
    const longAgo = target === "appeal_compliance" && random() < 0.4;
    const age = longAgo ? 420 + Math.floor(random() * 200) : target === "awaiting_citizen" ? 5 + Math.floor(random() * 20) : Math.floor(random() * 200);
    const der = LocalDate.addDays(realToday, -age);
    setDay(der, 8 + Math.floor(random() * 9));
    const generatedCpf = demoCpf(random);
    const cpf = i % 40 === 0 ? DEMO_CITIZEN_CPF : generatedCpf;
    const channel = weighted(random, [
      ["self_service", 55],
      ["act_partner", 25],
      ["call_centre", 10],
      ["in_person", 10]
    ]);
    const analysts = [
      ...byUnit.get(unit.id) ?? [],
      ...staff.filter((s) => dir.byId.get(s.unitId)?.kind === "ceab" && srOf(s.unitId) === srOf(unit.id))
    ];
    const analyst = analysts.length ? pick(analysts) : pick(staff);
    const analystCtx = ctxOf(
      { role: "analyst", unitId: analyst.unitId, staffId: analyst.id },
      `analista:${analyst.registration}`
    );
    const filer = channel === "act_partner" ? ctxOf(
      { role: "partner", partnerEntityId: random() < 0.6 ? "ACT-0001" : "ACT-0002", unitId: unit.id },
      "parceiro"
    ) : channel === "self_service" ? ctxOf({ role: "citizen", cpf }, `cidadao:${i}`) : ctxOf({ role: "analyst", unitId: analyst.unitId, staffId: analyst.id }, "balcao");
    const citizenCtx = ctxOf({ role: "citizen", cpf }, `cidadao:${i}`);
    const queue = random() < 0.06 ? "extraordinary" : random() < 0.05 ? "training" : "regular";
    const filed = await fileRequest(sim, filer, {
      cpf,
      species,
      unitId: unit.id,
      channel: channel === "call_centre" ? "call_centre" : void 0,
      queue: filer.actor.role === "analyst" ? queue : void 0,
      representationTermRef: channel === "act_partner" ? `TR-${der.slice(0, 4)}-${String(i + 1).padStart(5, "0")}` : void 0,
      declared: { demonstracao: true }
    });
    const id = filed.request.id;
    bar.increment();
    if (target === "filed") continue;
    let d = der;
    const take = async () => {
      d = later(d, 1, 12);
      setDay(d, 9);
      await reassignTask(sim, admin, filed.taskId, {
        toStaffId: analyst.id,
        reason: "Distribui\xE7\xE3o da demonstra\xE7\xE3o"
      });
    };
    if (target === "awaiting_automatic" || target === "granted_automatic" || target === "denied_automatic") {
      d = later(d, 0, 2);
      setDay(d, 11);
      await registerPendency(sim, automatic, id, "Aguardando atualiza\xE7\xE3o do CNIS");
      if (target === "awaiting_automatic") continue;
      d = later(d, 1, 6);
      setDay(d, 3);
      await decideRequest(sim, automatic, id, {
        outcome: target === "granted_automatic" ? "granted" : "denied",
        reasons: [
          target === "granted_automatic" ? { code: "AUT-DEF", text: "Requisitos comprovados pelos dados do CNIS." } : { code: "AUT-IND", text: "Qualidade de segurado n\xE3o comprovada no CNIS." }
        ],
        legalBasis: target === "granted_automatic" ? "Lei 8.213/1991, arts. 48 e 142" : "Lei 8.213/1991, art. 15",
        expectedVersion: await version(id),
        calculation: target === "granted_automatic" ? { origem: "demonstra\xE7\xE3o", rmiCents: 151800 + Math.floor(random() * 4e5) } : void 0
      });
      continue;
    }
    await take();
    if (target === "in_analysis") continue;
    if (needsExam) {
      for (const kind of requiredAssessments(species)) {
        d = later(d, 0, 3);
        setDay(d, 10);
        const slot = await slotOn(unit.id, kind, LocalDate.addDays(d, 5 + Math.floor(random() * 36)));
        const appt = await scheduleAppointment(sim, analystCtx, id, { kind, slotId: slot.id });
        if (target === "awaiting_appointment" || LocalDate.daysBetween(slot.slot_date, realToday) < 0) break;
        d = slot.slot_date;
        setDay(d, 15);
        await recordAttendance(sim, analystCtx, appt.id, random() < 0.9 ? "attended" : "no_show");
      }
      const st = await one(
        deps.db.orm,
        sql`SELECT status FROM req_requests WHERE id = ${id}`
      );
      if (st?.status !== "in_analysis") continue;
    }
    if (target === "awaiting_citizen" || random() < 0.3) {
      d = later(d, 0, 5);
      setDay(d, 14);
      const ex = await openExigencia(sim, analystCtx, id, {
        items: [
          {
            kind: "document",
            category: "work_booklet",
            description: "Carteira de trabalho com todos os v\xEDnculos"
          }
        ]
      });
      if (target === "awaiting_citizen") continue;
      d = later(d, 3, 25);
      setDay(d, 16);
      await answerExigencia(sim, citizenCtx, ex.id, { note: "Documentos entregues na ag\xEAncia." });
    }
    const grant = target === "granted" || target === "under_revision";
    d = later(d, 1, 20);
    setDay(d, 11);
    await decideRequest(sim, analystCtx, id, {
      outcome: grant ? "granted" : "denied",
      reasons: [
        grant ? { code: "DEF-01", text: "Requisitos legais comprovados." } : { code: "IND-CAR", text: "Car\xEAncia m\xEDnima n\xE3o cumprida." }
      ],
      legalBasis: grant ? "Lei 8.213/1991, art. 48" : "Lei 8.213/1991, art. 25",
      expectedVersion: await version(id),
      calculation: grant ? { origem: "demonstra\xE7\xE3o", rmiCents: 151800 + Math.floor(random() * 6e5) } : void 0,
      subtasks: random() < 0.5 ? ["analise-cnis"] : ["analise-cnis", "acerto-vinculos"]
    });
    if (target === "under_revision") {
      const task = await one(
        deps.db.orm,
        sql`SELECT id FROM req_tasks WHERE request_id = ${id} AND kind = 'analysis'`
      );
      await deps.db.tx(
        (tx) => createRevisionTask(
          tx,
          sim,
          {
            supervisionId: `SUP-DEMO-${i}`,
            taskId: task.id,
            requestId: id,
            unitId: unit.id,
            serviceCode: random() < 0.5 ? "5172" : "17475",
            reason: "Amostra da supervis\xE3o t\xE9cnica"
          },
          `seed-${i}`
        )
      );
      continue;
    }
    if (target === "granted" || target === "denied") continue;
    d = later(d, 2, 25);
    setDay(d, 13);
    const appeal = await fileAppeal(sim, citizenCtx, id, {
      grounds: "Discordo do indeferimento: h\xE1 v\xEDnculos n\xE3o considerados no CNIS."
    });
    if (target === "under_appeal") continue;
    d = later(d, 30, 120);
    setDay(d, 10);
    const decided = await recordAppealDecision(sim, board, appeal.id, {
      outcome: "upheld",
      boardReference: `44233.${String(1e5 + i)}/${d.slice(0, 4)}-1${i % 10}`,
      decidedOn: d
    });
    void decided;
  }
  bar.stop();
  const compliance = await rows(
    deps.db.orm,
    sql`SELECT request_id, id, unit_id FROM req_tasks WHERE kind = 'appeal_compliance' AND status = 'open' ORDER BY created_at`
  );
  for (const [n, c] of compliance.entries()) {
    if (n % 3 !== 0) continue;
    const a = (byUnit.get(c.unit_id) ?? staff)[0] ?? staff[0];
    const actx = ctxOf({ role: "analyst", unitId: a.unitId, staffId: a.id }, "cumprimento");
    now = deps.clock.now();
    await reassignTask(sim, admin, c.id, { toStaffId: a.id, reason: "Distribui\xE7\xE3o da demonstra\xE7\xE3o" });
    await complyAppeal(sim, actx, c.request_id, "Benef\xEDcio implantado conforme ac\xF3rd\xE3o.");
  }
  for (const a of agencies) {
    await createAppointmentSlots(deps, {
      unitId: a.id,
      kind: "medical_exam",
      from: LocalDate.addDays(realToday, 1),
      to: LocalDate.addDays(realToday, 14),
      times: ["08:00", "14:00"],
      capacity: 4
    });
  }
  await expireExigencias(deps);
  await flagOverdueTasks(deps);
}
export {
  seedRequests
};
