import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { LocalDate } from '../../platform/values/dates';
import { buildReport, type ReportRow } from './domain/report-data';
import { AUTOMATIC_LABEL, NO_GEX_LABEL, NO_SR_LABEL } from './domain/types';
import { renderReportPdf } from './reports/report-pdf';
import { supSupervisions } from './schema';
import { currentChecklist, unitScope } from './store';

/** Coben / SGBEN report (arts. 15 and 22) over the caller's scope, as PDF or XLSX. Audited as an export. */
export async function generateReport(deps: Deps, ctx: Ctx, input: { format: 'pdf' | 'xlsx' }) {
  const scope = await unitScope(deps, ctx);
  const conds: SQL[] = [];
  if (scope !== null) conds.push(scope.length ? inArray(supSupervisions.unitId, scope) : sql`false`);
  const { rows, checklist } = await deps.db.tx(async (tx) => {
    const rows = await tx
      .select()
      .from(supSupervisions)
      .where(conds.length ? and(...conds) : undefined);
    await deps.audit.record(tx, ctx, {
      action: 'export',
      resourceType: 'supervision_report',
      resourceId: null,
      details: { format: input.format, rows: rows.length },
    });
    return { rows, checklist: await currentChecklist(tx) };
  });
  const data = buildReport(
    rows.map(
      (r): ReportRow => ({
        supervisionId: r.id,
        taskId: r.taskId,
        serverId: r.serverId ?? AUTOMATIC_LABEL,
        sr: r.srCode ?? NO_SR_LABEL,
        gex: r.gexCode ?? NO_GEX_LABEL,
        origin: r.origin,
        cycle: r.cycleLabel,
        concludedAt: r.concludedAt,
        outcome: r.outcome,
        nonconformities: r.nonconformities,
      }),
    ),
    checklist,
    LocalDate.today(deps.clock.now()),
  );
  // exceljs is loaded on first use: it adds ~17 MB to a server that may never export a spreadsheet.
  const bytes =
    input.format === 'pdf'
      ? await renderReportPdf(data)
      : await (await import('./reports/report-xlsx')).renderReportXlsx(data);
  return {
    bytes,
    contentType:
      input.format === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `supervisao-tecnica-${data.generatedOn}.${input.format}`,
  };
}
