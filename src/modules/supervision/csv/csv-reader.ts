import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { Worker } from 'node:worker_threads';

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
  return readInto(path, new CsvParser(columns, onRow, optional));
}

/**
 * Same as readCsv, with a lazy row (`CsvRow`): fields become strings only when asked. For the big
 * frames (1.5M rows): most fields are only validated, and `equals` validates without allocating.
 */
export async function readCsvRows(
  path: string,
  columns: readonly string[],
  onRow: (row: CsvRow) => void,
  optional: readonly string[] = [],
): Promise<CsvReadResult> {
  return readInto(path, new CsvParser(columns, { view: onRow }, optional));
}

async function readInto(path: string, parser: CsvParser): Promise<CsvReadResult> {
  const st = await stat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new CsvInputError(0, `arquivo não encontrado: ${path}`);
    if (e.code === 'EACCES') throw new CsvInputError(0, `sem permissão para ler o arquivo: ${path}`);
    throw e;
  });
  if (!st.isFile()) throw new CsvInputError(0, `não é um arquivo: ${path}`);
  const size = st.size;
  // Big files: the SHA-256 runs in a worker thread (reading the file on its own) while this thread parses.
  const offThread = size >= HASH_IN_WORKER_BYTES ? sha256InWorker(path) : null;
  offThread?.catch(() => {});
  const hash = offThread ? null : createHash('sha256');
  const decoder = new StringDecoder('utf8');
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      hash?.update(chunk as Buffer);
      parser.push(decoder.write(chunk as Buffer), false);
    }
    parser.push(decoder.end(), true);
  } catch (e) {
    stream.destroy();
    await offThread?.catch(() => {});
    throw e;
  }
  if (!parser.sawHeader) throw new CsvInputError(1, 'arquivo vazio: falta a linha de cabeçalho.');
  return { sha256: offThread ? await offThread : hash!.digest('hex'), rows: parser.rows };
}

