const CATEGORIES = [
  "employee",
  "domestic",
  "individual",
  "optional",
  "mei",
  "special_insured",
  "casual"
];
const CATEGORY_LABEL = {
  employee: "Empregado",
  // Lei 8.213/1991 art. 11, I
  domestic: "Empregado dom\xE9stico",
  // art. 11, II
  individual: "Contribuinte individual",
  // art. 11, V
  optional: "Segurado facultativo",
  // art. 13
  mei: "Microempreendedor individual (MEI)",
  // LC 123/2006 art. 18-A; Lei 8.212/1991 art. 21 §2º II "a"
  special_insured: "Segurado especial (rural)",
  // art. 11, VII
  casual: "Trabalhador avulso"
  // art. 11, VI
};
const CATEGORY_SET = new Set(CATEGORIES);
const isCategory = (s) => CATEGORY_SET.has(s);
function categoryFromCnis(text) {
  const t = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  if (!t) return null;
  if (t.includes("domestic")) return "domestic";
  if (t.includes("microempreendedor") || /\bmei\b/.test(t)) return "mei";
  if (t.includes("facultativo")) return "optional";
  if (t.includes("segurado especial") || t.includes("rural")) return "special_insured";
  if (t.includes("avulso")) return "casual";
  if (t.includes("contribuinte individual") || t.includes("autonomo") || t.includes("empresario"))
    return "individual";
  if (t.includes("empregado") || t.includes("agente publico")) return "employee";
  return null;
}
export {
  CATEGORIES,
  CATEGORY_LABEL,
  categoryFromCnis,
  isCategory
};
