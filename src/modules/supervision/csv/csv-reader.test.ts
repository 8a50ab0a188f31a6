import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvInputError, CsvParser, readCsv } from './csv-reader';

function parseAll(text: string, columns: string[], pieceSize = text.length) {
  const rows: [string[], number][] = [];
  const p = new CsvParser(columns, (f, line) => rows.push([[...f], line]));
  for (let i = 0; i < text.length; i += pieceSize) p.push(text.slice(i, i + pieceSize), false);
  p.push('', true);
  return rows;
}

describe('streaming CSV reader', () => {
  const text = '\ufeffa,b,c\r\n1,"x, y",3\r\n"4","he said ""hi""",6\n7,"multi\nline",9\n\n10,,\n';
  const expected = [
    [['1', 'x, y', '3'], 2],
    [['4', 'he said "hi"', '6'], 3],
    [['7', 'multi\nline', '9'], 4],
    [['10', '', ''], 7],
  ];
  it('handles BOM, CRLF, quoted commas, escaped quotes, line breaks in quotes, blank lines', () => {
    expect(parseAll(text, ['a', 'b', 'c'])).toEqual(expected);
  });
  it('gives the same result whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parseAll(text, ['a', 'b', 'c'], size)).toEqual(expected);
  });
  it('re-orders columns to the requested order', () => {
    expect(parseAll('c,a,b\n3,1,2\n', ['a', 'b', 'c'])).toEqual([[['1', '2', '3'], 2]]);
  });
  it('last line without newline', () => {
    expect(parseAll('a\nx', ['a'])).toEqual([[['x'], 2]]);
  });
  it('unknown column → line 1; missing column; wrong number of fields → that line', () => {
    expect(() => parseAll('a,b,zzz\n', ['a', 'b'])).toThrow(/Linha 1: coluna desconhecida "zzz"/);
    expect(() => parseAll('a\n', ['a', 'b'])).toThrow(/falta a coluna "b"/);
    expect(() => parseAll('a,b\n1,2\n1,2,3\n', ['a', 'b'])).toThrow(/Linha 3: esperados 2 campos/);
    expect(() => parseAll('a,b\n1,"2\n', ['a', 'b'])).toThrow(CsvInputError);
  });
  it('reads a file, counting rows and hashing the bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sup-csv-'));
    const f = join(dir, 'x.csv');
    writeFileSync(f, 'a,b\n1,2\n');
    const seen: string[][] = [];
    const r = await readCsv(f, ['a', 'b'], (row) => seen.push([...row]));
    expect(r.rows).toBe(1);
    // printf 'a,b\n1,2\n' | sha256sum
    expect(r.sha256).toBe('492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470');
    expect(seen).toEqual([['1', '2']]);
    await expect(readCsv(join(dir, 'none.csv'), ['a'], () => {})).rejects.toThrow(/arquivo não encontrado/);
    await expect(readCsv(dir, ['a'], () => {})).rejects.toThrow(/não é um arquivo/);
    writeFileSync(join(dir, 'empty.csv'), '');
    await expect(readCsv(join(dir, 'empty.csv'), ['a'], () => {})).rejects.toThrow(/Linha 1: arquivo vazio/);
  });
});
