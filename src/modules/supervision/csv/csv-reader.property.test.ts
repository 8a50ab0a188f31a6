import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser } from './csv-reader';

// RFC 4180 round trip: any table of fields (commas, quotes, CR/LF inside), serialised with quoting
// where needed, parses back to the same fields whatever the chunk boundaries.
const field = fc.string({
  unit: fc.constantFrom('a', 'b', 'ç', 'ã', ',', '"', '\n', '\r\n', ' ', ';', '1'),
  maxLength: 8,
});

function serialise(rows: string[][]): string {
  return rows
    .map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f)).join(','))
    .join('\r\n');
}

describe('CSV reader round trip (property)', () => {
  it('parses back what RFC 4180 serialisation wrote, for any chunking', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((w) =>
            fc.tuple(
              fc.constant(w),
              fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }),
            ),
          ),
        fc.integer({ min: 1, max: 17 }),
        fc.boolean(),
        ([w, rows], chunk, trailingNewline) => {
          const header = Array.from({ length: w }, (_, i) => `c${i}`);
          const text = `${header.join(',')}\r\n${serialise(rows)}${trailingNewline ? '\n' : ''}`;
          const got: string[][] = [];
          const p = new CsvParser(header, (f) => got.push([...f]));
          for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk), false);
          p.push('', true);
          expect(got).toEqual(rows);
          // the lazy view gives the same fields, and equals/length agree without allocating
          const viaView: string[][] = [];
          const v = new CsvParser(header, {
            view: (row) => {
              const fields = header.map((_, k) => row.get(k));
              fields.forEach((f, k) => {
                expect(row.equals(k, f)).toBe(true);
                expect(row.equals(k, `${f}x`)).toBe(false);
                expect(row.length(k)).toBe(f.length);
              });
              viaView.push(fields);
            },
          });
          for (let i = 0; i < text.length; i += chunk) v.push(text.slice(i, i + chunk), false);
          v.push('', true);
          expect(viaView).toEqual(rows);
        },
      ),
      { numRuns: 400 },
    );
  });
});
