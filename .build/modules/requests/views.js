import { ACTION_LABEL, availableActions, STATUS_LABEL } from "./domain/lifecycle.js";
function presentClock(c) {
  if (!c) return null;
  return {
    state: c.state,
    maxDays: c.maxDays,
    elapsedDays: c.elapsedDays,
    pausedDays: c.pausedDays,
    dueDate: c.dueDate,
    remainingDays: c.remainingDays,
    isOverdue: c.isOverdue,
    daysOverdue: c.daysOverdue
  };
}
function presentRequest(r, clock, opts = {}) {
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
      representationTermRef: r.representation_term_ref
    },
    der: r.der,
    unitId: r.unit_id,
    status: r.status,
    statusLabel: STATUS_LABEL[r.status],
    allowedActions: actions.map((a) => ({ action: a, label: ACTION_LABEL[a] })),
    holderStaffId: r.holder_staff_id,
    version: r.version,
    decision: r.decision,
    decidedOn: r.decided_on,
    isAutomatic: r.is_automatic,
    declared: r.declared,
    deadline: presentClock(clock),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString()
  };
}
function presentTask(t, clock, extra = {}) {
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
    deadline: presentClock(clock)
  };
}
export {
  presentClock,
  presentRequest,
  presentTask
};
