/**
 * Incremental splitter of a JSON stream into top-level documents: a JSON array of objects
 * (`[ {...}, {...} ]`), or objects one after another (JSON Lines). It never holds more than one
 * document, and records the line on which every object ('{') of the document starts, so that a
 * validation error deep inside a document can name its line.
 */
export interface ScannedDoc {
  text: string;
  /** Line of each '{' of the document, in textual order (= pre-order of the parsed objects). */
  objectLines: number[];
}

export class JsonScanError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export class JsonDocScanner {
  private line = 1;
  private depth = 0;
  private inString = false;
  private escape = false;
  private started = false;
  private arrayMode = false;
  private ended = false;
  private expectComma = false;
  private parts: string[] = [];
  private objectLines: number[] = [];

  /** Feeds a chunk; calls onDoc for every complete top-level object. */
  push(chunk: string, onDoc: (doc: ScannedDoc) => void): void {
    let segStart = this.depth > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 10) this.line++;
      if (this.depth > 0) {
        if (this.inString) {
          if (this.escape) this.escape = false;
          else if (ch === 92) this.escape = true;
          else if (ch === 34) this.inString = false;
          continue;
        }
        if (ch === 34) this.inString = true;
        else if (ch === 123 || ch === 91) {
          if (ch === 123) this.objectLines.push(this.line);
          this.depth++;
        } else if (ch === 125 || ch === 93) {
          this.depth--;
          if (this.depth === 0) {
            this.parts.push(chunk.slice(segStart, i + 1));
            segStart = -1;
            onDoc({ text: this.parts.join(''), objectLines: this.objectLines });
            this.parts = [];
            this.objectLines = [];
            this.expectComma = this.arrayMode;
          }
        }
        continue;
      }
      // between documents
      if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
      if (this.ended) throw new JsonScanError(this.line, 'conteúdo após o fim do arquivo JSON');
      if (!this.started && ch === 91 /* [ */) {
        this.started = true;
        this.arrayMode = true;
        continue;
      }
      this.started = true;
      if (this.arrayMode && ch === 93 /* ] */) {
        this.ended = true;
        continue;
      }
      if (this.arrayMode && ch === 44 /* , */ && this.expectComma) {
        this.expectComma = false;
        continue;
      }
      if (ch === 123 && !this.expectComma) {
        this.depth = 1;
        this.objectLines.push(this.line);
        segStart = i;
        continue;
      }
      throw new JsonScanError(this.line, `JSON malformado: caractere inesperado "${chunk[i]}"`);
    }
    if (segStart >= 0 && this.depth > 0) this.parts.push(chunk.slice(segStart));
  }

  end(): void {
    if (this.depth > 0) throw new JsonScanError(this.line, 'JSON incompleto: documento não fechado');
    if (this.arrayMode && !this.ended)
      throw new JsonScanError(this.line, 'JSON incompleto: falta o "]" final');
  }
}

/** Assigns to each object of a parsed document the line recorded for it (pre-order walk). */
export function objectLineMap(value: unknown, lines: readonly number[]): WeakMap<object, number> {
  const map = new WeakMap<object, number>();
  let k = 0;
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    map.set(v, lines[k++] ?? lines[lines.length - 1] ?? 0);
    for (const x of Object.values(v)) walk(x);
  };
  walk(value);
  return map;
}
