import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPdfText, PdfTextError } from './cnis-pdf';
import { indicatorsByCompetence, parseCnisText } from './domain/cnis-text';
import { SAMPLE_TEXT_PATH, sampleWithIndicators } from './fixtures/cnis-samples';
import { renderCnisText } from './fixtures/render-cnis-text';
import { makeTextPdf } from './fixtures/text-pdf';

const strip = (e: ReturnType<typeof parseCnisText>) => ({
  person: e.person,
  links: e.links,
  benefits: e.benefits,
});

describe('extrato CNIS em PDF', () => {
  it('o PDF do exemplo sintético dá o mesmo resultado que o texto: 2 vínculos, 119 + 110 valores', async () => {
    const text = readFileSync(SAMPLE_TEXT_PATH, 'utf8');
    const pdf = await makeTextPdf(text);
    const extracted = await extractPdfText(pdf);
    const e = parseCnisText(extracted);
    expect(e.links.map((l) => l.remunerations.length)).toEqual([119, 110]);
    expect(strip(e)).toEqual(strip(parseCnisText(text)));
    expect(e.warnings).toEqual([]);
  });

  it('indicadores cortados pelo PDF ("PSC-" "MEN-" "SM-" / "EC103") voltam inteiros', async () => {
    const text = renderCnisText(sampleWithIndicators());
    const e = parseCnisText(await extractPdfText(await makeTextPdf(text)));
    expect(strip(e)).toEqual(strip(parseCnisText(text)));
    expect(indicatorsByCompetence(e)[0]).toEqual({
      seq: 1,
      competence: '1996-04',
      indicators: ['PSC-MEN-SM-EC103', 'PEXT'],
    });
  });

  it('recusa um arquivo que não é PDF', async () => {
    await expect(extractPdfText(Buffer.from('não sou um PDF'))).rejects.toThrow(PdfTextError);
  });
});
