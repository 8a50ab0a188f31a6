import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * Streaming CSV reader (RFC 4180: UTF-8, header row, comma separator, fields optionally quoted
 * with `"` and `""` as an escaped quote, quoted fields may contain commas and line breaks, LF or
 * CRLF line ends, optional BOM). Built for speed: the file is read in 1 MiB chunks, lines without
 * quotes are split with native `indexOf` (no per-character loop), and only the caller's callback
 * sees the fields. The SHA-256 of the raw bytes is computed on the way, so the caller can record
 * the hash of exactly the file it read (auditors re-check it with `sha256sum`).
 */
export class CsvInputError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(line > 0 ? `Linha ${line}: ${message}` : message);
    this.name = 'CsvInputError';
  }
}

export interface CsvReadResult {
  sha256: string;
  /** Data rows read (header excluded). */
  rows: number;
}

/**
 * Reads `path`, checks the header against `columns` (every column required, none unknown, any
 * order) and calls `onRow(fields, line)` with the fields re-ordered as `columns` (the same array
 * is reused between calls: copy what you keep). `line` is the physical line where the record starts.
 */
export async function readCsv(
  path: string,
  columns: readonly string[],
  onRow: (fields: string[], line: number) => void,
  optional: readonly string[] = [],
): Promise<CsvReadResult> {
  const hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  const parser = new CsvParser(columns, onRow, optional);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      parser.push(decoder.write(chunk as Buffer), false);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CsvInputError(0, `arquivo não encontrado: ${path}`);
    throw e;
  }
  parser.push(decoder.end(), true);
  if (!parser.sawHeader) throw new CsvInputError(1, 'arquivo vazio: falta a linha de cabeçalho.');
  return { sha256: hash.digest('hex'), rows: parser.rows };
}

/** Parses CSV text given in pieces; exported for tests and for in-memory input. */
export class CsvParser {
  private carry = '';
  private line = 1;
  private map: Int32Array | null = null;
  private width = 0;
  private readonly raw: string[] = [];
  private readonly out: string[];
  sawHeader = false;
  rows = 0;

  constructor(
    private readonly columns: readonly string[],
    private readonly onRow: (fields: string[], line: number) => void,
    /** Columns that may be absent from the header (they then read as ''), listed after `columns`. */
    private readonly optional: readonly string[] = [],
  ) {
    this.out = new Array(columns.length + optional.length).fill('');
  }

