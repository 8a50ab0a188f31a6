import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { assertVisible, isStaff, scopeOf } from './access';
import { ACTION_LABEL, type Action } from './domain/lifecycle';
import { clockOf, findRequest, loadClock, rows, today } from './store';
import { presentRequest } from './views';

/**
 * One request with its status, allowed actions, legal-deadline clock, history, documents (ids and
 * metadata; content only through GET /documents/:id/content), exigências, appointments, decisions
 * and appeals. Citizens and partners see the history without staff ids. Audited.
 */
export async function getRequest(deps: Deps, ctx: Ctx, id: string) {
  const scope = await scopeOf(deps, ctx.actor);
  const on = today(deps);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, id));
    const staff = isStaff(ctx.actor);
    const [events, history, documents, exigencias, appointments, decisions, appeals, tasks] = [
      await loadClock(tx, req.id),
      await rows<{
        seq: number;
        action: Action;
        status_after: string;
        actor_role: string;
        staff_id: string | null;
        at: Date;
        details: Record<string, unknown>;
      }>(
        tx,
        sql`SELECT seq, action, status_after, actor_role, staff_id, at, details FROM req_request_actions WHERE request_id = ${req.id} ORDER BY seq`,
      ),
      await rows<{
        id: string;
        file_name: string;
        media_type: string;
        size_bytes: number;
        category: string;
        uploaded_by_role: string;
        exigencia_id: string | null;
        created_at: Date;
      }>(
        tx,
        sql`SELECT id, file_name, media_type, size_bytes, category, uploaded_by_role, exigencia_id, created_at FROM req_documents WHERE request_id = ${req.id} ORDER BY created_at`,
      ),
      await rows<{
        id: string;
        items: unknown;
        opened_on: string;
        due_date: string;
        status: string;
        extensions: number;
        answered_on: string | null;
        expired_on: string | null;
      }>(
        tx,
        sql`SELECT id, items, opened_on, due_date, status, extensions, answered_on, expired_on FROM req_exigencias WHERE request_id = ${req.id} ORDER BY opened_on, id`,
      ),
      await rows<{
        id: string;
        kind: string;
        unit_id: string;
        appointment_date: string;
        start_time: string;
        status: string;
        scheduled_on: string;
        attended_on: string | null;
      }>(
        tx,
        sql`SELECT id, kind, unit_id, appointment_date, start_time, status, scheduled_on, attended_on FROM req_appointments WHERE request_id = ${req.id} ORDER BY created_at`,
      ),
      await rows<{
        id: string;
        outcome: string;
        reasons: unknown;
        legal_basis: string;
        calculation: unknown;
        is_automatic: boolean;
        decided_on: string;
      }>(
        tx,
        sql`SELECT id, outcome, reasons, legal_basis, calculation, is_automatic, decided_on FROM req_decisions WHERE request_id = ${req.id} ORDER BY created_at`,
      ),
      await rows<{
        id: string;
        filed_on: string;
        status: string;
        board_reference: string | null;
        board_decided_on: string | null;
        compliance_task_id: string | null;
      }>(
        tx,
        sql`SELECT id, filed_on, status, board_reference, board_decided_on, compliance_task_id FROM req_appeals WHERE request_id = ${req.id} ORDER BY created_at`,
      ),
      staff
        ? await rows<{
            id: string;
            kind: string;
            status: string;
            queue: string;
            unit_id: string;
            assignee_staff_id: string | null;
            due_date: string | null;
          }>(
            tx,
            sql`SELECT id, kind, status, queue, unit_id, assignee_staff_id, due_date FROM req_tasks WHERE request_id = ${req.id} ORDER BY created_at`,
          )
        : [],
    ];
    await deps.audit.record(tx, ctx, { action: 'read', resourceType: 'request', resourceId: req.id });
    return {
      ...presentRequest(req, clockOf(req, events, on), { staff }),
      clockEvents: staff ? events : undefined,
      history: history.map((h) => ({
        seq: h.seq,
        action: h.action,
        label: ACTION_LABEL[h.action],
        statusAfter: h.status_after,
        actorRole: h.actor_role,
        staffId: staff ? h.staff_id : null,
        at: new Date(h.at).toISOString(),
      })),
      documents: documents.map((d) => ({
        id: d.id,
        fileName: d.file_name,
        mediaType: d.media_type,
        sizeBytes: Number(d.size_bytes),
        category: d.category,
        uploadedByRole: d.uploaded_by_role,
        exigenciaId: d.exigencia_id,
        createdAt: new Date(d.created_at).toISOString(),
      })),
      exigencias: exigencias.map((e) => ({
        id: e.id,
        items: e.items,
        openedOn: e.opened_on,
        dueDate: e.due_date,
        status: e.status,
        extensions: e.extensions,
        answeredOn: e.answered_on,
        expiredOn: e.expired_on,
      })),
      appointments: appointments.map((a) => ({
        id: a.id,
        kind: a.kind,
        unitId: a.unit_id,
        date: a.appointment_date,
        time: a.start_time,
        status: a.status,
        scheduledOn: a.scheduled_on,
        attendedOn: a.attended_on,
      })),
      decisions: decisions.map((d) => ({
        id: d.id,
        outcome: d.outcome,
        reasons: d.reasons,
        legalBasis: d.legal_basis,
        calculation: d.calculation,
        isAutomatic: d.is_automatic,
        decidedOn: d.decided_on,
      })),
      appeals: appeals.map((a) => ({
        id: a.id,
        filedOn: a.filed_on,
        status: a.status,
        boardReference: a.board_reference,
        boardDecidedOn: a.board_decided_on,
        complianceTaskId: a.compliance_task_id,
      })),
      tasks: staff
        ? tasks.map((t) => ({
            id: t.id,
            kind: t.kind,
            status: t.status,
            queue: t.queue,
            unitId: t.unit_id,
            assigneeStaffId: t.assignee_staff_id,
            dueDate: t.due_date,
          }))
        : undefined,
    };
  });
}
