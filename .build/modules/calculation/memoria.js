import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { LocalDate } from "../../platform/values/dates.js";
import { RULES } from "./domain/input.js";
const fmtMoney = (s) => {
  if (s === null) return "\u2014";
  const [int, frac] = s.split(".");
  return `R$ ${int.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${frac}`;
};
function ruleName(id) {
  return RULES[id] ?? id;
}
function summaryLines(r) {
  const tc = r.contribution_time;
  return [
    `Regra: ${r.rule} \u2014 ${ruleName(r.rule)}`,
    `Resultado: ${r.eligible ? "requisitos cumpridos" : "requisitos N\xC3O cumpridos"}`,
    `DIB: ${LocalDate.toBr(r.dib)}`,
    `Tempo de contribui\xE7\xE3o: ${tc.years} anos, ${tc.months} meses e ${tc.days} dias`,
    `Car\xEAncia: ${r.qualifying_months} meses`,
    `M\xE9dia: ${fmtMoney(r.average)}`,
    `Sal\xE1rio de benef\xEDcio: ${fmtMoney(r.benefit_salary)}`,
    `Coeficiente: ${r.coefficient === null ? "\u2014" : r.coefficient.replace(".", ",")}`,
    `Fator previdenci\xE1rio: ${r.fator_previdenciario === null ? "n\xE3o se aplica" : r.fator_previdenciario.replace(".", ",")}`,
    `RMI: ${fmtMoney(r.rmi)}`
  ];
}
function renderText(r) {
  const out = ["MEM\xD3RIA DE C\xC1LCULO DA RENDA MENSAL INICIAL", "", ...summaryLines(r), "", "Passos:"];
  r.steps.forEach((s, i) => {
    out.push(`${String(i + 1).padStart(3, " ")}. ${s.what}: ${s.value}`);
    out.push(`     Base legal: ${s.legal}`);
  });
  if (r.alternatives.length > 0) {
    out.push("", "Outras regras avaliadas:");
    for (const a of r.alternatives) {
      out.push(
        `  - ${a.rule} (${ruleName(a.rule)}): ${a.eligible ? "requisitos cumpridos" : "n\xE3o cumpridos"}${a.rmi ? `, RMI ${fmtMoney(a.rmi)}` : ""}`
      );
      for (const reason of a.reasons) out.push(`      \xB7 ${reason}`);
    }
  }
  out.push(
    "",
    "Arredondamento: fatores de corre\xE7\xE3o com 6 casas; cada sal\xE1rio corrigido, a m\xE9dia e a RMI ao centavo (metade para cima); fator previdenci\xE1rio com 4 casas."
  );
  return `${out.join("\n")}
`;
}
let pdfmake = null;
function getPdfMake() {
  if (pdfmake) return pdfmake;
  const require2 = createRequire(import.meta.url);
  const p = require2("pdfmake");
  const fontDir = join(dirname(require2.resolve("pdfmake/package.json")), "build/fonts/Roboto");
  p.setFonts({
    Roboto: {
      normal: join(fontDir, "Roboto-Regular.ttf"),
      bold: join(fontDir, "Roboto-Medium.ttf"),
      italics: join(fontDir, "Roboto-Italic.ttf"),
      bolditalics: join(fontDir, "Roboto-MediumItalic.ttf")
    }
  });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  pdfmake = p;
  return p;
}
async function renderPdf(r, opts = {}) {
  const p = getPdfMake();
  const doc = {
    info: {
      title: "Mem\xF3ria de c\xE1lculo da RMI",
      producer: "Previd\xEAncia Digital",
      creator: "Previd\xEAncia Digital"
    },
    pageSize: "A4",
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: "Roboto", fontSize: 8 },
    footer: (page, pages) => ({
      text: `P\xE1gina ${page} de ${pages}`,
      alignment: "center",
      fontSize: 7,
      margin: [0, 20, 0, 0]
    }),
    content: [
      {
        text: opts.title ?? "Mem\xF3ria de c\xE1lculo da renda mensal inicial (RMI)",
        fontSize: 14,
        bold: true,
        margin: [0, 0, 0, 8]
      },
      { ul: summaryLines(r), fontSize: 9, margin: [0, 0, 0, 10] },
      {
        table: {
          headerRows: 1,
          widths: [18, "*", "auto", 150],
          body: [
            [
              { text: "#", bold: true },
              { text: "Passo", bold: true },
              { text: "Valor", bold: true },
              { text: "Base legal", bold: true }
            ],
            ...r.steps.map((s, i) => [String(i + 1), s.what, s.value, s.legal])
          ]
        },
        layout: "lightHorizontalLines"
      },
      ...r.alternatives.length ? [
        { text: "Outras regras avaliadas", bold: true, fontSize: 10, margin: [0, 12, 0, 4] },
        {
          ul: r.alternatives.map(
            (a) => `${a.rule} (${ruleName(a.rule)}): ${a.eligible ? "requisitos cumpridos" : "n\xE3o cumpridos"}${a.rmi ? `, RMI ${fmtMoney(a.rmi)}` : ""}${a.reasons.length ? ` \u2014 ${a.reasons.join("; ")}` : ""}`
          )
        }
      ] : [],
      {
        text: "Arredondamento: fatores de corre\xE7\xE3o com 6 casas; cada sal\xE1rio corrigido, a m\xE9dia e a RMI ao centavo (metade para cima); fator previdenci\xE1rio com 4 casas.",
        italics: true,
        margin: [0, 12, 0, 0]
      }
    ]
  };
  return p.createPdf(doc).getBuffer();
}
export {
  renderPdf,
  renderText
};
