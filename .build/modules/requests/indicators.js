import { sql } from "drizzle-orm";
import { LocalDate } from "../../platform/values/dates.js";
import { scopeOf } from "./access.js";
import { COMPLIANCE_BACKLOG_DAYS } from "./domain/exigencia.js";
import { pgTextArray, rows, today } from "./store.js";
async function actionPlanIndicators(deps, ctx) {
  const scope = await scopeOf(deps, ctx.actor);
  const unitIds = scope.kind === "units" ? scope.unitIds : [];
  const unitFilter = unitIds === null ? sql`true` : sql`unit_id = ANY(${pgTextArray(unitIds)}::text[])`;
  const on = today(deps);
  const backlogBefore = LocalDate.addDays(on, -COMPLIANCE_BACKLOG_DAYS);
  const [auto] = await rows(
    deps.db.orm,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE is_automatic)::int AS automatic
          FROM req_tasks WHERE kind = 'analysis' AND status = 'concluded' AND ${unitFilter}`
  );
  const overdue = await rows(
    deps.db.orm,
    sql`SELECT species, count(*)::int AS total,
               count(*) FILTER (WHERE is_overdue OR (status = 'concluded' AND due_date IS NOT NULL AND concluded_on > due_date))::int AS overdue
          FROM req_tasks WHERE kind = 'analysis' AND status <> 'cancelled' AND ${unitFilter}
         GROUP BY species ORDER BY species`
  );
  const [backlog] = await rows(
    deps.db.orm,
    sql`SELECT count(*)::int AS n FROM req_tasks
         WHERE kind = 'appeal_compliance' AND status IN ('open','assigned','waiting') AND created_on < ${backlogBefore} AND ${unitFilter}`
  );
  const [wait] = await rows(
    deps.db.orm,
    sql`SELECT count(*)::int AS n, avg(attended_on - scheduled_on)::numeric(10,1)::text AS avg
          FROM req_appointments WHERE status = 'attended' AND ${unitFilter}`
  );
  await deps.audit.recordNow(ctx, {
    action: "read",
    resourceType: "indicators",
    details: { kind: "action_plan" }
  });
  return {
    asOf: on,
    automaticConclusions: {
      concluded: auto?.total ?? 0,
      automatic: auto?.automatic ?? 0,
      // Share in basis points (integer: 4523 = 45.23 %), rounded half up.
      shareBp: auto && auto.total > 0 ? Math.floor((auto.automatic * 1e4 + Math.floor(auto.total / 2)) / auto.total) : 0
    },
    overDeadlineBySpecies: overdue.map((o) => ({
      species: o.species,
      total: o.total,
      overdue: o.overdue,
      shareBp: o.total > 0 ? Math.floor((o.overdue * 1e4 + Math.floor(o.total / 2)) / o.total) : 0
    })),
    appealComplianceBacklogOver365Days: backlog?.n ?? 0,
    schedulingToAttendance: { attended: wait?.n ?? 0, meanDays: wait?.avg ?? null }
  };
}
export {
  actionPlanIndicators
};