const HASH_IN_WORKER_BYTES = 8 << 20;
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const h = createHash('sha256');
const s = require('node:fs').createReadStream(workerData, { highWaterMark: 1 << 20 });
s.on('data', (c) => h.update(c));
s.on('end', () => parentPort.postMessage({ hex: h.digest('hex') }));
s.on('error', (e) => parentPort.postMessage({ error: e.message }));
`;

function sha256InWorker(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const w = new Worker(HASH_WORKER, { eval: true, workerData: path });
    w.once('message', (m: { hex?: string; error?: string }) => {
      void w.terminate();
      if (m.hex) resolve(m.hex);
      else reject(new Error(m.error));
    });
    w.once('error', reject);
  });
}

/**
 * One record, read lazily: fields are located (start/end offsets in the current text) but only
 * become strings when asked, and `equals` compares in place. Valid only during the callback.
 * Indexes are in the caller's column order (`columns` then `optional`).
 */
export interface CsvRow {
  readonly line: number;
  get(k: number): string;
  equals(k: number, value: string): boolean;
  length(k: number): number;
  /** UTF-16 code unit at offset i of field k (for allocation-free checks). */
  charCodeAt(k: number, i: number): number;
}

/** Parses CSV text given in pieces; exported for tests and for in-memory input. */
export class CsvParser implements CsvRow {
  private carry = '';
  private lineNo = 1;
  private map: Int32Array | null = null;
  private width = 0;
  private readonly raw: string[] = [];
  private readonly out: string[];
  // fast path: bounds of each field (header order) in `text`; slow path: `raw` strings
  private text = '';
  private fs = new Int32Array(64);
  private fe = new Int32Array(64);
  private nf = 0;
  private materialized = false;
  private readonly onFields: ((fields: string[], line: number) => void) | null;
  private readonly onView: ((row: CsvRow) => void) | null;
  line = 0;
  sawHeader = false;
  rows = 0;

  constructor(
    private readonly columns: readonly string[],
    sink: ((fields: string[], line: number) => void) | { view: (row: CsvRow) => void },
    /** Columns that may be absent from the header (they then read as ''), listed after `columns`. */
    private readonly optional: readonly string[] = [],
  ) {
    this.out = new Array(columns.length + optional.length).fill('');
    this.onFields = typeof sink === 'function' ? sink : null;
    this.onView = typeof sink === 'function' ? null : sink.view;
  }

  // ---- CsvRow (lazy view of the current record)
  get(k: number): string {
    const at = this.map![k]!;
    if (at < 0) return '';
    return this.materialized ? this.raw[at]! : this.text.slice(this.fs[at]!, this.fe[at]!);
  }
  equals(k: number, value: string): boolean {
    const at = this.map![k]!;
    if (at < 0) return value === '';
    if (this.materialized) return this.raw[at] === value;
    const st = this.fs[at]!;
    return this.fe[at]! - st === value.length && this.text.startsWith(value, st);
  }
  length(k: number): number {
    const at = this.map![k]!;
    if (at < 0) return 0;
    return this.materialized ? this.raw[at]!.length : this.fe[at]! - this.fs[at]!;
  }
  charCodeAt(k: number, i: number): number {
    const at = this.map![k]!;
    if (at < 0) return Number.NaN;
    return this.materialized ? this.raw[at]!.charCodeAt(i) : this.text.charCodeAt(this.fs[at]! + i);
  }

  push(text: string, final: boolean): void {
    let s = this.carry.length > 0 ? this.carry + text : text;
    if (!this.sawHeader && this.lineNo === 1 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    const consumed = this.parse(s, final);
    this.carry = consumed < s.length ? s.slice(consumed) : '';
  }

  /** Returns how many characters were consumed (whole records only, unless final). */
  private parse(s: string, final: boolean): number {
    const n = s.length;
    let i = 0;
    let nextQuote = s.indexOf('"');
    if (nextQuote < 0) nextQuote = n;
    this.text = s;
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
      const recordLine = this.lineNo;
      let end = nl;
      if (nextQuote < nl) {
        // Slow path: quoted fields (may span lines).
        const r = this.parseQuoted(s, i, final);
        if (r < 0) return i; // incomplete record: wait for more text
        end = r;
        this.materialized = true;
        this.nf = this.raw.length;
      } else {
        let lineEnd = nl;
        if (lineEnd > i && s.charCodeAt(lineEnd - 1) === 13) lineEnd--;
        if (lineEnd === i) {
          // blank line: ignored
          this.lineNo++;
          i = nl + 1;
          continue;
        }
        let p = i;
        let k = 0;
        let fs = this.fs;
        let fe = this.fe;
        for (;;) {
          if (k >= fs.length) {
            this.grow();
            fs = this.fs;
            fe = this.fe;
          }
          const c = s.indexOf(',', p);
          fs[k] = p;
          if (c < 0 || c >= lineEnd) {
            fe[k++] = lineEnd;
            break;
          }
          fe[k++] = c;
          p = c + 1;
        }
        this.nf = k;
        this.materialized = false;
        this.lineNo++;
      }
      this.emit(recordLine);
      i = end + 1;
    }
    return n;
  }

  private grow(): void {
    const fs = new Int32Array(this.fs.length * 2);
    fs.set(this.fs);
    const fe = new Int32Array(this.fe.length * 2);
    fe.set(this.fe);
    this.fs = fs;
    this.fe = fe;
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
            throw new CsvInputError(this.lineNo, 'aspas não fechadas no campo.');
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
          this.lineNo += lines + 1;
          return p;
        }
        throw new CsvInputError(this.lineNo, 'caractere inesperado depois de um campo entre aspas.');
      }
      // unquoted field inside a record that has quotes elsewhere
      let q = p;
      while (q < n) {
        const c = s.charCodeAt(q);
        if (c === 44 || c === 10) break;
        if (c === 34) throw new CsvInputError(this.lineNo, 'aspas no meio de um campo sem aspas.');
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
      this.lineNo += lines + 1;
      return q;
    }
  }

  private emit(line: number): void {
    if (!this.sawHeader) {
      this.sawHeader = true;
      const header: string[] = [];
      for (let k = 0; k < this.nf; k++) {
        header.push((this.materialized ? this.raw[k]! : this.text.slice(this.fs[k]!, this.fe[k]!)).trim());
      }
      this.setHeader(header);
      return;
    }
    if (this.nf !== this.width) {
      throw new CsvInputError(line, `esperados ${this.width} campos, encontrados ${this.nf}.`);
    }
    this.rows++;
    this.line = line;
    if (this.onView) {
      this.onView(this);
      return;
    }
    const out = this.out;
    for (let k = 0; k < out.length; k++) out[k] = this.get(k);
    this.onFields!(out, line);
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
