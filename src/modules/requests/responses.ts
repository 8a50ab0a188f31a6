import { z } from 'zod';
import { DOCUMENT_CATEGORIES } from './domain/files';
import { ACTIONS, STATUSES } from './domain/lifecycle';
import { QUEUE_KINDS } from './domain/queues';
import { CHANNELS } from './file-request';

/**
 * Response schemas of the requests routes (OpenAPI document and serializer: a field missing here
 * is stripped from the answer, a field the handler does not return is a 500). Each one mirrors
 * what its use case returns — the presenters in views.ts and the objects built in the use cases —
 * and response-shapes.test.ts checks, at compile time, that the field names match.
 *
 * Enums only where the use case's type is a union, the column has a CHECK constraint or the jsonb
 * holds an input validated on the way in (exigência items, decision reasons); a plain text column
 * stays z.string(), so an old row never makes a read fail.
 */

const Day = z.string().describe('Data (AAAA-MM-DD)');
const Instant = z.string().describe('Instante (ISO 8601, UTC)');

export const Clock = z
  .object({
    state: z.enum(['not_started', 'running', 'paused', 'stopped']),
    maxDays: z.number().int(),
    elapsedDays: z.number().int(),
    pausedDays: z.number().int(),
    dueDate: z.string().nullable(),
    remainingDays: z.number().int(),
    isOverdue: z.boolean(),
    daysOverdue: z.number().int(),
  })
  .nullable()
  .describe('Prazo legal (acordo STF RE 1.171.152; dias corridos, vencimento prorrogado ao dia útil)');
export const AllowedAction = z.object({ action: z.string(), label: z.string() });
export const Filed = z.object({
  id: z.string(),
  protocol: z.string(),
  status: z.string(),
  der: z.string(),
  taskId: z.string(),
  dueDate: z.string().nullable(),
});
export const RequestStatus = z.object({
  id: z.string(),
  protocol: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  allowedActions: z.array(AllowedAction),
  version: z.number().int(),
  updatedAt: z.string(),
  deadline: Clock,
});
export const Task = z.object({
  id: z.string(),
  requestId: z.string(),
  protocol: z.string().nullable(),
  kind: z.enum(['analysis', 'appeal_compliance', 'revision']),
  serviceCode: z.string(),
  species: z.string(),
  unitId: z.string(),
  queue: z.enum(['regular', 'extraordinary', 'training']),
  system: z.enum(['PAT', 'SABI']),
  status: z.enum(['open', 'assigned', 'waiting', 'concluded', 'cancelled']),
  assigneeStaffId: z.string().nullable(),
  assignedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  isOverdue: z.boolean(),
  escalatedToUnitId: z.string().nullable(),
  subtasks: z.array(z.string()),
  reason: z.string().nullable(),
  concludedOn: z.string().nullable(),
  concludedByStaffId: z.string().nullable(),
  conclusion: z.enum(['granted', 'denied', 'other']).nullable(),
  isAutomatic: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  deadline: Clock,
});

/** A keyset-paginated list ({ items, nextCursor }), as the list use cases return it. */
const page = <T extends z.ZodType>(item: T, what: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .describe('Cursor opaco da próxima página (parâmetro cursor); nulo na última página'),
    })
    .describe(what);

// Requests (views.ts presentRequest, get-request.ts)

