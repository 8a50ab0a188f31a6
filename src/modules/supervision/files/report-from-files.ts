import { writeFile } from 'node:fs/promises';
import { readSupervisions } from '../csv/inputs';
import checklistDefault from '../data/checklist-default.json' with { type: 'json' };
import type { ChecklistConfig } from '../domain/checklist';
import { buildReport, type ReportRow } from '../domain/report-data';
import { renderReportPdf } from '../reports/report-pdf';
import { renderReportXlsx } from '../reports/report-xlsx';

/** `supervision report`: Coben/SGBEN report (arts. 15 and 22) from a supervisions CSV. */
export async function reportFromFiles(input: {
  supervisions: string;
  format: 'pdf' | 'xlsx';
  out: string;
  today: string;
}) {
  const rows: ReportRow[] = [];
  await readSupervisions(input.supervisions, (s, _line, nonconformities) =>
    rows.push({ ...s, nonconformities }),
  );
  const data = buildReport(rows, checklistDefault as ChecklistConfig, input.today);
  const bytes = input.format === 'pdf' ? await renderReportPdf(data) : await renderReportXlsx(data);
  await writeFile(input.out, bytes);
  return {
    format: input.format,
    out: input.out,
    bytes: bytes.length,
    supervisions: rows.length,
    referrals: data.referrals.length,
  };
}
