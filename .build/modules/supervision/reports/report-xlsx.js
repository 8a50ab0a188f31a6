import ExcelJS from "exceljs";
import { brDate } from "./format.js";
const PCT = '0.00"%"';
function indicatorSheet(wb, name, keyTitle, groups) {
  const ws = wb.addWorksheet(name);
  ws.columns = [
    { header: keyTitle, key: "key", width: 16 },
    { header: "Total", key: "total", width: 10 },
    { header: "Ratifica\xE7\xE3o plena", key: "full", width: 18 },
    { header: "Ratificada com revis\xE3o", key: "revision", width: 22 },
    { header: "N\xE3o ratificada", key: "notRatified", width: 16 },
    { header: "ICON (%)", key: "icon", width: 10, style: { numFmt: PCT } },
    { header: "ICON IC95% inf.", key: "iconLow", width: 14, style: { numFmt: PCT } },
    { header: "ICON IC95% sup.", key: "iconHigh", width: 14, style: { numFmt: PCT } },
    { header: "IDR (%)", key: "idr", width: 10, style: { numFmt: PCT } },
    { header: "IPR (%)", key: "ipr", width: 10, style: { numFmt: PCT } },
    { header: "IDNR (%)", key: "idnr", width: 10, style: { numFmt: PCT } }
  ];
  for (const g of groups) {
    ws.addRow({
      key: g.key === "all" ? "Total" : g.key,
      total: g.total,
      full: g.full,
      revision: g.revision,
      notRatified: g.notRatified,
      icon: g.icon,
      iconLow: g.ci95?.icon.low ?? null,
      iconHigh: g.ci95?.icon.high ?? null,
      idr: g.idr,
      ipr: g.ipr,
      idnr: g.idnr
    });
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
}
async function renderReportXlsx(data) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Previd\xEAncia Digital";
  wb.title = data.title;
  const summary = wb.addWorksheet("Resumo");
  summary.addRows([
    [data.title],
    [`Gerado em ${brDate(data.generatedOn)}`],
    ["Supervis\xF5es no arquivo", data.supervisions],
    ["Pendentes", data.pending],
    ["Base dos indicadores", "Somente amostra aleat\xF3ria (art. 9, \xA71\xBA)"]
  ]);
  summary.getRow(1).font = { bold: true, size: 13 };
  summary.getColumn(1).width = 40;
  indicatorSheet(wb, "Indicadores", "Recorte", data.overall ? [data.overall] : []);
  indicatorSheet(wb, "Evolu\xE7\xE3o por ciclo", "Ciclo", data.trend);
  indicatorSheet(wb, "Por SR", "SR", data.bySr);
  indicatorSheet(wb, "Por GEX", "GEX", data.byGex);
  const nc = wb.addWorksheet("N\xE3o conformidades");
  nc.columns = [
    { header: "Crit\xE9rio", key: "code", width: 10 },
    { header: "Descri\xE7\xE3o", key: "label", width: 70 },
    { header: "Ocorr\xEAncias", key: "count", width: 12 },
    { header: "% das supervis\xF5es", key: "share", width: 18, style: { numFmt: PCT } }
  ];
  for (const n of data.nonconformities) nc.addRow(n);
  nc.getRow(1).font = { bold: true };
  const rf = wb.addWorksheet("Encaminhamentos");
  rf.columns = [
    { header: "Ciclo", key: "cycle", width: 10 },
    { header: "Servidor", key: "serverId", width: 14 },
    { header: "Supervisionados", key: "supervised", width: 16 },
    { header: "\xCDndice de Performance (%)", key: "performanceIndex", width: 24, style: { numFmt: PCT } },
    { header: "N\xE3o ratificadas", key: "notRatified", width: 16 },
    { header: "Motivos", key: "reasons", width: 70 },
    { header: "Proposta de desligamento (decis\xE3o humana, com direito de defesa)", key: "removal", width: 30 }
  ];
  for (const r of data.referrals) {
    rf.addRow({ ...r, reasons: r.reasonLabels.join("; "), removal: r.proposedRemoval ? "Sim" : "N\xE3o" });
  }
  rf.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
export {
  renderReportXlsx
};
