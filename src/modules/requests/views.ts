import type { ClockStatus } from './domain/deadline';
import { ACTION_LABEL, type Action, availableActions, STATUS_LABEL } from './domain/lifecycle';
import type { RequestRow, TaskRow } from './store';

/** Shapes returned to callers (routes, CLI). Dates as "YYYY-MM-DD", instants as ISO strings. */
export function presentClock(c: ClockStatus | null) {
  if (!c) return null;
  return {
    state: c.state,
    maxDays: c.maxDays,
    elapsedDays: c.elapsedDays,
    pausedDays: c.pausedDays,
    dueDate: c.dueDate,
    remainingDays: c.remainingDays,
    isOverdue: c.isOverdue,
    daysOverdue: c.daysOverdue,
  };
}

/**
 * A request as the API shows it. Which server holds it is for staff only (`staff`), as in the
 * history, where citizens, partners and integrations see no staff ids either.
 */
export function presentRequest(
  r: RequestRow,
  clock: ClockStatus | null,
  opts: { staff: boolean; maskCpf?: boolean },
) {
  const actions = availableActions(r.status);
  return {
    id: r.id,
    protocol: r.protocol,
    cpf: opts.maskCpf ? `***.${r.citizen_cpf.slice(3, 6)}.${r.citizen_cpf.slice(6, 9)}-**` : r.citizen_cpf,
    species: r.species,
    serviceCode: r.service_code,
    channel: r.channel,
    filedBy: {
      kind: r.filed_by_kind,
      partnerEntityId: r.partner_entity_id,
      representationTermRef: r.representation_term_ref,
    },
    der: r.der,
    unitId: r.unit_id,
    status: r.status,
    statusLabel: STATUS_LABEL[r.status],
    allowedActions: actions.map((a: Action) => ({ action: a, label: ACTION_LABEL[a] })),
    holderStaffId: opts.staff ? r.holder_staff_id : null,
    version: r.version,
    decision: r.decision,
    decidedOn: r.decided_on,
    isAutomatic: r.is_automatic,
    declared: r.declared,
    deadline: presentClock(clock),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
export type RequestView = ReturnType<typeof presentRequest>;

export function presentTask(t: TaskRow, clock: ClockStatus | null, extra: { protocol?: string } = {}) {
  return {
    id: t.id,
    requestId: t.request_id,
    protocol: extra.protocol ?? null,
    kind: t.kind,
    serviceCode: t.service_code,
    species: t.species,
    unitId: t.unit_id,
    queue: t.queue,
    system: t.system,
    status: t.status,
    assigneeStaffId: t.assignee_staff_id,
    assignedAt: t.assigned_at ? new Date(t.assigned_at).toISOString() : null,
    dueDate: t.due_date,
    isOverdue: t.is_overdue,
    escalatedToUnitId: t.escalated_to_unit_id,
    subtasks: t.subtasks,
    reason: t.reason,
    concludedOn: t.concluded_on,
    concludedByStaffId: t.concluded_by_staff_id,
    conclusion: t.conclusion,
    isAutomatic: t.is_automatic,
    version: t.version,
    createdAt: new Date(t.created_at).toISOString(),
    deadline: presentClock(clock),
  };
}
export type TaskView = ReturnType<typeof presentTask>;
