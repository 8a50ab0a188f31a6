import { writeFile } from "node:fs/promises";
import { readSupervisions } from "../csv/inputs.js";
import checklistDefault from "../data/checklist-default.json" with { type: "json" };
import { buildReport } from "../domain/report-data.js";
import { renderReportPdf } from "../reports/report-pdf.js";
import { renderReportXlsx } from "../reports/report-xlsx.js";
async function reportFromFiles(input) {
  const rows = [];
  await readSupervisions(
    input.supervisions,
    (s, _line, nonconformities) => rows.push({ ...s, nonconformities })
  );
  const data = buildReport(rows, checklistDefault, input.today);
  const bytes = input.format === "pdf" ? await renderReportPdf(data) : await renderReportXlsx(data);
  await writeFile(input.out, bytes);
  return {
    format: input.format,
    out: input.out,
    bytes: bytes.length,
    supervisions: rows.length,
    referrals: data.referrals.length
  };
}
export {
  reportFromFiles
};
