import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import type { AppInstance } from '../../platform/http/types';
import { answerExigencia, answerExigenciaInput } from './answer-exigencia';
import { complyAppeal } from './comply-appeal';
import { decideInput, decideRequest } from './decide-request';
import { MAX_EXTENSION_DAYS } from './domain/exigencia';
import { DOCUMENT_CATEGORIES } from './domain/files';
import { extendExigencia } from './extend-exigencia';
import { fileAppeal, fileAppealInput } from './file-appeal';
import { fileRequest, fileRequestInput } from './file-request';
import { getDocumentContent } from './get-document-content';
import { getRequest } from './get-request';
import { getRequestStatus } from './get-request-status';
import { actionPlanIndicators } from './indicators';
import { listAppointmentSlots, listSlotsQuery } from './list-appointment-slots';
import {
  listAppeals,
  listAppealsQuery,
  listAppointments,
  listAppointmentsQuery,
  listDecisions,
  listDecisionsQuery,
  listExigencias,
  listExigenciasQuery,
} from './list-case-records';
import { listRequests, listRequestsQuery } from './list-requests';
import { getTask, listTasks, listTasksQuery } from './list-tasks';
import { openExigencia, openExigenciaInput } from './open-exigencia';
import { reassignInput, reassignTask } from './reassign-task';
import { appealDecisionInput, recordAppealDecision } from './record-appeal-decision';
import { recordAttendance } from './record-attendance';
import { registerPendency, resolvePendency } from './register-pendency';
import { releaseTask } from './release-task';
import {
  ActionPlanIndicators,
  AnsweredExigencia,
  AppealCompliance,
  AppealDecision,
  AppealPage,
  Appointment,
  AppointmentPage,
  AppointmentSlots,
  DecisionMade,
  DecisionPage,
  ExigenciaPage,
  ExtendedExigencia,
  Filed,
  FiledAppeal,
  OpenedExigencia,
  ReassignedTask,
  ReleasedTask,
  RequestDetail,
  RequestPage,
  RequestStatus,
  RequestTransition,
  Task,
  TaskDetail,
  TaskPage,
  TransferredTask,
  UploadedDocument,
} from './responses';
import { rescheduleAppointment, scheduleAppointment, scheduleInput } from './schedule-appointment';
import { takeNextTask } from './take-next-task';
import { transferTask } from './transfer-task';
import { uploadDocument } from './upload-document';

const ctxOf = (req: { actor: Ctx['actor'] | null; id: string }): Ctx => ({
  actor: req.actor!,
  requestId: req.id,
});
const Id = z.object({ id: z.string().uuid() });
const Reason = z.object({ reason: z.string().min(3).max(500) });
const TAG = ['requerimentos'];

