import { Competence } from "../../../platform/values/competence.js";
import { LocalDate } from "../../../platform/values/dates.js";
import { Money } from "../../../platform/values/money.js";
const SPECIES = {
  B21: "Pens\xE3o por morte previdenci\xE1ria",
  B31: "Aux\xEDlio por incapacidade tempor\xE1ria previdenci\xE1rio",
  B32: "Aposentadoria por incapacidade permanente previdenci\xE1ria",
  B36: "Aux\xEDlio-acidente previdenci\xE1rio",
  B41: "Aposentadoria por idade / programada",
  B42: "Aposentadoria por tempo de contribui\xE7\xE3o",
  B80: "Sal\xE1rio-maternidade",
  B87: "Benef\xEDcio de presta\xE7\xE3o continuada \xE0 pessoa com defici\xEAncia",
  B88: "Benef\xEDcio de presta\xE7\xE3o continuada \xE0 pessoa idosa",
  B91: "Aux\xEDlio por incapacidade tempor\xE1ria acident\xE1rio",
  B92: "Aposentadoria por incapacidade permanente acident\xE1ria",
  B93: "Pens\xE3o por morte por acidente do trabalho",
  B94: "Aux\xEDlio-acidente por acidente do trabalho"
};
const CATEGORIES = {
  employee: "empregado",
  domestic: "empregado dom\xE9stico",
  individual: "contribuinte individual",
  optional: "segurado facultativo",
  mei: "microempreendedor individual",
  special_insured: "segurado especial",
  casual: "trabalhador avulso"
};
const RULES = {
  ec103_art15: "Transi\xE7\xE3o por pontos (EC 103/2019, art. 15)",
  ec103_art16: "Transi\xE7\xE3o por idade m\xEDnima progressiva (EC 103/2019, art. 16)",
  ec103_art17: "Transi\xE7\xE3o com ped\xE1gio de 50% e fator previdenci\xE1rio (EC 103/2019, art. 17)",
  ec103_art18: "Transi\xE7\xE3o da aposentadoria por idade (EC 103/2019, art. 18)",
  ec103_art19: "Regra permanente (EC 103/2019, art. 19)",
  ec103_art20: "Transi\xE7\xE3o com ped\xE1gio de 100% (EC 103/2019, art. 20)",
  pre_ec103_fator: "Direito adquirido: aposentadoria por tempo de contribui\xE7\xE3o (Lei 8.213, arts. 29, 29-C e 53)",
  pre_ec103_idade: "Direito adquirido: aposentadoria por idade (Lei 8.213, arts. 48 e 50)",
  incapacidade_permanente: "Aposentadoria por incapacidade permanente",
  incapacidade_permanente_acidentaria: "Aposentadoria por incapacidade permanente acident\xE1ria",
  incapacidade_temporaria: "Aux\xEDlio por incapacidade tempor\xE1ria",
  auxilio_acidente: "Aux\xEDlio-acidente",
  pensao_morte: "Pens\xE3o por morte",
  salario_maternidade: "Sal\xE1rio-maternidade",
  bpc_deficiencia: "BPC \xE0 pessoa com defici\xEAncia (Lei 8.742/1993)",
  bpc_idoso: "BPC \xE0 pessoa idosa (Lei 8.742/1993)"
};
const RETIREMENT_RULES = [
  "ec103_art15",
  "ec103_art16",
  "ec103_art17",
  "ec103_art18",
  "ec103_art19",
  "ec103_art20",
  "pre_ec103_fator",
  "pre_ec103_idade"
];
function rulesForSpecies(species, accident) {
  switch (species) {
    case "B41":
    case "B42":
      return RETIREMENT_RULES;
    case "B32":
      return accident ? ["incapacidade_permanente_acidentaria"] : ["incapacidade_permanente"];
    case "B92":
      return ["incapacidade_permanente_acidentaria"];
    case "B31":
    case "B91":
      return ["incapacidade_temporaria"];
    case "B36":
    case "B94":
      return ["auxilio_acidente"];
    case "B21":
    case "B93":
      return ["pensao_morte"];
    case "B80":
      return ["salario_maternidade"];
    case "B87":
      return ["bpc_deficiencia"];
    case "B88":
      return ["bpc_idoso"];
  }
}
const TOP_FIELDS = /* @__PURE__ */ new Set([
  "benefit",
  "sex",
  "birth_date",
  "request_date",
  "rule",
  "links",
  "contributions",
  "dependents",
  "accident",
  "disabled_dependent"
]);
const MAX_AMOUNT_CENTS = 1e8;
function parseRmiRequest(body) {
  const errors = [];
  const err = (field, message) => {
    errors.push({ field, message });
  };
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: [{ field: "", message: "o corpo deve ser um objeto JSON com os dados do c\xE1lculo" }]
    };
  }
  const b = body;
  for (const k of Object.keys(b)) if (!TOP_FIELDS.has(k)) err(k, `campo desconhecido "${k}"`);
  let species = null;
  if (typeof b["benefit"] !== "string") err("benefit", 'informe a esp\xE9cie do benef\xEDcio (por exemplo "B41")');
  else {
    const code = b["benefit"].trim().toUpperCase();
    if (code in SPECIES) species = code;
    else
      err(
        "benefit",
        `esp\xE9cie de benef\xEDcio desconhecida: "${b["benefit"]}" (aceitas: ${Object.keys(SPECIES).join(", ")})`
      );
  }
  let sex = null;
  if (b["sex"] === "M" || b["sex"] === "F") sex = b["sex"];
  else err("sex", 'sexo deve ser "M" (masculino) ou "F" (feminino)');
  const date = (field, v) => {
    if (typeof v !== "string" || !LocalDate.isValid(v)) {
      err(field, `data inv\xE1lida${typeof v === "string" ? `: "${v}"` : ""} (use AAAA-MM-DD)`);
      return null;
    }
    return v;
  };
  const birthDate = date("birth_date", b["birth_date"]);
  const dib = date("request_date", b["request_date"]);
  if (dib && dib < "1994-07-01")
    err("request_date", "o c\xE1lculo cobre DIB a partir de 01/07/1994 (Plano Real)");
  if (birthDate && dib && birthDate >= dib)
    err("birth_date", "a data de nascimento deve ser anterior \xE0 data do requerimento");
  let rule = "auto";
  if (b["rule"] !== void 0 && b["rule"] !== "auto") {
    if (typeof b["rule"] === "string" && b["rule"] in RULES) rule = b["rule"];
    else
      err(
        "rule",
        `regra desconhecida: "${String(b["rule"])}" (use "auto" ou uma de: ${Object.keys(RULES).join(", ")})`
      );
  }
  const links = [];
  if (b["links"] !== void 0 && !Array.isArray(b["links"]))
    err("links", "links deve ser uma lista de v\xEDnculos");
  for (const [i, raw] of (Array.isArray(b["links"]) ? b["links"] : []).entries()) {
    const p = `links.${i}`;
    if (typeof raw !== "object" || raw === null) {
      err(p, "v\xEDnculo deve ser um objeto com start, end e category");
      continue;
    }
    const l = raw;
    for (const k of Object.keys(l))
      if (!["start", "end", "category"].includes(k)) err(`${p}.${k}`, `campo desconhecido "${k}"`);
    const start = date(`${p}.start`, l["start"]);
    const end = l["end"] === void 0 || l["end"] === null ? null : date(`${p}.end`, l["end"]);
    if (start && end && end < start)
      err(`${p}.end`, `data final ${LocalDate.toBr(end)} anterior \xE0 data inicial ${LocalDate.toBr(start)}`);
    let category = null;
    if (typeof l["category"] === "string" && l["category"] in CATEGORIES)
      category = l["category"];
    else
      err(
        `${p}.category`,
        `categoria desconhecida: "${String(l["category"])}" (aceitas: ${Object.keys(CATEGORIES).join(", ")})`
      );
    if (start && category) links.push({ start, end, category });
  }
  const pairs = [];
  const seen = /* @__PURE__ */ new Map();
  if (b["contributions"] !== void 0 && !Array.isArray(b["contributions"])) {
    err("contributions", "contributions deve ser uma lista de {month, amount}");
  }
  for (const [i, raw] of (Array.isArray(b["contributions"]) ? b["contributions"] : []).entries()) {
    const p = `contributions.${i}`;
    if (typeof raw !== "object" || raw === null) {
      err(p, "contribui\xE7\xE3o deve ser um objeto com month e amount");
      continue;
    }
    const c = raw;
    for (const k of Object.keys(c))
      if (k !== "month" && k !== "amount") err(`${p}.${k}`, `campo desconhecido "${k}"`);
    const month = c["month"];
    let okMonth = false;
    if (typeof month !== "string" || !Competence.isValid(month)) {
      err(
        `${p}.month`,
        `compet\xEAncia inv\xE1lida${typeof month === "string" ? `: "${month}"` : ""} (use AAAA-MM)`
      );
    } else if (seen.has(month)) {
      err(
        `${p}.month`,
        `compet\xEAncia ${Competence.toBr(month)} repetida (j\xE1 informada em contributions.${seen.get(month)})`
      );
    } else {
      seen.set(month, i);
      okMonth = true;
    }
    const amount = c["amount"];
    let cents = null;
    if (typeof amount !== "string")
      err(`${p}.amount`, 'valor deve ser texto decimal com ponto, por exemplo "1234.56"');
    else if (/^\s*-/.test(amount)) err(`${p}.amount`, `valor negativo n\xE3o \xE9 permitido: "${amount}"`);
    else {
      cents = Money.tryParse(amount);
      if (cents === null) err(`${p}.amount`, `valor inv\xE1lido: "${amount}" (use o formato 1234.56)`);
      else if (cents > MAX_AMOUNT_CENTS)
        err(`${p}.amount`, `valor acima do limite aceito (R$ 1.000.000,00): "${amount}"`);
    }
    if (okMonth && cents !== null && cents <= MAX_AMOUNT_CENTS) {
      pairs.push({ month: Competence.index(month), cents });
    }
  }
  let dependents = null;
  if (b["dependents"] !== void 0) {
    if (typeof b["dependents"] === "number" && Number.isInteger(b["dependents"]) && b["dependents"] >= 0 && b["dependents"] <= 50) {
      dependents = b["dependents"];
    } else err("dependents", "n\xFAmero de dependentes deve ser um inteiro de 0 a 50");
  }
  const bool = (field) => {
    const v = b[field];
    if (v === void 0) return false;
    if (typeof v !== "boolean") err(field, `${field} deve ser true ou false`);
    return v === true;
  };
  const accident = bool("accident");
  const disabledDependent = bool("disabled_dependent");
  if (errors.length > 0 || !species || !sex || !birthDate || !dib) return { ok: false, errors };
  if (rule !== "auto" && !rulesForSpecies(species, accident).includes(rule)) {
    return {
      ok: false,
      errors: [
        {
          field: "rule",
          message: `a regra "${rule}" n\xE3o se aplica \xE0 esp\xE9cie ${species} (aplic\xE1veis: ${rulesForSpecies(species, accident).join(", ")})`
        }
      ]
    };
  }
  pairs.sort((a, b2) => a.month - b2.month);
  const months = new Int32Array(pairs.length);
  const amounts = new Int32Array(pairs.length);
  pairs.forEach((p, i) => {
    months[i] = p.month;
    amounts[i] = p.cents;
  });
  return {
    ok: true,
    input: {
      species,
      sex,
      birthDate,
      dib,
      rule,
      links,
      months,
      amounts,
      dependents,
      accident,
      disabledDependent
    }
  };
}
export {
  CATEGORIES,
  RETIREMENT_RULES,
  RULES,
  SPECIES,
  parseRmiRequest,
  rulesForSpecies
};