export const Request = z
  .object({
    id: z.string(),
    protocol: z.string(),
    cpf: z.string().describe('CPF do requerente (11 dígitos)'),
    species: z.string().describe('Espécie do benefício (código B, 2 dígitos)'),
    serviceCode: z.string(),
    channel: z.enum(CHANNELS),
    filedBy: z
      .object({
        kind: z.enum(['citizen', 'partner_representative', 'staff']),
        partnerEntityId: z.string().nullable(),
        representationTermRef: z.string().nullable().describe('Termo de representação (ACT)'),
      })
      .describe('Quem protocolou: o próprio requerente, entidade parceira (ACT) ou servidor'),
    der: Day.describe('Data de entrada do requerimento (DER)'),
    unitId: z.string(),
    status: z.enum(STATUSES),
    statusLabel: z.string(),
    allowedActions: z.array(AllowedAction),
    holderStaffId: z
      .string()
      .nullable()
      .describe(
        'Servidor que está com o requerimento (só para servidores; null para cidadão, parceiro e integração)',
      ),
    version: z.number().int().describe('Versão (concorrência otimista: expectedVersion)'),
    decision: z.enum(['granted', 'denied']).nullable(),
    decidedOn: Day.nullable(),
    isAutomatic: z.boolean().describe('Decidido pelo reconhecimento automático'),
    declared: z.record(z.string(), z.unknown()).describe('Dados declarados pelo requerente'),
    deadline: Clock,
    createdAt: Instant,
    updatedAt: Instant,
  })
  .describe('Requerimento: situação, ações permitidas e prazo legal');

export const RequestPage = page(Request, 'Página de requerimentos');

const ExigenciaItem = z.object({
  kind: z.enum(['document', 'information']),
  category: z.enum(DOCUMENT_CATEGORIES).optional(),
  description: z.string(),
});
const Exigencia = z
  .object({
    id: z.string(),
    items: z.array(ExigenciaItem).describe('O que o requerente deve apresentar'),
    openedOn: Day,
    dueDate: Day,
    status: z.enum(['open', 'answered', 'expired']),
    extensions: z.number().int().describe('Prorrogações já concedidas'),
    answeredOn: Day.nullable(),
    expiredOn: Day.nullable(),
  })
  .describe('Exigência (Lei 9.784/1999, art. 39)');

export const Appointment = z
  .object({
    id: z.string(),
    requestId: z.string(),
    kind: z.enum(['medical_exam', 'social_evaluation']),
    unitId: z.string(),
    date: Day,
    time: z.string().describe('Horário (HH:MM)'),
    status: z.enum(['scheduled', 'rescheduled', 'attended', 'no_show']),
    scheduledOn: Day,
    attendedOn: Day.nullable(),
    replacesId: z.string().nullable().describe('Agendamento que este reagendamento substitui'),
  })
  .describe('Agendamento de perícia médica / avaliação social');

const DecisionReason = z.object({ code: z.string(), text: z.string() });
const DecisionRecord = z
  .object({
    id: z.string(),
    outcome: z.enum(['granted', 'denied']),
    reasons: z.array(DecisionReason).describe('Motivos codificados (Lei 9.784/1999, art. 50)'),
    legalBasis: z.string(),
    calculation: z
      .object({
        source: z.enum(['calculation-engine', 'submitted']),
        input: z.record(z.string(), z.unknown()).optional(),
        result: z.record(z.string(), z.unknown()),
      })
      .nullable()
      .describe(
        'Cálculo da RMI gravado no deferimento: do motor de cálculo (com a entrada) ou já calculado; nulo no indeferimento',
      ),
    isAutomatic: z.boolean(),
    decidedOn: Day,
  })
  .describe('Decisão (deferimento/indeferimento)');

const Appeal = z
  .object({
    id: z.string(),
    filedOn: Day,
    status: z.enum(['filed', 'upheld', 'dismissed']),
    boardReference: z.string().nullable().describe('Acórdão / processo no CRPS'),
    boardDecidedOn: Day.nullable(),
    complianceTaskId: z.string().nullable().describe('Tarefa de cumprimento (recurso provido)'),
  })
  .describe('Recurso ao CRPS');