export function requestsRoutes(app: AppInstance, deps: Deps) {
  app.post(
    '/api/v1/requests',
    {
      config: { permission: 'requests.file', idempotent: true },
      schema: {
        tags: TAG,
        summary: 'Protocola um requerimento (aceita Idempotency-Key)',
        body: fileRequestInput,
        response: { 201: Filed },
      },
    },
    async (req, reply) => {
      const r = await fileRequest(deps, ctxOf(req), req.body);
      reply.status(201);
      return {
        id: r.request.id,
        protocol: r.request.protocol,
        status: r.request.status,
        der: r.request.der,
        taskId: r.taskId,
        dueDate: r.dueDate,
      };
    },
  );

  app.get(
    '/api/v1/requests',
    {
      config: { permission: 'requests.read' },
      schema: {
        tags: TAG,
        summary: 'Lista requerimentos visíveis para você (filtros, paginação por cursor, ordenação)',
        querystring: listRequestsQuery,
        response: { 200: RequestPage },
      },
    },
    async (req) => listRequests(deps, ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/requests/:id',
    {
      config: { permission: 'requests.read' },
      schema: {
        tags: TAG,
        summary: 'Consulta um requerimento: situação, prazo, histórico e exigências',
        params: Id,
        response: { 200: RequestDetail },
      },
    },
    // The use case types the CHECK-constrained text columns as string and the jsonb ones (exigência
    // items, decision reasons and calculation) as unknown; their values are the schema's enums and
    // shapes, which the serializer checks on every answer.
    async (req) => (await getRequest(deps, ctxOf(req), req.params.id)) as z.output<typeof RequestDetail>,
  );

  app.get(
    '/api/v1/requests/:id/status',
    {
      config: { permission: 'requests.read' },
      schema: {
        tags: TAG,
        summary: 'Situação e prazo de um requerimento (sem dados pessoais)',
        params: Id,
        response: { 200: RequestStatus },
      },
    },
    async (req) => getRequestStatus(deps, ctxOf(req), req.params.id),
  );

  // Documents: the raw bytes are the body (Content-Type is not trusted: the type is detected from
  // the content). Encapsulated so the binary parsers and the larger body limit apply here only.
  app.register(async (plugin) => {
    const scoped = plugin as unknown as AppInstance;
    scoped.addContentTypeParser(
      ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png'],
      { parseAs: 'buffer', bodyLimit: deps.config.UPLOAD_MAX_FILE_BYTES },
      (_req, body, done) => done(null, body),
    );
    scoped.post(
      '/api/v1/requests/:id/documents',
      {
        config: { permission: 'requests.documents.upload', idempotent: true },
        bodyLimit: deps.config.UPLOAD_MAX_FILE_BYTES,
        schema: {
          tags: TAG,
          summary: 'Anexa um documento (PDF, JPEG ou PNG; corpo = bytes do arquivo)',
          params: Id,
          querystring: z.object({
            category: z.enum(DOCUMENT_CATEGORIES),
            fileName: z.string().min(1).max(1000),
          }),
          response: { 201: UploadedDocument },
        },
      },
      async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const doc = await uploadDocument(deps, ctxOf(req), req.params.id, {
          fileName: req.query.fileName,
          category: req.query.category,
          bytes: body,
        });
        reply.status(201);
        return doc;
      },
    );
  });

  app.get(
    '/api/v1/documents/:id/content',
    {
      config: { permission: 'requests.documents.read' },
      schema: { tags: TAG, summary: 'Conteúdo de um documento (por id, com autorização)', params: Id },
    },
    async (req, reply) => {
      const d = await getDocumentContent(deps, ctxOf(req), req.params.id);
      reply
        .type(d.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${d.fileName.replace(/[^\w. -]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      return reply.send(d.bytes);
    },
  );

  // Tasks
  app.get(
    '/api/v1/tasks',
    {
      config: { permission: 'requests.tasks.read' },
      schema: {
        tags: TAG,
        summary: 'Lista tarefas do seu escopo',
        querystring: listTasksQuery,
        response: { 200: TaskPage },
      },
    },
    async (req) => listTasks(deps, ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/tasks/:id',
    {
      config: { permission: 'requests.tasks.read' },
      schema: {
        tags: TAG,
        summary: 'Consulta uma tarefa com o prazo legal',
        params: Id,
        response: { 200: TaskDetail },
      },
    },
    async (req) => getTask(deps, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/tasks/take-next',
    {
      config: { permission: 'requests.tasks.take' },
      schema: {
        tags: TAG,
        summary: 'Pega a próxima tarefa mais urgente das suas filas (204 quando não há)',
        response: { 200: Task, 204: z.null().describe('Nenhuma tarefa nas suas filas') },
      },
    },
    async (req, reply) => {
      const t = await takeNextTask(deps, ctxOf(req));
      if (!t) return reply.code(204).send(null);
      return t;
    },
  );
  app.post(
    '/api/v1/tasks/:id/release',
    {
      config: { permission: 'requests.tasks.release' },
      schema: {
        tags: TAG,
        summary: 'Devolve a tarefa à fila',
        params: Id,
        body: Reason,
        response: { 200: ReleasedTask },
      },
    },
    async (req) => releaseTask(deps, ctxOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/v1/tasks/:id/transfer',
    {
      config: { permission: 'requests.tasks.transfer' },
      schema: {
        tags: TAG,
        summary: 'Envia a tarefa para outra unidade',
        params: Id,
        body: Reason.extend({ toUnitId: z.string().min(1).max(40) }),
        response: { 200: TransferredTask },
      },
    },
    async (req) => transferTask(deps, ctxOf(req), req.params.id, req.body.toUnitId, req.body.reason),
  );
  app.post(
    '/api/v1/tasks/:id/reassign',
    {
      config: { permission: 'requests.tasks.reassign' },
      schema: {
        tags: TAG,
        summary: 'Redistribui a tarefa (servidor e/ou fila)',
        params: Id,
        body: reassignInput,
        response: { 200: ReassignedTask },
      },
    },
    async (req) => reassignTask(deps, ctxOf(req), req.params.id, req.body),
  );

  // Exigências
  app.post(
    '/api/v1/requests/:id/exigencias',
    {
      config: { permission: 'requests.exigencias.open', idempotent: true },
      schema: {
        tags: TAG,
        summary: 'Abre uma exigência',
        params: Id,
        body: openExigenciaInput,
        response: { 201: OpenedExigencia },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return openExigencia(deps, ctxOf(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/exigencias/:id/answer',
    {
      config: { permission: 'requests.exigencias.answer' },
      schema: {
        tags: TAG,
        summary: 'Cumpre uma exigência com documentos já anexados',
        params: Id,
        body: answerExigenciaInput,
        response: { 200: AnsweredExigencia },
      },
    },
    async (req) => answerExigencia(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/exigencias/:id/extend',
    {
      config: { permission: 'requests.exigencias.extend' },
      schema: {
        tags: TAG,
        summary: 'Prorroga o prazo de uma exigência',
        description:
          'Uma única vez, por até o prazo regulamentar de novo (30 dias), a pedido justificado do requerente (Portaria DIRBEN/INSS 993/2022, art. 75); `reason` registra a justificativa.',
        params: Id,
        body: Reason.extend({ days: z.number().int().min(1).max(MAX_EXTENSION_DAYS) }),
        response: { 200: ExtendedExigencia },
      },
    },
    async (req) => extendExigencia(deps, ctxOf(req), req.params.id, req.body.days, req.body.reason),
  );

  // Appointments
  app.get(
    '/api/v1/appointment-slots',
    {
      config: { permission: 'requests.appointments.read' },
      schema: {
        tags: TAG,
        summary: 'Vagas livres de perícia / avaliação social',
        querystring: listSlotsQuery,
        response: { 200: AppointmentSlots },
      },
    },
    async (req) => listAppointmentSlots(deps, ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/requests/:id/appointments',
    {
      config: { permission: 'requests.appointments.schedule', idempotent: true },
      schema: {
        tags: TAG,
        summary: 'Agenda perícia médica / avaliação social',
        params: Id,
        body: scheduleInput,
        response: { 201: Appointment },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return scheduleAppointment(deps, ctxOf(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/appointments/:id/reschedule',
    {
      config: { permission: 'requests.appointments.schedule' },
      schema: {
        tags: TAG,
        summary: 'Reagenda',
        params: Id,
        body: Reason.extend({ slotId: z.string().uuid() }),
        response: { 200: Appointment },
      },
    },
    async (req) => rescheduleAppointment(deps, ctxOf(req), req.params.id, req.body.slotId, req.body.reason),
  );
  app.post(
    '/api/v1/appointments/:id/attendance',
    {
      config: { permission: 'requests.appointments.attend' },
      schema: {
        tags: TAG,
        summary: 'Registra comparecimento ou não comparecimento',
        params: Id,
        body: z.object({ outcome: z.enum(['attended', 'no_show']) }),
        response: { 200: Appointment },
      },
    },
    async (req) => recordAttendance(deps, ctxOf(req), req.params.id, req.body.outcome),
  );

  // Pendency for automatic analysis
  app.post(
    '/api/v1/requests/:id/pendency',
    {
      config: { permission: 'requests.pendency.register' },
      schema: {
        tags: TAG,
        summary: 'Registra pendência para análise automática',
        params: Id,
        body: Reason,
        response: { 200: RequestTransition },
      },
    },
    async (req) => registerPendency(deps, ctxOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/v1/requests/:id/pendency/resolve',
    {
      config: { permission: 'requests.pendency.resolve' },
      schema: {
        tags: TAG,
        summary: 'Devolve da análise automática para análise humana',
        params: Id,
        body: Reason,
        response: { 200: RequestTransition },
      },
    },
    async (req) => resolvePendency(deps, ctxOf(req), req.params.id, req.body.reason),
  );

  // Decisions
  app.post(
    '/api/v1/requests/:id/decisions',
    {
      config: { permission: 'requests.decide', idempotent: true },
      schema: {
        tags: TAG,
        summary: 'Decide (deferimento/indeferimento) com concorrência otimista',
        params: Id,
        body: decideInput,
        response: { 201: DecisionMade },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return decideRequest(deps, ctxOf(req), req.params.id, req.body);
    },
  );

  // Appeals
  app.post(
    '/api/v1/requests/:id/appeals',
    {
      config: { permission: 'requests.appeals.file', idempotent: true },
      schema: {
        tags: TAG,
        summary: 'Interpõe recurso contra o indeferimento',
        params: Id,
        body: fileAppealInput,
        response: { 201: FiledAppeal },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return fileAppeal(deps, ctxOf(req), req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/appeals/:id/decision',
    {
      config: { permission: 'requests.appeals.decide' },
      schema: {
        tags: TAG,
        summary: 'Registra a decisão da junta de recursos',
        params: Id,
        body: appealDecisionInput,
        response: { 200: AppealDecision },
      },
    },
    async (req) => recordAppealDecision(deps, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/requests/:id/appeal-compliance',
    {
      config: { permission: 'requests.appeals.comply' },
      schema: {
        tags: TAG,
        summary: 'Conclui o cumprimento da decisão recursal',
        params: Id,
        body: z.object({ note: z.string().min(3).max(2000) }),
        response: { 200: AppealCompliance },
      },
    },
    async (req) => complyAppeal(deps, ctxOf(req), req.params.id, req.body.note),
  );

  for (const [path, summary, query, fn, page] of [
    [
      '/api/v1/exigencias',
      'Lista exigências visíveis para você',
      listExigenciasQuery,
      listExigencias,
      ExigenciaPage,
    ],
    [
      '/api/v1/appointments',
      'Lista agendamentos visíveis para você',
      listAppointmentsQuery,
      listAppointments,
      AppointmentPage,
    ],
    [
      '/api/v1/decisions',
      'Lista decisões visíveis para você',
      listDecisionsQuery,
      listDecisions,
      DecisionPage,
    ],
    ['/api/v1/appeals', 'Lista recursos visíveis para você', listAppealsQuery, listAppeals, AppealPage],
  ] as const) {
    app.get(
      path,
      {
        config: { permission: 'requests.read' },
        schema: {
          tags: TAG,
          summary: `${summary} (filtros, paginação por cursor, ordenação por data)`,
          querystring: query,
          response: { 200: page },
        },
      },
      // Each entry pairs its own query and page schemas with its use case, whose rows are untyped
      // (Record<string, unknown>): the serializer checks every answer against the page schema.
      async (req) =>
        // biome-ignore lint/suspicious/noExplicitAny: see above
        (await (fn as (d: Deps, c: Ctx, q: any) => Promise<unknown>)(deps, ctxOf(req), req.query)) as never,
    );
  }

  app.get(
    '/api/v1/requests-indicators',
    {
      config: { permission: 'requests.indicators.read' },
      schema: {
        tags: TAG,
        summary: 'Indicadores do plano de ação (prazos, automação, recursos, agendamento)',
        response: { 200: ActionPlanIndicators },
      },
    },
    async (req) => actionPlanIndicators(deps, ctxOf(req)),
  );
}
