import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LocalDate } from '../../platform/values/dates';
import type { RmiResult } from './calculate-rmi';
import { RULES } from './domain/input';

/**
 * The memória de cálculo as a person reads it: pt-BR text and PDF (pdfmake 0.3.11 with the Roboto
 * fonts shipped in pdfmake/build/fonts; URL access disabled, so the PDF never fetches anything).
 */
const fmtMoney = (s: string | null) => {
  if (s === null) return '—';
  const [int, frac] = s.split('.');
  return `R$ ${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
};

function ruleName(id: string): string {
  return (RULES as Record<string, string>)[id] ?? id;
}

function summaryLines(r: RmiResult): string[] {
  const tc = r.contribution_time;
  return [
    `Regra: ${r.rule} — ${ruleName(r.rule)}`,
    `Resultado: ${r.eligible ? 'requisitos cumpridos' : 'requisitos NÃO cumpridos'}`,
    `DIB: ${LocalDate.toBr(r.dib)}`,
    `Tempo de contribuição: ${tc.years} anos, ${tc.months} meses e ${tc.days} dias`,
    `Carência: ${r.qualifying_months} meses`,
    `Média: ${fmtMoney(r.average)}`,
    `Salário de benefício: ${fmtMoney(r.benefit_salary)}`,
    `Coeficiente: ${r.coefficient === null ? '—' : r.coefficient.replace('.', ',')}`,
    `Fator previdenciário: ${r.fator_previdenciario === null ? 'não se aplica' : r.fator_previdenciario.replace('.', ',')}`,
    `RMI: ${fmtMoney(r.rmi)}`,
  ];
}

export function renderText(r: RmiResult): string {
  const out: string[] = ['MEMÓRIA DE CÁLCULO DA RENDA MENSAL INICIAL', '', ...summaryLines(r), '', 'Passos:'];
  r.steps.forEach((s, i) => {
    out.push(`${String(i + 1).padStart(3, ' ')}. ${s.what}: ${s.value}`);
    out.push(`     Base legal: ${s.legal}`);
  });
  if (r.alternatives.length > 0) {
    out.push('', 'Outras regras avaliadas:');
    for (const a of r.alternatives) {
      out.push(
        `  - ${a.rule} (${ruleName(a.rule)}): ${a.eligible ? 'requisitos cumpridos' : 'não cumpridos'}${a.rmi ? `, RMI ${fmtMoney(a.rmi)}` : ''}`,
      );
      for (const reason of a.reasons) out.push(`      · ${reason}`);
    }
  }
  out.push(
    '',
    'Arredondamento: fatores de correção com 6 casas; cada salário corrigido, a média e a RMI ao centavo (metade para cima); fator previdenciário com 4 casas.',
  );
  return `${out.join('\n')}\n`;
}

type PdfMake = {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
let pdfmake: PdfMake | null = null;

function getPdfMake(): PdfMake {
  if (pdfmake) return pdfmake;
  const require = createRequire(import.meta.url);
  const p = require('pdfmake') as PdfMake;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'build/fonts/Roboto');
  p.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  pdfmake = p;
  return p;
}

export async function renderPdf(r: RmiResult, opts: { title?: string } = {}): Promise<Buffer> {
  const p = getPdfMake();
  const doc = {
    info: {
      title: 'Memória de cálculo da RMI',
      producer: 'Previdência Digital',
      creator: 'Previdência Digital',
    },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer: (page: number, pages: number) => ({
      text: `Página ${page} de ${pages}`,
      alignment: 'center',
      fontSize: 7,
      margin: [0, 20, 0, 0],
    }),
    content: [
      {
        text: opts.title ?? 'Memória de cálculo da renda mensal inicial (RMI)',
        fontSize: 14,
        bold: true,
        margin: [0, 0, 0, 8],
      },
      { ul: summaryLines(r), fontSize: 9, margin: [0, 0, 0, 10] },
      {
        table: {
          headerRows: 1,
          widths: [18, '*', 'auto', 150],
          body: [
            [
              { text: '#', bold: true },
              { text: 'Passo', bold: true },
              { text: 'Valor', bold: true },
              { text: 'Base legal', bold: true },
            ],
            ...r.steps.map((s, i) => [String(i + 1), s.what, s.value, s.legal]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      ...(r.alternatives.length
        ? [
            { text: 'Outras regras avaliadas', bold: true, fontSize: 10, margin: [0, 12, 0, 4] },
            {
              ul: r.alternatives.map(
                (a) =>
                  `${a.rule} (${ruleName(a.rule)}): ${a.eligible ? 'requisitos cumpridos' : 'não cumpridos'}${a.rmi ? `, RMI ${fmtMoney(a.rmi)}` : ''}${a.reasons.length ? ` — ${a.reasons.join('; ')}` : ''}`,
              ),
            },
          ]
        : []),
      {
        text: 'Arredondamento: fatores de correção com 6 casas; cada salário corrigido, a média e a RMI ao centavo (metade para cima); fator previdenciário com 4 casas.',
        italics: true,
        margin: [0, 12, 0, 0],
      },
    ],
  };
  return p.createPdf(doc).getBuffer();
}
