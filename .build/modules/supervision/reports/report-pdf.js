import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { brDate, int, pct } from "./format.js";
const require2 = createRequire(import.meta.url);
let pdfmake = null;
function engine() {
  if (pdfmake) return pdfmake;
  const p = require2("pdfmake");
  const fontsDir = join(dirname(require2.resolve("pdfmake/package.json")), "build", "fonts", "Roboto");
  p.setFonts({
    Roboto: {
      normal: join(fontsDir, "Roboto-Regular.ttf"),
      bold: join(fontsDir, "Roboto-Medium.ttf"),
      italics: join(fontsDir, "Roboto-Italic.ttf"),
      bolditalics: join(fontsDir, "Roboto-MediumItalic.ttf")
    }
  });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((path) => path.startsWith(fontsDir));
  pdfmake = p;
  return p;
}
function indicatorTable(groups, keyTitle) {
  const head = [keyTitle, "Total", "Plena", "Com revis\xE3o", "N\xE3o ratif.", "ICON", "IDR", "IPR", "IDNR"].map(
    (t) => ({
      text: t,
      bold: true,
      fillColor: "#e8eef7"
    })
  );
  const body = groups.map((g) => [
    g.key === "all" ? "Total" : g.key,
    int(g.total),
    int(g.full),
    int(g.revision),
    int(g.notRatified),
    pct(g.icon),
    pct(g.idr),
    pct(g.ipr),
    pct(g.idnr)
  ]);
  return {
    table: {
      headerRows: 1,
      widths: ["*", "auto", "auto", "auto", "auto", "auto", "auto", "auto", "auto"],
      body: [head, ...body]
    },
    layout: "lightHorizontalLines",
    fontSize: 8,
    margin: [0, 4, 0, 12]
  };
}
async function renderReportPdf(data) {
  const o = data.overall;
  const content = [
    { text: data.title, style: "h1" },
    {
      text: `Gerado em ${brDate(data.generatedOn)} \u2014 Coordena\xE7\xE3o de Gest\xE3o de Benef\xEDcios (Coben) e SGBEN`,
      style: "muted"
    },
    {
      text: `Supervis\xF5es no arquivo: ${int(data.supervisions)} (pendentes: ${int(data.pending)}). Os indicadores consideram somente as supervis\xF5es da amostra aleat\xF3ria (art. 9, \xA71\xBA).`,
      margin: [0, 8, 0, 8]
    },
    { text: "1. Indicadores de desempenho da qualidade (art. 9\xBA)", style: "h2" },
    o ? {
      ul: [
        `ICON (\xCDndice de Conformidade): ${pct(o.icon)} \u2014 IC 95%: ${pct(o.ci95.icon.low)} a ${pct(o.ci95.icon.high)}`,
        `IDR (Decis\xF5es Ratificadas): ${pct(o.idr)} \u2014 IC 95%: ${pct(o.ci95.idr.low)} a ${pct(o.ci95.idr.high)}`,
        `IPR (Processos a Serem Reanalisados): ${pct(o.ipr)} \u2014 IC 95%: ${pct(o.ci95.ipr.low)} a ${pct(o.ci95.ipr.high)}`,
        `IDNR (Decis\xF5es N\xE3o Ratificadas): ${pct(o.idnr)} \u2014 IC 95%: ${pct(o.ci95.idnr.low)} a ${pct(o.ci95.idnr.high)}`
      ]
    } : { text: "Sem supervis\xF5es conclu\xEDdas da amostra aleat\xF3ria.", italics: true },
    { text: "2. Evolu\xE7\xE3o por ciclo", style: "h2" },
    indicatorTable(data.trend, "Ciclo"),
    { text: "3. Indicadores por Superintend\xEAncia Regional", style: "h2" },
    indicatorTable(data.bySr, "SR"),
    { text: "4. Indicadores por Ger\xEAncia Executiva", style: "h2" },
    indicatorTable(data.byGex, "GEX"),
    { text: "5. N\xE3o conformidades mais frequentes (art. 5\xBA)", style: "h2" },
    data.nonconformities.length > 0 ? {
      table: {
        headerRows: 1,
        widths: ["auto", "*", "auto", "auto"],
        body: [
          ["Crit\xE9rio", "Descri\xE7\xE3o", "Ocorr\xEAncias", "% das supervis\xF5es"].map((t) => ({
            text: t,
            bold: true,
            fillColor: "#e8eef7"
          })),
          ...data.nonconformities.map((n) => [n.code, n.label, int(n.count), pct(n.share)])
        ]
      },
      layout: "lightHorizontalLines",
      fontSize: 8
    } : { text: "Nenhuma n\xE3o conformidade registrada.", italics: true },
    { text: "6. Encaminhamentos para capacita\xE7\xE3o (arts. 13 e 14)", style: "h2" },
    data.referrals.length > 0 ? {
      table: {
        headerRows: 1,
        widths: ["auto", "auto", "auto", "auto", "*", "auto"],
        body: [
          [
            "Ciclo",
            "Servidor",
            "Supervisionados",
            "\xCDndice de Performance",
            "Motivos",
            "Proposta de desligamento"
          ].map((t) => ({
            text: t,
            bold: true,
            fillColor: "#e8eef7"
          })),
          ...data.referrals.map((r) => [
            r.cycle,
            r.serverId,
            int(r.supervised),
            pct(r.performanceIndex),
            r.reasonLabels.join("; "),
            r.proposedRemoval ? "Sim (assegurados contradit\xF3rio e ampla defesa)" : "N\xE3o"
          ])
        ]
      },
      layout: "lightHorizontalLines",
      fontSize: 8
    } : { text: "Nenhum servidor encaminhado.", italics: true }
  ];
  const doc = {
    info: { title: data.title, author: "Previd\xEAncia Digital", subject: "Supervis\xE3o T\xE9cnica em Benef\xEDcios" },
    pageSize: "A4",
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: "Roboto", fontSize: 9 },
    styles: {
      h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      muted: { color: "#555555" }
    },
    footer: (page, pages) => ({
      text: `P\xE1gina ${page} de ${pages}`,
      alignment: "center",
      fontSize: 7,
      color: "#777777"
    }),
    content
  };
  return engine().createPdf(doc).getBuffer();
}
export {
  renderReportPdf
};