export const RequestDetail = Request.extend({
  clockEvents: z
    .array(z.object({ kind: z.enum(['start', 'pause', 'resume', 'stop']), on: Day }))
    .optional()
    .describe('Eventos do prazo legal (somente servidores)'),
  history: z.array(
    z.object({
      seq: z.number().int(),
      action: z.enum(ACTIONS),
      label: z.string(),
      statusAfter: z.string(),
      actorRole: z.string(),
      staffId: z.string().nullable().describe('Nulo para quem não é servidor'),
      at: Instant,
    }),
  ),
  documents: z
    .array(
      z.object({
        id: z.string(),
        fileName: z.string(),
        mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
        sizeBytes: z.number().int(),
        category: z.string(),
        uploadedByRole: z.string(),
        exigenciaId: z.string().nullable().describe('Exigência que o documento cumpriu'),
        createdAt: Instant,
      }),
    )
    .describe('Metadados; o conteúdo só por GET /api/v1/documents/{id}/content'),
  exigencias: z.array(Exigencia),
  appointments: z.array(Appointment.omit({ requestId: true, replacesId: true })),
  decisions: z.array(DecisionRecord),
  appeals: z.array(Appeal),
  tasks: z
    .array(
      Task.pick({
        id: true,
        kind: true,
        status: true,
        queue: true,
        unitId: true,
        assigneeStaffId: true,
        dueDate: true,
      }),
    )
    .optional()
    .describe('Tarefas do requerimento (somente servidores)'),
}).describe('Requerimento com histórico, documentos, exigências, agendamentos, decisões e recursos');

export const UploadedDocument = z
  .object({
    id: z.string(),
    requestId: z.string(),
    fileName: z.string().describe('Nome saneado, com a extensão do tipo detectado'),
    mediaType: z
      .enum(['application/pdf', 'image/jpeg', 'image/png'])
      .describe('Tipo detectado pelo conteúdo'),
    sizeBytes: z.number().int(),
    category: z.enum(DOCUMENT_CATEGORIES),
    sha256: z.string().describe('SHA-256 do conteúdo'),
    createdAt: Instant,
  })
  .describe('Documento anexado');

// Tasks (views.ts presentTask, list-tasks.ts, release/transfer/reassign)

export const TaskPage = page(Task, 'Página de tarefas (sem protocolo nem prazo legal: consulte a tarefa)');

export const TaskDetail = Task.extend({
  requestStatus: z.enum(STATUSES),
  requestVersion: z.number().int().describe('Versão do requerimento (expectedVersion)'),
  history: z.array(
    z.object({
      action: z
        .string()
        .describe(
          'created, assigned, released, transferred, reassigned, escalated, deadline_breached, concluded',
        ),
      staffId: z.string().nullable(),
      fromUnitId: z.string().nullable(),
      toUnitId: z.string().nullable(),
      toStaffId: z.string().nullable(),
      reason: z.string().nullable(),
      at: Instant,
    }),
  ),
}).describe('Tarefa com o prazo legal do requerimento e o histórico');

export const ReleasedTask = z
  .object({ taskId: z.string(), status: z.literal('open') })
  .describe('Tarefa devolvida à fila');
export const TransferredTask = z
  .object({ taskId: z.string(), unitId: z.string(), status: z.literal('open') })
  .describe('Tarefa na fila da unidade de destino');
export const ReassignedTask = z
  .object({
    taskId: z.string(),
    queue: z.enum(QUEUE_KINDS),
    assigneeStaffId: z.string().nullable(),
    status: z.enum(['assigned', 'open']),
  })
  .describe('Tarefa redistribuída');

// Exigências

export const OpenedExigencia = Exigencia.pick({ id: true, openedOn: true, dueDate: true, items: true })
  .extend({ requestId: z.string(), status: z.literal('open') })
  .describe('Exigência aberta (o prazo legal fica suspenso)');
export const AnsweredExigencia = z
  .object({ id: z.string(), requestId: z.string(), status: z.literal('answered'), answeredOn: Day })
  .describe('Exigência cumprida (o prazo legal volta a correr)');
export const ExtendedExigencia = z
  .object({ id: z.string(), dueDate: Day, extensions: z.number().int() })
  .describe('Exigência com o novo prazo');

// Appointments

export const AppointmentSlots = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        unitId: z.string(),
        kind: z.enum(['medical_exam', 'social_evaluation']),
        date: Day,
        time: z.string().describe('Horário (HH:MM)'),
        free: z.number().int().describe('Vagas livres'),
      }),
    ),
  })
  .describe('Vagas livres, da mais próxima à mais distante');