  push(text: string, final: boolean): void {
    let s = this.carry.length > 0 ? this.carry + text : text;
    if (!this.sawHeader && this.line === 1 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    const consumed = this.parse(s, final);
    this.carry = consumed < s.length ? s.slice(consumed) : '';
  }

  /** Returns how many characters were consumed (whole records only, unless final). */
  private parse(s: string, final: boolean): number {
    const n = s.length;
    let i = 0;
    let nextQuote = s.indexOf('"');
    if (nextQuote < 0) nextQuote = n;
    const raw = this.raw;
    while (i < n) {
      let nl = s.indexOf('\n', i);
      if (nl < 0) {
        if (!final) return i;
        nl = n;
      }
      if (nextQuote < i) {
        nextQuote = s.indexOf('"', i);
        if (nextQuote < 0) nextQuote = n;
      }
      const recordLine = this.line;
      let end = nl;
      if (nextQuote < nl) {
        // Slow path: quoted fields (may span lines).
        const r = this.parseQuoted(s, i, final);
        if (r < 0) return i; // incomplete record: wait for more text
        end = r;
      } else {
        let lineEnd = nl;
        if (lineEnd > i && s.charCodeAt(lineEnd - 1) === 13) lineEnd--;
        raw.length = 0;
        if (lineEnd === i) {
          // blank line: ignored
          this.line++;
          i = nl + 1;
          continue;
        }
        let p = i;
        for (;;) {
          const c = s.indexOf(',', p);
          if (c < 0 || c >= lineEnd) {
            raw.push(s.slice(p, lineEnd));
            break;
          }
          raw.push(s.slice(p, c));
          p = c + 1;
        }
        this.line++;
      }
      this.emit(recordLine);
      i = end + 1;
    }
    return n;
  }

  /** Parses one record that contains quotes, from `start`; returns the index of its terminating newline (or s.length), or -1 if incomplete. */
  private parseQuoted(s: string, start: number, final: boolean): number {
    const raw = this.raw;
    raw.length = 0;
    const n = s.length;
    let p = start;
    let lines = 0;
    for (;;) {
      if (p < n && s.charCodeAt(p) === 34) {
        let value = '';
        let seg = p + 1;
        let q = seg;
        for (;;) {
          q = s.indexOf('"', q);
          if (q < 0) {
            if (!final) return -1;
            throw new CsvInputError(this.line, 'aspas não fechadas no campo.');
          }
          if (q + 1 < n && s.charCodeAt(q + 1) === 34) {
            value += s.slice(seg, q + 1);
            q += 2;
            seg = q;
            continue;
          }
          if (q + 1 >= n && !final) return -1;
          value += s.slice(seg, q);
          break;
        }
        for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) lines++;
        raw.push(value);
        p = q + 1;
        const c = p < n ? s.charCodeAt(p) : 10;
        if (c === 44) {
          p++;
          continue;
        }
        if (c === 13 && (p + 1 >= n || s.charCodeAt(p + 1) === 10)) {
          if (p + 1 >= n && !final) return -1;
          p++;
        }
        if (p >= n || s.charCodeAt(p) === 10) {
          this.line += lines + 1;
          return p;
        }
        throw new CsvInputError(this.line, 'caractere inesperado depois de um campo entre aspas.');
      }
      // unquoted field inside a record that has quotes elsewhere
      let q = p;
      while (q < n) {
        const c = s.charCodeAt(q);
        if (c === 44 || c === 10) break;
        if (c === 34) throw new CsvInputError(this.line, 'aspas no meio de um campo sem aspas.');
        q++;
      }
      if (q >= n && !final) return -1;
      let fieldEnd = q;
      if (fieldEnd > p && s.charCodeAt(fieldEnd - 1) === 13 && (q >= n || s.charCodeAt(q) === 10)) fieldEnd--;
      raw.push(s.slice(p, fieldEnd));
      if (q < n && s.charCodeAt(q) === 44) {
        p = q + 1;
        continue;
      }
      this.line += lines + 1;
      return q;
    }
  }

  private emit(line: number): void {
    const raw = this.raw;
    if (!this.sawHeader) {
      this.sawHeader = true;
      this.setHeader(raw.map((h) => h.trim()));
      return;
    }
    if (raw.length !== this.width) {
      throw new CsvInputError(line, `esperados ${this.width} campos, encontrados ${raw.length}.`);
    }
    const map = this.map!;
    const out = this.out;
    for (let k = 0; k < out.length; k++) {
      const at = map[k]!;
      out[k] = at >= 0 ? raw[at]! : '';
    }
    this.rows++;
    this.onRow(out, line);
  }

  private setHeader(header: string[]): void {
    const unknown = header.filter((h) => !this.columns.includes(h) && !this.optional.includes(h));
    if (unknown.length > 0) {
      throw new CsvInputError(
        1,
        `coluna desconhecida "${unknown[0]}" no cabeçalho (colunas esperadas: ${this.columns.join(',')}).`,
      );
    }
    const all = [...this.columns, ...this.optional];
    const map = new Int32Array(all.length);
    for (let k = 0; k < all.length; k++) {
      const col = all[k]!;
      const at = header.indexOf(col);
      if (at < 0 && k < this.columns.length)
        throw new CsvInputError(1, `falta a coluna "${col}" no cabeçalho.`);
      if (header.indexOf(col, at + 1) >= 0)
        throw new CsvInputError(1, `coluna "${col}" repetida no cabeçalho.`);
      map[k] = at;
    }
    this.map = map;
    this.width = header.length;
  }
}
