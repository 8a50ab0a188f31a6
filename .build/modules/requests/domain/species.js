function parseDeadlineCsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = splitCsvLine(lines[0] ?? "");
  const expected = ["beneficio", "especies_relacionadas", "prazo_maximo_dias", "contagem"];
  if (header.join(",") !== expected.join(",")) {
    throw new Error(`cabe\xE7alho inesperado em prazos_acordo_stf_re1171152.csv: ${header.join(",")}`);
  }
  return lines.slice(1).map((line) => {
    const [benefit, species, days, counting] = splitCsvLine(line);
    const maxDays = Number(days);
    if (!benefit || !species || !Number.isInteger(maxDays) || maxDays <= 0) {
      throw new Error(`linha inv\xE1lida em prazos_acordo_stf_re1171152.csv: ${line}`);
    }
    return {
      benefit,
      species: species.split(";").map((s) => s.trim().padStart(2, "0")),
      maxDays,
      counting: counting ?? ""
    };
  });
}
function splitCsvLine(line) {
  const out = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}
function deadlineTable(rows) {
  const m = /* @__PURE__ */ new Map();
  for (const r of rows) for (const s of r.species) m.set(s, r.maxDays);
  return m;
}
const REQUIRED_ASSESSMENTS = {
  "31": ["medical_exam"],
  "32": ["medical_exam"],
  "36": ["medical_exam"],
  "91": ["medical_exam"],
  "92": ["medical_exam"],
  "94": ["medical_exam"],
  "87": ["medical_exam", "social_evaluation"]
};
function requiredAssessments(species) {
  return REQUIRED_ASSESSMENTS[species] ?? [];
}
function systemFor(species) {
  return ["31", "32", "36", "91", "92", "94"].includes(species) ? "SABI" : "PAT";
}
const FILEABLE_SPECIES = [
  "21",
  "25",
  "31",
  "32",
  "36",
  "41",
  "42",
  "46",
  "57",
  "80",
  "87",
  "88",
  "91",
  "92",
  "93",
  "94"
];
function initialServiceCode(species) {
  return `RI-B${species}`;
}
const APPEAL_COMPLIANCE_SERVICE = "CDR";
export {
  APPEAL_COMPLIANCE_SERVICE,
  FILEABLE_SPECIES,
  REQUIRED_ASSESSMENTS,
  deadlineTable,
  initialServiceCode,
  parseDeadlineCsv,
  requiredAssessments,
  splitCsvLine,
  systemFor
};
