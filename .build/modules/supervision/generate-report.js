import { and, inArray, sql } from "drizzle-orm";
import { LocalDate } from "../../platform/values/dates.js";
import { buildReport } from "./domain/report-data.js";
import { AUTOMATIC_LABEL, NO_GEX_LABEL, NO_SR_LABEL } from "./domain/types.js";
import { renderReportPdf } from "./reports/report-pdf.js";
import { supSupervisions } from "./schema.js";
import { currentChecklist, unitScope } from "./store.js";
async function generateReport(deps, ctx, input) {
  const scope = await unitScope(deps, ctx);
  const conds = [];
  if (scope !== null) conds.push(scope.length ? inArray(supSupervisions.unitId, scope) : sql`false`);
  const { rows, checklist } = await deps.db.tx(async (tx) => {
    const rows2 = await tx.select().from(supSupervisions).where(conds.length ? and(...conds) : void 0);
    await deps.audit.record(tx, ctx, {
      action: "export",
      resourceType: "supervision_report",
      resourceId: null,
      details: { format: input.format, rows: rows2.length }
    });
    return { rows: rows2, checklist: await currentChecklist(tx) };
  });
  const data = buildReport(
    rows.map(
      (r) => ({
        supervisionId: r.id,
        taskId: r.taskId,
        serverId: r.serverId ?? AUTOMATIC_LABEL,
        sr: r.srCode ?? NO_SR_LABEL,
        gex: r.gexCode ?? NO_GEX_LABEL,
        origin: r.origin,
        cycle: r.cycleLabel,
        concludedAt: r.concludedAt,
        outcome: r.outcome,
        nonconformities: r.nonconformities
      })
    ),
    checklist,
    LocalDate.today(deps.clock.now())
  );
  const bytes = input.format === "pdf" ? await renderReportPdf(data) : await (await import("./reports/report-xlsx.js")).renderReportXlsx(data);
  return {
    bytes,
    contentType: input.format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `supervisao-tecnica-${data.generatedOn}.${input.format}`
  };
}
export {
  generateReport
};
