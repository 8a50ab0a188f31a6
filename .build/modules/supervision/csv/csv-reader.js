import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { Worker } from "node:worker_threads";
class CsvInputError extends Error {
  constructor(line, message) {
    super(line > 0 ? `Linha ${line}: ${message}` : message);
    this.line = line;
    this.name = "CsvInputError";
  }
}
async function readCsv(path, columns, onRow, optional = []) {
  return readInto(path, new CsvParser(columns, onRow, optional));
}
async function readCsvRows(path, columns, onRow, optional = []) {
  return readInto(path, new CsvParser(columns, { view: onRow }, optional));
}
async function readInto(path, parser) {
  const st = await stat(path).catch((e) => {
    if (e.code === "ENOENT") throw new CsvInputError(0, `arquivo n\xE3o encontrado: ${path}`);
    if (e.code === "EACCES") throw new CsvInputError(0, `sem permiss\xE3o para ler o arquivo: ${path}`);
    throw e;
  });
  if (!st.isFile()) throw new CsvInputError(0, `n\xE3o \xE9 um arquivo: ${path}`);
  const size = st.size;
  const offThread = size >= HASH_IN_WORKER_BYTES ? sha256InWorker(path) : null;
  offThread?.catch(() => {
  });
  const hash = offThread ? null : createHash("sha256");
  const decoder = new StringDecoder("utf8");
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      hash?.update(chunk);
      parser.push(decoder.write(chunk), false);
    }
    parser.push(decoder.end(), true);
  } catch (e) {
    stream.destroy();
    await offThread?.catch(() => {
    });
    throw e;
  }
  if (!parser.sawHeader) throw new CsvInputError(1, "arquivo vazio: falta a linha de cabe\xE7alho.");
  return { sha256: offThread ? await offThread : hash.digest("hex"), rows: parser.rows };
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
function sha256InWorker(path) {
  return new Promise((resolve, reject) => {
    const w = new Worker(HASH_WORKER, { eval: true, workerData: path });
    w.once("message", (m) => {
      void w.terminate();
      if (m.hex) resolve(m.hex);
      else reject(new Error(m.error));
    });
    w.once("error", reject);
  });
}
class CsvParser {
  constructor(columns, sink, optional = []) {
    this.columns = columns;
    this.optional = optional;
    this.out = new Array(columns.length + optional.length).fill("");
    this.onFields = typeof sink === "function" ? sink : null;
    this.onView = typeof sink === "function" ? null : sink.view;
  }
  carry = "";
  lineNo = 1;
  map = null;
  width = 0;
  raw = [];
  out;
  // fast path: bounds of each field (header order) in `text`; slow path: `raw` strings
  text = "";
  fs = new Int32Array(64);
  fe = new Int32Array(64);
  nf = 0;
  materialized = false;
  onFields;
  onView;
  line = 0;
  sawHeader = false;
  rows = 0;
  // ---- CsvRow (lazy view of the current record)
  get(k) {
    const at = this.map[k];
    if (at < 0) return "";
    return this.materialized ? this.raw[at] : this.text.slice(this.fs[at], this.fe[at]);
  }
  equals(k, value) {
    const at = this.map[k];
    if (at < 0) return value === "";
    if (this.materialized) return this.raw[at] === value;
    const st = this.fs[at];
    return this.fe[at] - st === value.length && this.text.startsWith(value, st);
  }
  length(k) {
    const at = this.map[k];
    if (at < 0) return 0;
    return this.materialized ? this.raw[at].length : this.fe[at] - this.fs[at];
  }
  charCodeAt(k, i) {
    const at = this.map[k];
    if (at < 0) return Number.NaN;
    return this.materialized ? this.raw[at].charCodeAt(i) : this.text.charCodeAt(this.fs[at] + i);
  }
  push(text, final) {
    let s = this.carry.length > 0 ? this.carry + text : text;
    if (!this.sawHeader && this.lineNo === 1 && s.charCodeAt(0) === 65279) s = s.slice(1);
    const consumed = this.parse(s, final);
    this.carry = consumed < s.length ? s.slice(consumed) : "";
  }
  /** Returns how many characters were consumed (whole records only, unless final). */
  parse(s, final) {
    const n = s.length;
    let i = 0;
    let nextQuote = s.indexOf('"');
    if (nextQuote < 0) nextQuote = n;
    this.text = s;
    while (i < n) {
      let nl = s.indexOf("\n", i);
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
        const r = this.parseQuoted(s, i, final);
        if (r < 0) return i;
        end = r;
        this.materialized = true;
        this.nf = this.raw.length;
      } else {
        let lineEnd = nl;
        if (lineEnd > i && s.charCodeAt(lineEnd - 1) === 13) lineEnd--;
        if (lineEnd === i) {
          this.lineNo++;
          i = nl + 1;
          continue;
        }
        let p = i;
        let k = 0;
        let fs = this.fs;
        let fe = this.fe;
        for (; ; ) {
          if (k >= fs.length) {
            this.grow();
            fs = this.fs;
            fe = this.fe;
          }
          const c = s.indexOf(",", p);
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
  grow() {
    const fs = new Int32Array(this.fs.length * 2);
    fs.set(this.fs);
    const fe = new Int32Array(this.fe.length * 2);
    fe.set(this.fe);
    this.fs = fs;
    this.fe = fe;
  }
  /** Parses one record that contains quotes, from `start`; returns the index of its terminating newline (or s.length), or -1 if incomplete. */
  parseQuoted(s, start, final) {
    const raw = this.raw;
    raw.length = 0;
    const n = s.length;
    let p = start;
    let lines = 0;
    for (; ; ) {
      if (p < n && s.charCodeAt(p) === 34) {
        let value = "";
        let seg = p + 1;
        let q2 = seg;
        for (; ; ) {
          q2 = s.indexOf('"', q2);
          if (q2 < 0) {
            if (!final) return -1;
            throw new CsvInputError(this.lineNo, "aspas n\xE3o fechadas no campo.");
          }
          if (q2 + 1 < n && s.charCodeAt(q2 + 1) === 34) {
            value += s.slice(seg, q2 + 1);
            q2 += 2;
            seg = q2;
            continue;
          }
          if (q2 + 1 >= n && !final) return -1;
          value += s.slice(seg, q2);
          break;
        }
        for (let k = value.indexOf("\n"); k >= 0; k = value.indexOf("\n", k + 1)) lines++;
        raw.push(value);
        p = q2 + 1;
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
        throw new CsvInputError(this.lineNo, "caractere inesperado depois de um campo entre aspas.");
      }
      let q = p;
      while (q < n) {
        const c = s.charCodeAt(q);
        if (c === 44 || c === 10) break;
        if (c === 34) throw new CsvInputError(this.lineNo, "aspas no meio de um campo sem aspas.");
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
  emit(line) {
    if (!this.sawHeader) {
      this.sawHeader = true;
      const header = [];
      for (let k = 0; k < this.nf; k++) {
        header.push((this.materialized ? this.raw[k] : this.text.slice(this.fs[k], this.fe[k])).trim());
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
    this.onFields(out, line);
  }
  setHeader(header) {
    const unknown = header.filter((h) => !this.columns.includes(h) && !this.optional.includes(h));
    if (unknown.length > 0) {
      throw new CsvInputError(
        1,
        `coluna desconhecida "${unknown[0]}" no cabe\xE7alho (colunas esperadas: ${this.columns.join(",")}).`
      );
    }
    const all = [...this.columns, ...this.optional];
    const map = new Int32Array(all.length);
    for (let k = 0; k < all.length; k++) {
      const col = all[k];
      const at = header.indexOf(col);
      if (at < 0 && k < this.columns.length)
        throw new CsvInputError(1, `falta a coluna "${col}" no cabe\xE7alho.`);
      if (header.indexOf(col, at + 1) >= 0)
        throw new CsvInputError(1, `coluna "${col}" repetida no cabe\xE7alho.`);
      map[k] = at;
    }
    this.map = map;
    this.width = header.length;
  }
}
export {
  CsvInputError,
  CsvParser,
  readCsv,
  readCsvRows
};
