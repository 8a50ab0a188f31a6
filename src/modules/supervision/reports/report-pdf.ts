import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IndicatorGroup } from '../domain/indicators';
import type { ReportData } from '../domain/report-data';
import { brDate, int, pct } from './format';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | null = null;
function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const p = require('pdfmake') as PdfMake;
  const fontsDir = join(dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
  p.setFonts({
    Roboto: {
      normal: join(fontsDir, 'Roboto-Regular.ttf'),
      bold: join(fontsDir, 'Roboto-Medium.ttf'),
      italics: join(fontsDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontsDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  p.setUrlAccessPolicy(() => false); // no network access from reports
  p.setLocalAccessPolicy((path) => path.startsWith(fontsDir));
  pdfmake = p;
  return p;
}

function indicatorTable(groups: IndicatorGroup[], keyTitle: string) {
  const head = [keyTitle, 'Total', 'Plena', 'Com revisão', 'Não ratif.', 'ICON', 'IDR', 'IPR', 'IDNR'].map(
    (t) => ({
      text: t,
      bold: true,
      fillColor: '#e8eef7',
    }),
  );
  const body = groups.map((g) => [
    g.key === 'all' ? 'Total' : g.key,
    int(g.total),
    int(g.full),
    int(g.revision),
    int(g.notRatified),
    pct(g.icon),
    pct(g.idr),
    pct(g.ipr),
    pct(g.idnr),
  ]);
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: [head, ...body],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
    margin: [0, 4, 0, 12],
  };
}

/** PDF of the report (pdfmake, Roboto from pdfmake/build/fonts, no URL access). */
export async function renderReportPdf(data: ReportData): Promise<Buffer> {
  const o = data.overall;
  const content: unknown[] = [
    { text: data.title, style: 'h1' },
    {
      text: `Gerado em ${brDate(data.generatedOn)} — Coordenação de Gestão de Benefícios (Coben) e SGBEN`,
      style: 'muted',
    },
    {
      text: `Supervisões no arquivo: ${int(data.supervisions)} (pendentes: ${int(data.pending)}). Os indicadores consideram somente as supervisões da amostra aleatória (art. 9, §1º).`,
      margin: [0, 8, 0, 8],
    },
    { text: '1. Indicadores de desempenho da qualidade (art. 9º)', style: 'h2' },
    o
      ? {
          ul: [
            `ICON (Índice de Conformidade): ${pct(o.icon)} — IC 95%: ${pct(o.ci95!.icon.low)} a ${pct(o.ci95!.icon.high)}`,
            `IDR (Decisões Ratificadas): ${pct(o.idr)} — IC 95%: ${pct(o.ci95!.idr.low)} a ${pct(o.ci95!.idr.high)}`,
            `IPR (Processos a Serem Reanalisados): ${pct(o.ipr)} — IC 95%: ${pct(o.ci95!.ipr.low)} a ${pct(o.ci95!.ipr.high)}`,
            `IDNR (Decisões Não Ratificadas): ${pct(o.idnr)} — IC 95%: ${pct(o.ci95!.idnr.low)} a ${pct(o.ci95!.idnr.high)}`,
          ],
        }
      : { text: 'Sem supervisões concluídas da amostra aleatória.', italics: true },
    { text: '2. Evolução por ciclo', style: 'h2' },
    indicatorTable(data.trend, 'Ciclo'),
    { text: '3. Indicadores por Superintendência Regional', style: 'h2' },
    indicatorTable(data.bySr, 'SR'),
    { text: '4. Indicadores por Gerência Executiva', style: 'h2' },
    indicatorTable(data.byGex, 'GEX'),
    { text: '5. Não conformidades mais frequentes (art. 5º)', style: 'h2' },
    data.nonconformities.length > 0
      ? {
          table: {
            headerRows: 1,
            widths: ['auto', '*', 'auto', 'auto'],
            body: [
              ['Critério', 'Descrição', 'Ocorrências', '% das supervisões'].map((t) => ({
                text: t,
                bold: true,
                fillColor: '#e8eef7',
              })),
              ...data.nonconformities.map((n) => [n.code, n.label, int(n.count), pct(n.share)]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 8,
        }
      : { text: 'Nenhuma não conformidade registrada.', italics: true },
    { text: '6. Encaminhamentos para capacitação (arts. 13 e 14)', style: 'h2' },
    data.referrals.length > 0
      ? {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', 'auto', 'auto', '*', 'auto'],
            body: [
              [
                'Ciclo',
                'Servidor',
                'Supervisionados',
                'Índice de Performance',
                'Motivos',
                'Proposta de desligamento',
              ].map((t) => ({
                text: t,
                bold: true,
                fillColor: '#e8eef7',
              })),
              ...data.referrals.map((r) => [
                r.cycle,
                r.serverId,
                int(r.supervised),
                pct(r.performanceIndex),
                r.reasonLabels.join('; '),
                r.proposedRemoval ? 'Sim (assegurados contraditório e ampla defesa)' : 'Não',
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 8,
        }
      : { text: 'Nenhum servidor encaminhado.', italics: true },
  ];
  const doc = {
    info: { title: data.title, author: 'Previdência Digital', subject: 'Supervisão Técnica em Benefícios' },
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      muted: { color: '#555555' },
    },
    footer: (page: number, pages: number) => ({
      text: `Página ${page} de ${pages}`,
      alignment: 'center',
      fontSize: 7,
      color: '#777777',
    }),
    content,
  };
  return engine().createPdf(doc).getBuffer();
}
