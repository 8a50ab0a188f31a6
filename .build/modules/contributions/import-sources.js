import { createReadStream, statSync } from "node:fs";
import { splitCsvLine } from "./domain/csv.js";
import { JsonDocScanner, JsonScanError, objectLineMap } from "./domain/json-scan.js";
import {
  parseIndicators,
  RowError,
  validateBenefit,
  validateLink,
  validatePerson,
  validateRemuneration
} from "./domain/records.js";
const CHUNK = 1 << 16;
async function* chunksOf(path) {
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: CHUNK });
  for await (const c of stream) yield c;
}
async function* chunksOfText(text) {
  for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}
function fileSource(path, format) {
  const size = statSync(path).size;
  return format === "csv" ? csvSource(() => chunksOf(path), size) : jsonSource(() => chunksOf(path), size);
}
function textSource(text, format) {
  const size = Buffer.byteLength(text);
  return format === "csv" ? csvSource(() => chunksOfText(text), size) : jsonSource(() => chunksOfText(text), size);
}
function csvSource(chunks, size) {
  return {
    size,
    async scan(kinds, visit, flush) {
      let lineNo = 0;
      let carry = "";
      let bytes = 0;
      const wantR = kinds.has("R");
      const onLine = (raw) => {
        lineNo++;
        const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
        const t = line.charCodeAt(0);
        if (t === 82 && line.charCodeAt(1) === 44) {
          if (!wantR) return;
          const f2 = splitCsvLine(line);
          if (!f2) throw new RowError(lineNo, "aspas n\xE3o fechadas");
          if (f2.length < 5 || f2.length > 6)
            throw new RowError(
              lineNo,
              `registro R com ${f2.length} campos (esperado: R,cpf,seq,competencia,valor[,indicadores])`
            );
          visit(validateRemuneration(f2[1], f2[2], f2[3], f2[4], f2[5] ?? "", lineNo));
          return;
        }
        if (line === "" || t === 35 || line.trim() === "") return;
        if (line.charCodeAt(1) !== 44)
          throw new RowError(
            lineNo,
            `tipo de registro desconhecido "${line.split(",")[0]}" (use P, V, R ou B)`
          );
        const kind = line[0];
        if (kind !== "P" && kind !== "V" && kind !== "B")
          throw new RowError(lineNo, `tipo de registro desconhecido "${line[0]}" (use P, V, R ou B)`);
        if (!kinds.has(kind)) return;
        const f = splitCsvLine(Buffer.from(line, "utf8").toString("utf8"));
        if (!f) throw new RowError(lineNo, "aspas n\xE3o fechadas");
        const need = kind === "P" ? [6, 6] : kind === "V" ? [8, 10] : [7, 7];
        if (f.length < need[0] || f.length > need[1])
          throw new RowError(
            lineNo,
            `registro ${kind} com ${f.length} campos (esperado ${need[0]}${need[0] === need[1] ? "" : ` a ${need[1]}`})`
          );
        if (kind === "P")
          visit(
            validatePerson({ cpf: f[1], nit: f[2], name: f[3], birth_date: f[4], sex: f[5] }, lineNo)
          );
        else if (kind === "V")
          visit(
            validateLink(
              {
                cpf: f[1],
                seq: f[2],
                employer: f[3],
                category: f[4],
                start: f[5],
                end: f[6],
                employer_name: f[7] ?? null,
                indicators: f[8] ?? ""
              },
              lineNo
            )
          );
        else
          visit(
            validateBenefit(
              { cpf: f[1], nb: f[2], species: f[3], dib: f[4], dcb: f[5], status: f[6] },
              lineNo
            )
          );
      };
      for await (const chunk of chunks()) {
        bytes += Buffer.byteLength(chunk);
        let start = 0;
        let nl = chunk.indexOf("\n");
        if (nl >= 0 && carry) {
          onLine(carry + chunk.slice(0, nl));
          carry = "";
          start = nl + 1;
          nl = chunk.indexOf("\n", start);
        }
        while (nl >= 0) {
          onLine(chunk.slice(start, nl));
          start = nl + 1;
          nl = chunk.indexOf("\n", start);
        }
        carry += chunk.slice(start);
        await flush(bytes);
      }
      if (carry) onLine(carry);
      await flush(bytes);
    }
  };
}
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v) => v == null ? "" : typeof v === "string" ? v : String(v);
function jsonSource(chunks, size) {
  return {
    size,
    async scan(kinds, visit, flush) {
      const scanner = new JsonDocScanner();
      let bytes = 0;
      const onDoc = ({ text, objectLines }) => {
        const first = objectLines[0] ?? 0;
        let doc;
        try {
          doc = JSON.parse(text);
        } catch (e) {
          throw new RowError(
            first,
            `JSON malformado no documento iniciado nesta linha: ${e.message}`
          );
        }
        const lines = objectLineMap(doc, objectLines);
        const lineOf = (o) => lines.get(o) ?? first;
        if (!isObj(doc)) throw new RowError(first, "cada documento deve ser um objeto de pessoa");
        const cpf = str(doc.cpf);
        if (kinds.has("P"))
          visit(
            validatePerson(
              {
                cpf,
                nit: doc.nit,
                name: str(doc.name),
                birth_date: str(doc.birth_date),
                sex: str(doc.sex)
              },
              first
            )
          );
        const links = doc.links ?? [];
        if (!Array.isArray(links)) throw new RowError(first, '"links" deve ser uma lista');
        for (const l of links) {
          if (!isObj(l)) throw new RowError(first, "cada v\xEDnculo deve ser um objeto");
          const ll = lineOf(l);
          if (kinds.has("V"))
            visit(
              validateLink(
                {
                  cpf,
                  seq: l.seq,
                  employer: l.employer,
                  employer_name: l.employer_name,
                  category: str(l.category),
                  start: str(l.start),
                  end: l.end,
                  indicators: l.indicators ?? []
                },
                ll
              )
            );
          if (kinds.has("R")) {
            const rems = l.remunerations ?? [];
            if (!Array.isArray(rems)) throw new RowError(ll, '"remunerations" deve ser uma lista');
            for (const r of rems) {
              if (!isObj(r)) throw new RowError(ll, "cada remunera\xE7\xE3o deve ser um objeto");
              const rl = lineOf(r);
              if (typeof r.amount !== "string")
                throw new RowError(rl, 'o valor ("amount") deve ser texto decimal, ex.: "1234.56"');
              const ind = r.indicators;
              if (ind != null && !Array.isArray(ind))
                throw new RowError(rl, '"indicators" deve ser uma lista');
              const rec = validateRemuneration(cpf, str(l.seq), str(r.competence), r.amount, "", rl);
              if (Array.isArray(ind)) rec.indicators = parseIndicators(ind.map(str), rl);
              visit(rec);
            }
          }
        }
        if (kinds.has("B")) {
          const bens = doc.benefits ?? [];
          if (!Array.isArray(bens)) throw new RowError(first, '"benefits" deve ser uma lista');
          for (const b of bens) {
            if (!isObj(b)) throw new RowError(first, "cada benef\xEDcio deve ser um objeto");
            visit(
              validateBenefit(
                {
                  cpf,
                  nb: str(b.nb),
                  species: b.species,
                  dib: str(b.dib),
                  dcb: b.dcb,
                  status: str(b.status)
                },
                lineOf(b)
              )
            );
          }
        }
      };
      try {
        for await (const chunk of chunks()) {
          bytes += Buffer.byteLength(chunk);
          scanner.push(chunk, onDoc);
          await flush(bytes);
        }
        scanner.end();
      } catch (e) {
        if (e instanceof JsonScanError) throw new RowError(e.line, e.message);
        throw e;
      }
      await flush(bytes);
    }
  };
}
export {
  fileSource,
  textSource
};
