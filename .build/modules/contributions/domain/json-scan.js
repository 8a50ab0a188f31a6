class JsonScanError extends Error {
  constructor(line, message) {
    super(message);
    this.line = line;
  }
}
class JsonDocScanner {
  line = 1;
  depth = 0;
  inString = false;
  escape = false;
  started = false;
  arrayMode = false;
  ended = false;
  expectComma = false;
  parts = [];
  objectLines = [];
  /** Feeds a chunk; calls onDoc for every complete top-level object. */
  push(chunk, onDoc) {
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
            onDoc({ text: this.parts.join(""), objectLines: this.objectLines });
            this.parts = [];
            this.objectLines = [];
            this.expectComma = this.arrayMode;
          }
        }
        continue;
      }
      if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
      if (this.ended) throw new JsonScanError(this.line, "conte\xFAdo ap\xF3s o fim do arquivo JSON");
      if (!this.started && ch === 91) {
        this.started = true;
        this.arrayMode = true;
        continue;
      }
      this.started = true;
      if (this.arrayMode && ch === 93) {
        this.ended = true;
        continue;
      }
      if (this.arrayMode && ch === 44 && this.expectComma) {
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
  end() {
    if (this.depth > 0) throw new JsonScanError(this.line, "JSON incompleto: documento n\xE3o fechado");
    if (this.arrayMode && !this.ended)
      throw new JsonScanError(this.line, 'JSON incompleto: falta o "]" final');
  }
}
function objectLineMap(value, lines) {
  const map = /* @__PURE__ */ new WeakMap();
  let k = 0;
  const walk = (v) => {
    if (v === null || typeof v !== "object") return;
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
export {
  JsonDocScanner,
  JsonScanError,
  objectLineMap
};
