class PdfTextError extends Error {
}
async function extractPdfText(data) {
  if (!(data[0] === 37 && data[1] === 80 && data[2] === 68 && data[3] === 70))
    throw new PdfTextError("o arquivo n\xE3o \xE9 um PDF");
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data),
      // pdf.js takes ownership (transfers) of the buffer
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0
    }).promise;
  } catch (e) {
    throw new PdfTextError(`PDF ileg\xEDvel: ${e.message}`);
  }
  const pages = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const rows = /* @__PURE__ */ new Map();
      for (const it of content.items) {
        if (!("str" in it) || !it.str.trim()) continue;
        const y = Math.round(it.transform[5] * 2) / 2;
        let key = y;
        for (const k of rows.keys())
          if (Math.abs(k - y) < 2) {
            key = k;
            break;
          }
        const row = rows.get(key) ?? [];
        row.push({ x: it.transform[4], s: it.str });
        rows.set(key, row);
      }
      const lines = [...rows.entries()].sort((a, b) => b[0] - a[0]).map(
        ([, items]) => items.sort((a, b) => a.x - b.x).map((i) => i.s.trim()).join(" ")
      );
      pages.push(lines.join("\n"));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages.join("\n\f");
}
export {
  PdfTextError,
  extractPdfText
};
