import { z } from "zod";
import {
  grantQueue,
  listQueueGrants,
  openAppointmentSlots,
  QUEUES,
  revokeQueueGrant,
  setEscalationRule
} from "./configure-queues.js";
const ctxOf = (req) => ({
  actor: req.actor,
  requestId: req.id
});
const TAG = ["requerimentos: administra\xE7\xE3o de filas"];
const Grant = z.object({
  staffId: z.uuid(),
  unitId: z.string().min(1).max(64),
  queue: z.enum(QUEUES),
  species: z.string().regex(/^(\*|\d{2})$/, "c\xF3digo de 2 d\xEDgitos ou *").default("*")
});
function requestsAdminRoutes(app, deps) {
  app.get(
    "/api/v1/queue-grants",
    {
      config: { permission: "requests.queues.manage" },
      schema: {
        tags: TAG,
        summary: "Lista quem pode pegar tarefas de quais filas",
        querystring: z.object({ unitId: z.string().max(64).optional(), staffId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(Grant.extend({ createdAt: z.string() })) }) }
      }
    },
    async (req) => ({ items: await listQueueGrants(deps, ctxOf(req), req.query) })
  );
  app.post(
    "/api/v1/queue-grants",
    {
      config: { permission: "requests.queues.manage", idempotent: true },
      schema: {
        tags: TAG,
        summary: "Autoriza um servidor a pegar tarefas de uma fila",
        body: Grant,
        response: { 201: Grant }
      }
    },
    async (req, reply) => reply.status(201).send(await grantQueue(deps, ctxOf(req), req.body))
  );
  app.post(
    "/api/v1/queue-grants/revoke",
    {
      config: { permission: "requests.queues.manage" },
      schema: {
        tags: TAG,
        summary: "Retira a autoriza\xE7\xE3o de um servidor numa fila",
        body: Grant,
        response: { 204: z.null() }
      }
    },
    async (req, reply) => {
      await revokeQueueGrant(deps, ctxOf(req), req.body);
      return reply.status(204).send(null);
    }
  );
  app.put(
    "/api/v1/escalation-rules/:unitId",
    {
      config: { permission: "requests.queues.manage" },
      schema: {
        tags: TAG,
        summary: "Define para onde e ap\xF3s quantos dias de atraso as tarefas da unidade s\xE3o escalonadas",
        params: z.object({ unitId: z.string().min(1).max(64) }),
        body: z.object({ target: z.string().min(1).max(64), daysPastDue: z.number().int().min(0).max(365) }),
        response: { 200: z.object({ unitId: z.string(), target: z.string(), daysPastDue: z.number() }) }
      }
    },
    async (req) => setEscalationRule(deps, ctxOf(req), { unitId: req.params.unitId, ...req.body })
  );
  app.post(
    "/api/v1/appointment-slots",
    {
      config: { permission: "requests.queues.manage" },
      schema: {
        tags: TAG,
        summary: "Abre vagas de per\xEDcia m\xE9dica ou avalia\xE7\xE3o social numa ag\xEAncia (dias \xFAteis do per\xEDodo)",
        body: z.object({
          unitId: z.string().min(1).max(64),
          kind: z.enum(["medical_exam", "social_evaluation"]),
          from: z.iso.date(),
          to: z.iso.date(),
          times: z.array(z.string()).min(1).max(24),
          capacity: z.number().int().min(1).max(100)
        }),
        response: { 201: z.object({ created: z.number() }) }
      }
    },
    async (req, reply) => reply.status(201).send(await openAppointmentSlots(deps, ctxOf(req), req.body))
  );
}
export {
  requestsAdminRoutes
};
