import { z } from 'zod';
import { auditInsertFromJson } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/roles';
import { statement } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { forbidden, unprocessable } from '../../platform/errors';
import { outboxInsertFromJson } from '../../platform/outbox/outbox';
import { Cpf } from '../../platform/values/documents';
import { uuidv7 } from '../../platform/values/ids';
import { findUnit } from '../organization/directory';
import { computeClock } from './domain/deadline';
import { formatProtocol } from './domain/protocol';
import { queueKey } from './domain/queues';
import { FILEABLE_SPECIES, initialServiceCode, requiredAssessments, systemFor } from './domain/species';
import { nextProtocolNumber } from './protocol-numbers';
import { stfDeadlines } from './reference';
import { type RequestRow, today } from './store';

export const CHANNELS = ['self_service', 'act_partner', 'call_centre', 'in_person'] as const;

export const fileRequestInput = z.object({
  cpf: z.string().describe('CPF do requerente (somente dígitos ou formatado)'),
  species: z.enum(FILEABLE_SPECIES).describe('Espécie do benefício (código B)'),
  unitId: z.string().min(1).max(40).describe('Unidade (APS) responsável'),
  channel: z.enum(CHANNELS).optional().describe('Canal; deduzido do papel quando omitido'),
  representationTermRef: z.string().min(1).max(80).optional().describe('Termo de representação (ACT)'),
  queue: z.enum(['regular', 'extraordinary', 'training']).optional(),
  declared: z.record(z.string(), z.unknown()).default({}).describe('Dados declarados pelo requerente'),
});
export type FileRequestInput = z.input<typeof fileRequestInput>;

/**
 * Files a request (protocolo): the request row, its first action (FILE), the analysis task in
 * its queue and — when the species needs no medical exam or social evaluation — the start of the
 * legal clock on the DER (acordo STF RE 1.171.152, cláusula 2ª). Who files fixes the channel and
 * the filing party: the citizen for themself, a partner representative for its entity (ACT), or
 * staff at the call centre / counter.
 */
export async function fileRequest(deps: Deps, ctx: Ctx, raw: FileRequestInput) {
  const input = fileRequestInput.parse(raw);
  if (!Cpf.isValid(input.cpf))
    throw unprocessable('CPF inválido.', [{ field: 'cpf', message: 'CPF inválido' }]);
  const cpf = Cpf.parse(input.cpf);
  const actor = ctx.actor;
  let channel: (typeof CHANNELS)[number];
  let filedByKind: RequestRow['filed_by_kind'];
  let partnerEntityId: string | null = null;
  if (actor.role === 'citizen') {
    if (actor.cpf !== cpf) throw forbidden('O cidadão só pode protocolar requerimentos em seu próprio nome.');
    channel = 'self_service';
    filedByKind = 'citizen';
  } else if (actor.role === 'partner') {
    if (!actor.partnerEntityId) throw forbidden('Conta de parceiro sem entidade vinculada.');
    if (!input.representationTermRef) {
      throw unprocessable('Informe o termo de representação assinado pelo requerente.', [
        { field: 'representationTermRef', message: 'obrigatório para entidade parceira' },
      ]);
    }
    channel = 'act_partner';
    filedByKind = 'partner_representative';
    partnerEntityId = actor.partnerEntityId;
  } else {
    channel = input.channel === 'call_centre' ? 'call_centre' : 'in_person';
    filedByKind = 'staff';
  }
  const unit = await findUnit(deps, input.unitId);
  if (!unit?.active)
    throw unprocessable('Unidade inexistente ou inativa.', [
      { field: 'unitId', message: 'unidade inválida' },
    ]);
  const queue = actor.role === 'citizen' || actor.role === 'partner' ? 'regular' : (input.queue ?? 'regular');
  const der = today(deps);
  const maxDays = stfDeadlines().get(input.species) ?? null;
  const id = uuidv7();
  const taskId = uuidv7();
  const now = deps.clock.now();
  const serviceCode = initialServiceCode(input.species);
  const needsAssessment = requiredAssessments(input.species).length > 0;

  const protocol = formatProtocol(Number(der.slice(0, 4)), await nextProtocolNumber(deps));
  const startsNow = !needsAssessment && maxDays !== null;
  // Nothing to instruct beyond the filing: the clock runs from the DER.
  const dueDate =
    startsNow && maxDays !== null ? computeClock([{ kind: 'start', on: der }], maxDays, der).dueDate : null;
  const events = deps.outbox.rows([
    {
      type: 'request.filed',
      aggregateType: 'request',
      aggregateId: id,
      payload: {
        requestId: id,
        protocol,
        citizenCpf: cpf,
        species: input.species,
        serviceCode,
        channel,
        filedByKind,
        partnerEntityId,
        representationTermRef: input.representationTermRef ?? null,
        unitId: input.unitId,
        der,
        maxDays,
      },
    },
    {
      type: 'task.created',
      aggregateType: 'task',
      aggregateId: taskId,
      payload: {
        taskId,
        requestId: id,
        kind: 'analysis',
        serviceCode,
        species: input.species,
        unitId: input.unitId,
        queue,
        dueDate,
      },
    },
  ]);
  const audit = deps.audit.rows(ctx, [
    {
      action: 'create',
      resourceType: 'request',
      resourceId: id,
      details: { channel, species: input.species },
    },
  ]);
  const { rows } = await deps.db.query<Pick<RequestRow, 'id' | 'protocol' | 'status' | 'der' | 'version'>>(
    FILE,
    [
      id,
      protocol,
      cpf,
      input.species,
      serviceCode,
      channel,
      filedByKind,
      actor.accountId,
      partnerEntityId,
      input.representationTermRef ?? null,
      der,
      JSON.stringify(input.declared),
      input.unitId,
      maxDays,
      now,
      actor.role,
      actor.staffId,
      JSON.stringify({ channel, filedByKind }),
      startsNow,
      taskId,
      queue,
      queueKey(queue, input.unitId, input.species),
      systemFor(input.species),
      dueDate,
      JSON.stringify({ queue }),
      events.json,
      audit,
    ],
  );
  return { request: rows[0]!, taskId, dueDate };
}

