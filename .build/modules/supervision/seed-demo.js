import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../../platform/auth/roles.js";
import { concludeSupervision } from "./conclude-supervision.js";
import { criteriaFor } from "./domain/checklist.js";
import { listSupervisions } from "./list-supervisions.js";
import { recordConcludedTask } from "./record-concluded-task.js";
import { runMonthlySample } from "./run-monthly-sample.js";
import { organizationStaffDirectory } from "./staff-directory.js";
import { currentChecklist } from "./store.js";
async function seedSupervision(deps, ctx) {
  const { rows } = await deps.db.orm.execute(
    sql`SELECT payload FROM outbox WHERE type = 'task.concluded' AND dispatched_at IS NULL ORDER BY seq`
  );
  if (rows.length === 0) return;
  const bar = ctx.progress("Supervis\xE3o t\xE9cnica", 3);
  await deps.db.tx(async (tx) => {
    for (const r of rows) await recordConcludedTask(tx, r.payload);
  });
  bar.increment();
  const months = await deps.db.orm.execute(
    sql`SELECT to_char(concluded_at, 'YYYY-MM') AS month, count(*)::int AS n FROM sup_frame_tasks
         WHERE in_scope GROUP BY 1 HAVING count(*) >= 10 ORDER BY 1 DESC LIMIT 1`
  );
  const month = months.rows[0]?.month;
  if (!month) {
    bar.stop();
    return;
  }
  const system = { actor: SYSTEM_ACTOR, requestId: "demo-seed" };
  await runMonthlySample(deps, system, organizationStaffDirectory(deps), {
    month,
    sizing: { kind: "fixed", size: 8 },
    seed: `demo-${month}`
  });
  bar.increment();
  const checklist = await currentChecklist(deps.db.orm);
  const page = await listSupervisions(deps, system, { status: "pending", limit: 500 });
  for (const s of page.items) {
    if (ctx.random() < 0.33) continue;
    const criteria = criteriaFor(checklist, s.species);
    const r = ctx.random();
    const outcome = r < 0.7 ? "full_ratification" : r < 0.9 ? "ratified_with_revision" : "not_ratified";
    const failed = outcome === "full_ratification" ? null : criteria[Math.floor(ctx.random() * criteria.length)].code;
    const answers = Object.fromEntries(criteria.map((c) => [c.code, c.code !== failed]));
    await concludeSupervision(deps, system, { id: s.id, outcome, answers });
  }
  bar.increment();
  bar.stop();
}
export {
  seedSupervision
};
