import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Executor } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, conflict, forbidden, notFound } from '../../platform/errors';
import { LocalDate } from '../../platform/values/dates';
import {
  type ClockEvent,
  type ClockEventKind,
  type ClockStatus,
  computeClock,
  validateClockEvents,
} from './domain/deadline';
import { type Action, applyAction, LifecycleError, type Status } from './domain/lifecycle';
import type { QueueKind } from './domain/queues';

/**
 * Queries of the requests module (its own req_* tables only). Use cases compose these inside one
 * transaction; nothing here decides a rule — the lifecycle table and the clock live in domain/.
 */

export async function rows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const r = await exec.execute(query);
  return r.rows as T[];
}

export async function one<T>(exec: Executor, query: SQL): Promise<T | undefined> {
  return (await rows<T>(exec, query))[0];
}

/** A PostgreSQL array literal for a text[] parameter ("= ANY($1::text[])"). */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export const today = (deps: Pick<Deps, 'clock'>) => LocalDate.ofInstant(deps.clock.now());

export interface RequestRow {
  id: string;
  protocol: string;
  citizen_cpf: string;
  species: string;
  service_code: string;
  channel: 'self_service' | 'act_partner' | 'call_centre' | 'in_person';
  filed_by_kind: 'citizen' | 'partner_representative' | 'staff';
  filed_by_account_id: string;
  partner_entity_id: string | null;
  representation_term_ref: string | null;
  der: string;
  declared: Record<string, unknown>;
  unit_id: string;
  status: Status;
  holder_staff_id: string | null;
  max_days: number | null;
  version: number;
  decision: 'granted' | 'denied' | null;
  decided_on: string | null;
  is_automatic: boolean;
  document_bytes: number;
  created_at: Date;
  updated_at: Date;
}

export async function findRequest(
  exec: Executor,
  id: string,
  forUpdate = false,
): Promise<RequestRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return one<RequestRow>(
    exec,
    forUpdate
      ? sql`SELECT * FROM req_requests WHERE id = ${id} FOR UPDATE`
      : sql`SELECT * FROM req_requests WHERE id = ${id}`,
  );
}

export async function getRequestForUpdate(exec: Executor, id: string): Promise<RequestRow> {
  const r = await findRequest(exec, id, true);
  if (!r) throw notFound('Requerimento');
  return r;
}

/**
 * Appends one action to a request's history after checking the lifecycle table; rewrites the
 * cached status and bumps the version. `expectedVersion` (optimistic concurrency) makes the
 * update conditional: when someone else changed the request since the caller read it, 409.
 */
export async function appendAction(
  tx: Executor,
  deps: Pick<Deps, 'clock'>,
  ctx: Ctx,
  req: RequestRow,
  action: Action,
  opts: { staffId?: string | null; details?: Record<string, unknown>; expectedVersion?: number } = {},
): Promise<RequestRow> {
  let next: { status: Status; holder: string | null };
  try {
    next = applyAction(
      { status: req.status, holder: req.holder_staff_id },
      { action, staffId: opts.staffId ?? null },
    );
  } catch (e) {
    if (e instanceof LifecycleError) throw actionNotAllowed(action, req.status, e.allowed);
    throw e;
  }
  const expected = opts.expectedVersion ?? req.version;
  // One round trip: the conditional update and the history row it implies.
  const updated = await one<RequestRow>(
    tx,
    sql`WITH u AS (
          UPDATE req_requests SET status = ${next.status}, holder_staff_id = ${next.holder}, version = version + 1, updated_at = ${deps.clock.now()}
           WHERE id = ${req.id} AND version = ${expected} RETURNING *),
        a AS (
          INSERT INTO req_request_actions (request_id, seq, action, status_after, actor_account_id, actor_role, staff_id, at, details)
          SELECT u.id, u.version, ${action}, ${next.status}, ${ctx.actor.accountId}, ${ctx.actor.role}, ${opts.staffId ?? ctx.actor.staffId},
                 ${deps.clock.now()}, ${JSON.stringify(opts.details ?? {})}::jsonb FROM u)
        SELECT * FROM u`,
  );
  if (!updated) {
    throw conflict(
      'O requerimento foi alterado por outra pessoa desde que você o abriu. Recarregue e tente de novo.',
      {
        currentVersion: req.version,
      },
    );
  }
  return updated;
}

export async function loadClock(exec: Executor, requestId: string): Promise<ClockEvent[]> {
  const r = await rows<{ kind: ClockEventKind; on_date: string }>(
    exec,
    sql`SELECT kind, on_date FROM req_clock_events WHERE request_id = ${requestId} ORDER BY id`,
  );
  return r.map((e) => ({ kind: e.kind, on: e.on_date }));
}

/** Appends a clock event after checking the sequence stays valid (start (pause resume)* stop). */
export async function appendClockEvent(
  tx: Executor,
  requestId: string,
  kind: ClockEventKind,
  on: string,
  reason: string,
): Promise<ClockEvent[]> {
  const events = await loadClock(tx, requestId);
  const next = [...events, { kind, on }];
  validateClockEvents(next);
  await tx.execute(
    sql`INSERT INTO req_clock_events (request_id, kind, on_date, reason) VALUES (${requestId}, ${kind}, ${on}, ${reason})`,
  );
  return next;
}