/**
 * The whole filing in one statement (one round trip, one commit): the request, its first action,
 * the clock start, the task and its first action, the two events (request.filed, task.created)
 * and the audit row.
 */
const FILE = statement(
  'req_file_request',
  `WITH r AS (
     INSERT INTO req_requests (id, protocol, citizen_cpf, species, service_code, channel, filed_by_kind, filed_by_account_id,
                               partner_entity_id, representation_term_ref, der, declared, unit_id, status, max_days, version,
                               created_at, updated_at)
     VALUES ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, $11::date,
             $12::jsonb, $13::text, 'filed', $14::int, 1, $15::timestamptz, $15::timestamptz)
     RETURNING id, protocol, status, der, version),
   a AS (
     INSERT INTO req_request_actions (request_id, seq, action, status_after, actor_account_id, actor_role, staff_id, at, details)
     SELECT r.id, 1, 'FILE', 'filed', $8::text, $16::text, $17::text, $15::timestamptz, $18::jsonb FROM r),
   c AS (
     INSERT INTO req_clock_events (request_id, kind, on_date, reason)
     SELECT r.id, 'start', $11::date, 'instrução completa no protocolo' FROM r WHERE $19::boolean),
   t AS (
     INSERT INTO req_tasks (id, request_id, kind, service_code, species, unit_id, queue, queue_key, system, status, due_date,
                            created_at, created_on)
     SELECT $20::uuid, r.id, 'analysis', $5::text, $4::text, $13::text, $21::text, $22::text, $23::text, 'open', $24::date,
            $15::timestamptz, $11::date FROM r
     RETURNING id),
   ta AS (
     INSERT INTO req_task_actions (task_id, action, actor_account_id, staff_id, to_unit_id, at, details)
     SELECT t.id, 'created', $8::text, $17::text, $13::text, $15::timestamptz, $25::jsonb FROM t),
   ev AS (${outboxInsertFromJson('$26')}),
   au AS (${auditInsertFromJson('$27')})
   SELECT id, protocol, status, der, version FROM r`,
);