// Pendency, decisions, appeals

export const RequestTransition = z
  .object({ requestId: z.string(), status: z.enum(STATUSES), version: z.number().int() })
  .describe('Nova situação e versão do requerimento');

const TaskConclusion = z
  .object({
    taskId: z.string(),
    requestId: z.string(),
    protocol: z.string(),
    serviceCode: z.string(),
    species: z.string(),
    srCode: z.string().nullable(),
    gexCode: z.string().nullable(),
    unitId: z.string(),
    serverId: z.string().nullable().describe('Servidor que concluiu (nulo na conclusão automática)'),
    queue: z.enum(QUEUE_KINDS),
    system: z.enum(['PAT', 'SABI']),
    subtasks: z.array(z.string()),
    concludedAt: Day.describe('Data da conclusão (AAAA-MM-DD)'),
    decision: z.enum(['granted', 'denied', 'other']),
    automatic: z.boolean(),
  })
  .describe('Conclusão da tarefa (o conteúdo do evento task.concluded)');

export const DecisionMade = z
  .object({
    decisionId: z.string(),
    requestId: z.string(),
    outcome: z.enum(['granted', 'denied']),
    automatic: z.boolean(),
    decidedOn: Day,
    version: z.number().int(),
    task: TaskConclusion.nullable().describe('Tarefa concluída (nula quando não havia tarefa ativa)'),
  })
  .describe('Decisão registrada');

export const FiledAppeal = z
  .object({
    id: z.string(),
    requestId: z.string(),
    filedOn: Day,
    isTimely: z.boolean().describe('Dentro de 30 dias da decisão (Decreto 3.048/1999, art. 305)'),
    status: z.literal('filed'),
  })
  .describe('Recurso interposto');
export const AppealDecision = z
  .object({
    id: z.string(),
    status: z.enum(['upheld', 'dismissed']),
    complianceTaskId: z.string().nullable().describe('Tarefa de cumprimento criada (recurso provido)'),
  })
  .describe('Decisão da junta registrada');
export const AppealCompliance = z
  .object({
    requestId: z.string(),
    status: z.enum(STATUSES),
    task: TaskConclusion,
    ageDays: z.number().int().describe('Dias entre a criação da tarefa de cumprimento e a conclusão'),
  })
  .describe('Cumprimento de decisão recursal concluído');

// Lists of case records (list-case-records.ts)

export const ExigenciaPage = page(
  Exigencia.extend({ protocol: z.string(), requestId: z.string() }),
  'Página de exigências',
);
export const AppointmentPage = page(
  Appointment.omit({ replacesId: true }).extend({ protocol: z.string() }),
  'Página de agendamentos',
);
export const DecisionPage = page(
  DecisionRecord.omit({ calculation: true }).extend({ protocol: z.string(), requestId: z.string() }),
  'Página de decisões (sem o cálculo: consulte o requerimento)',
);
export const AppealPage = page(
  Appeal.extend({ protocol: z.string(), requestId: z.string() }),
  'Página de recursos',
);

// Indicators (indicators.ts)

const ShareBp = z.number().int().describe('Percentual em pontos-base (4523 = 45,23 %)');
export const ActionPlanIndicators = z
  .object({
    asOf: Day,
    automaticConclusions: z.object({
      concluded: z.number().int(),
      automatic: z.number().int(),
      shareBp: ShareBp,
    }),
    overDeadlineBySpecies: z.array(
      z.object({
        species: z.string(),
        total: z.number().int(),
        overdue: z.number().int(),
        shareBp: ShareBp,
      }),
    ),
    appealComplianceBacklogOver365Days: z.number().int(),
    schedulingToAttendance: z.object({
      attended: z.number().int(),
      meanDays: z.string().nullable().describe('Média em dias, uma casa decimal (nula sem atendimentos)'),
    }),
  })
  .describe('Indicadores do plano de ação do INSS sobre as unidades do seu escopo');
