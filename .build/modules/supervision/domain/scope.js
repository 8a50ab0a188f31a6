const SCOPE_SPECIES = {
  "41": { inciso: "I", label: "Aposentadoria por idade / programada" },
  "42": { inciso: "I", label: "Aposentadoria por tempo de contribui\xE7\xE3o" },
  "46": { inciso: "I", label: "Aposentadoria especial" },
  "57": { inciso: "I", label: "Aposentadoria por tempo de contribui\xE7\xE3o de professor" },
  "21": { inciso: "II", label: "Pens\xE3o por morte previdenci\xE1ria" },
  "93": { inciso: "II", label: "Pens\xE3o por morte por acidente do trabalho" },
  "25": { inciso: "III", label: "Aux\xEDlio-reclus\xE3o" },
  "80": { inciso: "IV", label: "Sal\xE1rio-maternidade" },
  "87": { inciso: "V", label: "BPC/LOAS \xE0 pessoa com defici\xEAncia" },
  "88": { inciso: "V", label: "BPC/LOAS \xE0 pessoa idosa" },
  CTC: { inciso: "VI", label: "Certid\xE3o de tempo de contribui\xE7\xE3o" },
  SDPA: { inciso: "VII", label: "Seguro-defeso do pescador artesanal" }
};
const INCAPACITY_SPECIES = /* @__PURE__ */ new Set(["31", "91", "32", "92"]);
const INCAPACITY_SUBTASKS = {
  "17436": "Acertos para An\xE1lise - BI Urbano (TACERANAUR)",
  "17456": "Acertos para An\xE1lise - BI Rural (TACERANARU)",
  "17775": "Acertos para p\xF3s-per\xEDcia SIBE - Urbano (TACERANAUP)",
  "17776": "Acertos para p\xF3s-per\xEDcia SIBE - Rural (TACERANARP)"
};
const REVOFICIO = "5172";
const REVOFIBI = "17475";
function normalizeSpecies(species) {
  const t = species.trim().toUpperCase();
  const m = /^B?0*(\d+)$/.exec(t);
  if (m) return m[1];
  return t;
}
function scopeOf(task) {
  const sp = normalizeSpecies(task.species);
  const listed = SCOPE_SPECIES[sp];
  if (listed) return { inScope: true, rule: `art. 4, ${listed.inciso}` };
  if (INCAPACITY_SPECIES.has(sp)) {
    if (task.system === "SABI") {
      return {
        inScope: false,
        rule: "art. 4 \xA75",
        reason: "Benef\xEDcio por incapacidade processado no SABI: corrigir via REVOFIBI (17475), fora da supervis\xE3o.",
        revisionService: REVOFIBI
      };
    }
    for (const s of task.subtasks) {
      if (INCAPACITY_SUBTASKS[s.trim()] !== void 0) return { inScope: true, rule: "art. 4, VIII e \xA74" };
    }
    return {
      inScope: false,
      rule: "art. 4 \xA74",
      reason: "Benef\xEDcio por incapacidade sem subtarefa 17436, 17456, 17775 ou 17776: fora do escopo.",
      revisionService: REVOFICIO
    };
  }
  return {
    inScope: false,
    rule: "art. 4 \xA7\xA71\u20132",
    reason: `Esp\xE9cie/servi\xE7o "${task.species}" fora do escopo da Supervis\xE3o T\xE9cnica: erros v\xE3o para REVOFICIO (5172).`,
    revisionService: REVOFICIO
  };
}
function isInScope(species, system, subtasks) {
  return scopeOf({ species, system, subtasks }).inScope;
}
function revisionServiceFor(task) {
  const sp = normalizeSpecies(task.species);
  if (INCAPACITY_SPECIES.has(sp) && task.system === "SABI") return REVOFIBI;
  return REVOFICIO;
}
export {
  INCAPACITY_SPECIES,
  INCAPACITY_SUBTASKS,
  REVOFIBI,
  REVOFICIO,
  SCOPE_SPECIES,
  isInScope,
  normalizeSpecies,
  revisionServiceFor,
  scopeOf
};
