import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../../platform/auth/roles.js";
import { LocalDate } from "../../platform/values/dates.js";
import { unitDirectory, unitLineage } from "../organization/directory.js";
import { logTaskAction, rows, today } from "./store.js";
async function flagOverdueTasks(deps) {
  const on = today(deps);
  const ctx = { actor: SYSTEM_ACTOR, requestId: `job:flag-overdue:${on}` };
  await unitDirectory(deps);
  const breached = await deps.db.tx(async (tx) => {
    const flagged = await rows(
      tx,
      sql`UPDATE req_tasks SET is_overdue = true
           WHERE kind = 'analysis' AND status IN ('open','assigned','waiting') AND due_date < ${on} AND NOT is_overdue
       RETURNING id, request_id, species, unit_id, due_date, queue`
    );
    for (const t of flagged) {
      await logTaskAction(tx, deps, ctx, t.id, "deadline_breached", { details: { dueDate: t.due_date } });
      await deps.outbox.publish(tx, {
        type: "deadline.breached",
        aggregateType: "task",
        aggregateId: t.id,
        payload: {
          taskId: t.id,
          requestId: t.request_id,
          species: t.species,
          unitId: t.unit_id,
          dueDate: t.due_date,
          daysOverdue: LocalDate.daysBetween(t.due_date, on)
        }
      });
    }
    return flagged.length;
  });
  const rules = await rows(
    deps.db.orm,
    sql`SELECT * FROM req_escalation_rules`
  );
  const byUnit = new Map(rules.map((r) => [r.unit_id, r]));
  const candidates = await rows(
    deps.db.orm,
    sql`SELECT id, request_id, unit_id, due_date FROM req_tasks
         WHERE is_overdue AND escalated_at IS NULL AND status IN ('open','assigned','waiting') AND due_date IS NOT NULL`
  );
  let escalated = 0;
  for (const t of candidates) {
    const rule = byUnit.get(t.unit_id) ?? byUnit.get("*");
    if (!rule || LocalDate.daysBetween(t.due_date, on) < rule.days_past_due) continue;
    let target = rule.target_unit_id;
    if (target === "@gex" || target === "@sr") {
      const l = await unitLineage(deps, t.unit_id).catch(() => null);
      const u = target === "@gex" ? l?.gex : l?.sr;
      if (!u) continue;
      target = u.id;
    }
    await deps.db.tx(async (tx) => {
      const upd = await rows(
        tx,
        sql`UPDATE req_tasks SET escalated_to_unit_id = ${target}, escalated_at = ${deps.clock.now()} WHERE id = ${t.id} AND escalated_at IS NULL RETURNING id`
      );
      if (upd.length === 0) return;
      await logTaskAction(tx, deps, ctx, t.id, "escalated", {
        fromUnitId: t.unit_id,
        toUnitId: target,
        details: { dueDate: t.due_date }
      });
      await deps.outbox.publish(tx, {
        type: "task.escalated",
        aggregateType: "task",
        aggregateId: t.id,
        payload: {
          taskId: t.id,
          requestId: t.request_id,
          unitId: t.unit_id,
          escalatedToUnitId: target,
          dueDate: t.due_date,
          daysOverdue: LocalDate.daysBetween(t.due_date, on)
        }
      });
      escalated++;
    });
  }
  return { breached, escalated };
}
export {
  flagOverdueTasks
};