export function clockOf(
  req: Pick<RequestRow, 'max_days'>,
  events: readonly ClockEvent[],
  at: string,
): ClockStatus | null {
  if (req.max_days === null) return null;
  return computeClock(events, req.max_days, at);
}

export interface TaskRow {
  id: string;
  request_id: string;
  kind: 'analysis' | 'appeal_compliance' | 'revision';
  service_code: string;
  species: string;
  unit_id: string;
  queue: QueueKind;
  queue_key: string;
  system: 'PAT' | 'SABI';
  status: 'open' | 'assigned' | 'waiting' | 'concluded' | 'cancelled';
  assignee_staff_id: string | null;
  assigned_at: Date | null;
  due_date: string | null;
  is_overdue: boolean;
  escalated_to_unit_id: string | null;
  escalated_at: Date | null;
  subtasks: string[];
  supervision_id: string | null;
  reason: string | null;
  concluded_at: Date | null;
  concluded_on: string | null;
  concluded_by_staff_id: string | null;
  concluded_queue: string | null;
  conclusion: 'granted' | 'denied' | 'other' | null;
  is_automatic: boolean;
  version: number;
  created_at: Date;
  created_on: string;
}

export async function findTask(exec: Executor, id: string, forUpdate = false): Promise<TaskRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return one<TaskRow>(
    exec,
    forUpdate
      ? sql`SELECT * FROM req_tasks WHERE id = ${id} FOR UPDATE`
      : sql`SELECT * FROM req_tasks WHERE id = ${id}`,
  );
}

/** The active (not concluded/cancelled) task of a request, if any. */
export async function activeTask(
  exec: Executor,
  requestId: string,
  forUpdate = false,
): Promise<TaskRow | undefined> {
  return one<TaskRow>(
    exec,
    forUpdate
      ? sql`SELECT * FROM req_tasks WHERE request_id = ${requestId} AND status IN ('open','assigned','waiting') ORDER BY created_at DESC LIMIT 1 FOR UPDATE`
      : sql`SELECT * FROM req_tasks WHERE request_id = ${requestId} AND status IN ('open','assigned','waiting') ORDER BY created_at DESC LIMIT 1`,
  );
}

export async function logTaskAction(
  tx: Executor,
  deps: Pick<Deps, 'clock'>,
  ctx: Ctx,
  taskId: string,
  action: string,
  extra: {
    fromUnitId?: string | null;
    toUnitId?: string | null;
    toStaffId?: string | null;
    reason?: string | null;
    details?: Record<string, unknown>;
  } = {},
) {
  await tx.execute(sql`
    INSERT INTO req_task_actions (task_id, action, actor_account_id, staff_id, from_unit_id, to_unit_id, to_staff_id, reason, at, details)
    VALUES (${taskId}, ${action}, ${ctx.actor.accountId}, ${ctx.actor.staffId}, ${extra.fromUnitId ?? null}, ${extra.toUnitId ?? null},
            ${extra.toStaffId ?? null}, ${extra.reason ?? null}, ${deps.clock.now()}, ${JSON.stringify(extra.details ?? {})}::jsonb)`);
}

/** Recomputes the due date / overdue flag of a request's active task from the clock. */
export async function refreshTaskDeadline(
  tx: Executor,
  req: RequestRow,
  events: readonly ClockEvent[],
  on: string,
) {
  const clock = clockOf(req, events, on);
  const due =
    clock && clock.state === 'running'
      ? clock.dueDate
      : clock?.state === 'paused'
        ? null
        : (clock?.dueDate ?? null);
  await tx.execute(sql`
    UPDATE req_tasks SET due_date = ${due}
     WHERE request_id = ${req.id} AND kind = 'analysis' AND status IN ('open','assigned','waiting')`);
}

export async function getTaskForUpdate(exec: Executor, id: string): Promise<TaskRow> {
  const t = await findTask(exec, id, true);
  if (!t) throw notFound('Tarefa');
  return t;
}

/** After a wait (exigência, appointment, automatic analysis) the task goes back to whoever holds the case, or to its queue. */
export async function returnTaskToWork(
  tx: Executor,
  req: RequestRow,
  events: readonly ClockEvent[],
  on: string,
) {
  await tx.execute(sql`
    UPDATE req_tasks SET status = ${req.holder_staff_id ? 'assigned' : 'open'}, assignee_staff_id = ${req.holder_staff_id},
           version = version + 1
     WHERE request_id = ${req.id} AND kind = 'analysis' AND status IN ('open','assigned','waiting')`);
  await refreshTaskDeadline(tx, req, events, on);
}

/** The case waits on someone else: its task leaves the analyst's active list but keeps its holder. */
export async function putTaskOnHold(tx: Executor, requestId: string) {
  await tx.execute(sql`
    UPDATE req_tasks SET status = 'waiting', due_date = NULL, version = version + 1
     WHERE request_id = ${requestId} AND kind = 'analysis' AND status IN ('open','assigned','waiting')`);
}

/** The analyst acting on a case must hold it (or be supervisor/manager/admin of its unit). */
export function assertHolder(ctx: Ctx, req: RequestRow) {
  if (req.holder_staff_id && req.holder_staff_id === ctx.actor.staffId) return;
  if (['supervisor', 'manager', 'admin'].includes(ctx.actor.role) || ctx.actor.via === 'system') return;
  throw forbidden(
    'Esta tarefa está com outro servidor (ou não foi atribuída a você). Pegue a tarefa antes de agir.',
  );
}
