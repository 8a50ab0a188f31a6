import { z } from "zod";
import { assignSupervision } from "./assign-supervision.js";
import { concludeSupervision } from "./conclude-supervision.js";
import { createErrorIndication } from "./create-error-indication.js";
import { createTargetedSelection } from "./create-targeted-selection.js";
import { ORIGINS, OUTCOMES } from "./domain/types.js";
import { generateReport } from "./generate-report.js";
import { getIndicators } from "./get-indicators.js";
import { listReferrals } from "./list-referrals.js";
import { getSupervision, listSupervisions } from "./list-supervisions.js";
import { recordReferralDecision } from "./record-referral-decision.js";
import { runExtraordinarySample } from "./run-extraordinary-sample.js";
import { runMonthlySample } from "./run-monthly-sample.js";
import { runReferrals } from "./run-referrals.js";
import { runTrainingTrack } from "./run-training-track.js";
import { organizationStaffDirectory } from "./staff-directory.js";
import { ChecklistInput, getChecklist, updateChecklist } from "./update-checklist.js";
const ChecklistOutput = ChecklistInput.extend({ version: z.number() });
const ctxOf = (req) => ({
  actor: req.actor,
  requestId: req.id
});
const TAGS = ["supervis\xE3o t\xE9cnica"];
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "use AAAA-MM");
const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, "use AAAA-Qn");
const Seed = z.string().min(1).max(200);
const Supervision = z.object({
  id: z.string(),
  cycleId: z.string(),
  cycle: z.string(),
  taskId: z.string(),
  requestId: z.string(),
  protocol: z.string(),
  unitId: z.string(),
  sr: z.string().nullable(),
  gex: z.string().nullable(),
  serverId: z.string().nullable().describe("nulo quando a conclus\xE3o foi autom\xE1tica"),
  species: z.string(),
  serviceCode: z.string(),
  origin: z.enum(ORIGINS),
  originLabel: z.string(),
  criterion: z.string().nullable(),
  assignedTo: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(["pending", "concluded"]),
  outcome: z.enum(OUTCOMES).nullable(),
  nonconformities: z.array(z.string()),
  revisionService: z.string().nullable(),
  concludedAt: z.string().nullable()
});
const toSupervision = (r) => ({
  id: r.id,
  cycleId: r.cycleId,
  cycle: r.cycleLabel,
  taskId: r.taskId,
  requestId: r.requestId,
  protocol: r.protocol,
  unitId: r.unitId,
  sr: r.srCode,
  gex: r.gexCode,
  serverId: r.serverId,
  species: r.species,
  serviceCode: r.serviceCode,
  origin: r.origin,
  originLabel: r.originLabel,
  criterion: r.criterion,
  assignedTo: r.assignedTo,
  dueDate: r.dueDate,
  status: r.status,
  outcome: r.outcome,
  nonconformities: r.nonconformities,
  revisionService: r.revisionService,
  concludedAt: r.concludedAt
});
const Interval = z.object({ low: z.number(), high: z.number() });
const IndicatorGroup = z.object({
  key: z.string(),
  total: z.number(),
  full: z.number(),
  revision: z.number(),
  notRatified: z.number(),
  icon: z.number().nullable(),
  idr: z.number().nullable(),
  ipr: z.number().nullable(),
  idnr: z.number().nullable(),
  ci95: z.object({ icon: Interval, idr: Interval, ipr: Interval, idnr: Interval }).nullable()
});
const CycleResult = z.object({
  cycleId: z.string(),
  seed: z.string(),
  frameSha256: z.string(),
  dueDate: z.string(),
  supervisions: z.number()
}).loose();
const Referral = z.object({
  id: z.string(),
  serverId: z.string(),
  unitId: z.string().nullable(),
  cycle: z.string(),
  supervised: z.number(),
  performanceIndex: z.string().nullable(),
  notRatified: z.number(),
  reasons: z.array(z.string()),
  proposedRemoval: z.boolean(),
  status: z.string(),
  defenceNotifiedAt: z.string().nullable(),
  defenceReceivedAt: z.string().nullable(),
  decision: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable()
});
const toReferral = (r) => ({
  id: r.id,
  serverId: r.serverId,
  unitId: r.unitId,
  cycle: r.cycle,
  supervised: r.supervised,
  performanceIndex: r.performanceIndex,
  notRatified: r.notRatified,
  reasons: r.reasons,
  proposedRemoval: r.proposedRemoval,
  status: r.status,
  defenceNotifiedAt: r.defenceNotifiedAt,
  defenceReceivedAt: r.defenceReceivedAt,
  decision: r.decision,
  decisionReason: r.decisionReason,
  decidedAt: r.decidedAt
});
function supervisionRoutes(app, deps) {
  const staff = () => organizationStaffDirectory(deps);
  app.get(
    "/api/v1/supervision/supervisions",
    {
      config: { permission: "supervision.read" },
      schema: {
        tags: TAGS,
        summary: "Lista as supervis\xF5es t\xE9cnicas do seu escopo",
        querystring: z.object({
          status: z.enum(["pending", "concluded"]).optional(),
          origin: z.enum(ORIGINS).optional(),
          cycle: z.string().max(40).optional(),
          assignedToMe: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
          cursor: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50)
        }),
        response: { 200: z.object({ items: z.array(Supervision), nextCursor: z.string().nullable() }) }
      }
    },
    async (req) => {
      const r = await listSupervisions(deps, ctxOf(req), req.query);
      return { items: r.items.map(toSupervision), nextCursor: r.nextCursor };
    }
  );
  app.get(
    "/api/v1/supervision/supervisions/:id",
    {
      config: { permission: "supervision.read" },
      schema: {
        tags: TAGS,
        summary: "Consulta uma supervis\xE3o com o checklist da esp\xE9cie (art. 5\xBA)",
        params: z.object({ id: z.uuid() }),
        response: {
          200: Supervision.extend({
            answers: z.record(z.string(), z.boolean()).nullable(),
            notes: z.string().nullable(),
            criteria: z.array(
              z.object({ code: z.string(), kind: z.enum(["material", "formal"]), label: z.string() })
            )
          })
        }
      }
    },
    async (req) => {
      const r = await getSupervision(deps, ctxOf(req), req.params.id);
      return { ...toSupervision(r), answers: r.answers ?? null, notes: r.notes, criteria: r.criteria };
    }
  );
  app.post(
    "/api/v1/supervision/supervisions/:id/conclusion",
    {
      config: { permission: "supervision.conclude" },
      schema: {
        tags: TAGS,
        summary: "Conclui a supervis\xE3o (ratifica\xE7\xE3o plena, ratificada com revis\xE3o ou n\xE3o ratificada)",
        params: z.object({ id: z.uuid() }),
        body: z.object({
          outcome: z.enum(OUTCOMES),
          answers: z.record(z.string(), z.boolean()).describe("crit\xE9rio \u2192 conforme (true) ou n\xE3o conforme (false)"),
          notes: z.string().max(4e3).nullable().optional()
        }),
        response: {
          200: z.object({
            id: z.string(),
            status: z.literal("concluded"),
            outcome: z.enum(OUTCOMES),
            nonconformities: z.array(z.string()),
            revisionService: z.string().nullable(),
            concludedAt: z.string()
          })
        }
      }
    },
    async (req) => concludeSupervision(deps, ctxOf(req), { id: req.params.id, ...req.body })
  );
  app.post(
    "/api/v1/supervision/supervisions/:id/assignment",
    {
      config: { permission: "supervision.assign" },
      schema: {
        tags: TAGS,
        summary: "Designa ou redesigna a supervis\xE3o a um supervisor da equipe da SR (art. 7\xBA, \xA73\xBA)",
        params: z.object({ id: z.uuid() }),
        body: z.object({ supervisorId: z.uuid() }),
        response: { 200: z.object({ id: z.string(), assignedTo: z.string() }) }
      }
    },
    async (req) => assignSupervision(deps, ctxOf(req), staff(), {
      id: req.params.id,
      supervisorId: req.body.supervisorId
    })
  );
  app.post(
    "/api/v1/supervision/cycles/monthly",
    {
      config: { permission: "supervision.sample", idempotent: true },
      schema: {
        tags: TAGS,
        summary: "Sorteia a amostra aleat\xF3ria mensal por SR (art. 7\xBA)",
        body: z.union([
          z.object({ month: Month, seed: Seed, size: z.number().int().min(1) }),
          z.object({
            month: Month,
            seed: Seed,
            confidence: z.number().gt(0).lt(1).default(0.95),
            margin: z.number().gt(0).lt(1).default(0.05),
            expected: z.number().min(0).max(1).default(0.5)
          })
        ]),
        response: { 201: CycleResult }
      }
    },
    async (req, reply) => {
      const b = req.body;
      const sizing = "size" in b ? { kind: "fixed", size: b.size } : {
        kind: "statistical",
        confidence: b.confidence,
        margin: b.margin,
        expected: b.expected
      };
      return reply.status(201).send(await runMonthlySample(deps, ctxOf(req), staff(), { month: b.month, seed: b.seed, sizing }));
    }
  );
  app.post(
    "/api/v1/supervision/cycles/extraordinary",
    {
      config: { permission: "supervision.sample", idempotent: true },
      schema: {
        tags: TAGS,
        summary: "Sorteia a amostra estratificada trimestral das filas extraordin\xE1rias (arts. 10 a 12)",
        body: z.object({ quarter: Quarter, seed: Seed }),
        response: { 201: CycleResult }
      }
    },
    async (req, reply) => reply.status(201).send(await runExtraordinarySample(deps, ctxOf(req), staff(), req.body))
  );
  app.post(
    "/api/v1/supervision/cycles/training-track",
    {
      config: { permission: "supervision.sample", idempotent: true },
      schema: {
        tags: TAGS,
        summary: "Sorteia as tarefas da Trilha de Forma\xE7\xE3o dos novos servidores (arts. 16 a 21)",
        body: z.object({
          date: z.iso.date(),
          seed: Seed,
          perServer: z.number().int().min(1).max(10).optional()
        }),
        response: { 201: CycleResult }
      }
    },
    async (req, reply) => reply.status(201).send(await runTrainingTrack(deps, ctxOf(req), staff(), req.body))
  );
  app.post(
    "/api/v1/supervision/targeted-selections",
    {
      config: { permission: "supervision.sample", idempotent: true },
      schema: {
        tags: TAGS,
        summary: "Registra uma sele\xE7\xE3o direcionada com o seu crit\xE9rio (art. 8\xBA); fora dos indicadores",
        body: z.object({
          label: z.string().min(3).max(40),
          taskIds: z.array(z.string().min(1)).min(1).max(5e3),
          criterion: z.string().min(5).max(1e3)
        }),
        response: {
          201: z.object({
            cycleId: z.string(),
            label: z.string(),
            dueDate: z.string(),
            supervisions: z.number()
          })
        }
      }
    },
    async (req, reply) => reply.status(201).send(await createTargetedSelection(deps, ctxOf(req), staff(), req.body))
  );
  app.post(
    "/api/v1/supervision/error-indications",
    {
      config: { permission: "supervision.indicate", idempotent: true },
      schema: {
        tags: TAGS,
        summary: "Registra uma indica\xE7\xE3o de erro administrativo para supervis\xE3o (art. 3\xBA, \xA71\xBA)",
        body: z.object({ taskId: z.string().min(1), description: z.string().min(5).max(2e3) }),
        response: { 201: z.object({ cycleId: z.string(), cycle: z.string(), supervisionId: z.string() }) }
      }
    },
    async (req, reply) => reply.status(201).send(await createErrorIndication(deps, ctxOf(req), staff(), req.body))
  );
  app.get(
    "/api/v1/supervision/indicators",
    {
      config: { permission: "supervision.read" },
      schema: {
        tags: TAGS,
        summary: "Indicadores ICON, IDR, IPR e IDNR da amostra aleat\xF3ria (art. 9\xBA)",
        querystring: z.object({
          cycle: z.string().max(40).optional(),
          by: z.enum(["sr", "gex", "server", "cycle", "all"]).default("all")
        }),
        response: {
          200: z.object({ cycle: z.string().nullable(), by: z.string(), groups: z.array(IndicatorGroup) })
        }
      }
    },
    async (req) => getIndicators(deps, ctxOf(req), req.query)
  );
  app.post(
    "/api/v1/supervision/referrals/runs",
    {
      config: { permission: "supervision.referrals.manage", idempotent: true },
      schema: {
        tags: TAGS,
        summary: "Calcula o \xCDndice de Performance e os encaminhamentos para capacita\xE7\xE3o de um ciclo (arts. 13 e 14)",
        body: z.object({ cycle: z.string().min(4).max(40) }),
        response: {
          201: z.object({
            cycle: z.string(),
            servers: z.array(
              z.object({
                serverId: z.string(),
                supervised: z.number(),
                full: z.number(),
                performanceIndex: z.number().nullable(),
                notRatified: z.number(),
                reasons: z.array(z.string()),
                proposedRemoval: z.boolean(),
                previousReferrals: z.array(z.string())
              })
            )
          })
        }
      }
    },
    async (req, reply) => reply.status(201).send(await runReferrals(deps, ctxOf(req), req.body))
  );
  app.get(
    "/api/v1/supervision/referrals",
    {
      config: { permission: "supervision.read" },
      schema: {
        tags: TAGS,
        summary: "Lista encaminhamentos para capacita\xE7\xE3o e propostas de desligamento (art. 14)",
        querystring: z.object({
          cycle: z.string().max(40).optional(),
          cursor: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50)
        }),
        response: { 200: z.object({ items: z.array(Referral), nextCursor: z.string().nullable() }) }
      }
    },
    async (req) => {
      const r = await listReferrals(deps, ctxOf(req), req.query);
      return { items: r.items.map(toReferral), nextCursor: r.nextCursor };
    }
  );
  app.post(
    "/api/v1/supervision/referrals/:id/actions",
    {
      config: { permission: "supervision.referrals.manage" },
      schema: {
        tags: TAGS,
        summary: "Registra a notifica\xE7\xE3o, a defesa ou a decis\xE3o sobre a proposta de desligamento (art. 14, par\xE1grafo \xFAnico)",
        params: z.object({ id: z.uuid() }),
        body: z.discriminatedUnion("action", [
          z.object({ action: z.literal("notify_defence") }),
          z.object({ action: z.literal("record_defence"), defence: z.string().min(3).max(1e4) }),
          z.object({
            action: z.literal("decide"),
            decision: z.enum(["removed", "kept"]),
            reason: z.string().min(10).max(4e3)
          })
        ]),
        response: { 200: Referral }
      }
    },
    async (req) => toReferral(await recordReferralDecision(deps, ctxOf(req), req.params.id, req.body))
  );
  app.get(
    "/api/v1/supervision/checklist",
    {
      config: { permission: "supervision.read" },
      schema: {
        tags: TAGS,
        summary: "Checklist de crit\xE9rios materiais e formais por esp\xE9cie (art. 5\xBA)",
        response: { 200: ChecklistOutput }
      }
    },
    async () => getChecklist(deps)
  );
  app.put(
    "/api/v1/supervision/checklist",
    {
      config: { permission: "supervision.checklist.manage" },
      schema: {
        tags: TAGS,
        summary: "Publica uma nova vers\xE3o do checklist (art. 5\xBA)",
        body: ChecklistInput,
        response: { 200: ChecklistOutput }
      }
    },
    async (req) => updateChecklist(deps, ctxOf(req), req.body)
  );
  app.get(
    "/api/v1/supervision/report",
    {
      config: { permission: "supervision.report" },
      schema: {
        tags: TAGS,
        summary: "Relat\xF3rio para Coben e SGBEN (PDF ou XLSX, arts. 15 e 22)",
        querystring: z.object({ format: z.enum(["pdf", "xlsx"]).default("pdf") })
      }
    },
    async (req, reply) => {
      const r = await generateReport(deps, ctxOf(req), req.query);
      return reply.type(r.contentType).header("content-disposition", `attachment; filename="${r.fileName}"`).send(r.bytes);
    }
  );
}
export {
  supervisionRoutes
};
