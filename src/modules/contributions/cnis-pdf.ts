/**
 * Text of a PDF (the CNIS "Extrato Previdenciário" downloaded from Meu INSS) with pdf.js
 * (pdfjs-dist 4, legacy build: runs on Node 20 with no worker thread, no network, no canvas).
 * Text items are regrouped into lines by their baseline and ordered left to right, with one
 * space between items, and pages separated by a form feed — the shape parseCnisText expects.
 */
export class PdfTextError extends Error {}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

export async function extractPdfText(data: Uint8Array): Promise<string> {
  if (!(data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44 && data[3] === 0x46))
    throw new PdfTextError('o arquivo não é um PDF');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data), // pdf.js takes ownership (transfers) of the buffer
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    throw new PdfTextError(`PDF ilegível: ${(e as Error).message}`);
  }
  const pages: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const rows = new Map<number, { x: number; s: string }[]>();
      for (const it of content.items as TextItem[]) {
        if (!('str' in it) || !it.str.trim()) continue;
        const y = Math.round(it.transform[5]! * 2) / 2;
        // Items on (almost) the same baseline form one line.
        let key = y;
        for (const k of rows.keys())
          if (Math.abs(k - y) < 2) {
            key = k;
            break;
          }
        const row = rows.get(key) ?? [];
        row.push({ x: it.transform[4]!, s: it.str });
        rows.set(key, row);
      }
      const lines = [...rows.entries()]
        .sort((a, b) => b[0] - a[0]) // PDF y grows upwards
        .map(([, items]) =>
          items
            .sort((a, b) => a.x - b.x)
            .map((i) => i.s.trim())
            .join(' '),
        );
      pages.push(lines.join('\n'));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages.join('\n\f');
}
