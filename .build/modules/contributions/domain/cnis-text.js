import { categoryFromCnis } from "./categories.js";
import { isIndicatorCode } from "./indicators.js";
class CnisParseError extends Error {
}
const FOOTERS = [
  "O INSS poder\xE1 rever a qualquer tempo as informa\xE7\xF5es constantes deste extrato, observados os arts.19 ao 19-F do RPS aprovado pelo Decreto 3.048/99.",
  "O segurado somente ter\xE1 reconhecida como tempo de contribui\xE7\xE3o ao RGPS a compet\xEAncia cujo valor consolidado seja igual ou superior ao sal\xE1rio m\xEDnimo, sendo assegurados os ajustes de complementa\xE7\xE3o, utiliza\xE7\xE3o ou agrupamento, conforme o caso, de acordo com o \xA7 14 do art.195 da CF/1988 e art.29 da EC 103/2019."
];
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const FOOTER_RES = FOOTERS.map(
  (f) => new RegExp(
    f.split(/\s+/).map((w) => escapeRe(w).replace(/(\\?[-./])/g, "$1\\s*")).join("\\s+"),
    "g"
  )
);
const HEADER_RE = /(?:P[áa]gina\s+\d+\s+de\s+\d+\s+)?INSS\s+CNIS\s*-\s*Cadastro\s+Nacional\s+de\s+Informa[çc][õo]es\s+Sociais(?:\s+P[áa]gina\s+\d+\s+de\s+\d+)?\s+Extrato\s+Previdenci[áa]rio(?:\s+\d{2}\/\d{2}\/\d{4}\s+\d{2}:\d{2}(?::\d{2})?)?(?:\s+P[áa]gina\s+\d+\s+de\s+\d+)?\s+Identifica[çc][ãa]o\s+do\s+Filiado[\s\S]*?Nome\s+da\s+m[ãa]e:?[^\n]*/g;
const COLUMN_HEADERS = [
  /Seq\.\s+NIT\s+C[óo]digo\s+Emp\.\s+Origem\s+do\s+V[íi]nculo(?:\s+Matr[íi]cula\s+do\s+Trabalhador)?\s+Tipo\s+Filiado\s+no(?:\s+V[íi]nculo)?\s+Data\s+In[íi]cio\s+Data\s+Fim\s+[ÚU]lt\.\s+Remun\.(?:\s+V[íi]nculo)?/g,
  /Seq\.\s+NIT\s+NB\s+Origem\s+do\s+V[íi]nculo\s+Esp[ée]cie\s+Data\s+In[íi]cio\s+Data\s+Fim\s+Situa[çc][ãa]o/g,
  /(?:Compet[êe]ncia\s+Remunera[çc][ãa]o\s+Indicadores\s*){1,3}/g,
  /(?:Compet[êe]ncia\s+Data\s+Pgto\.?\s+Contribui[çc][ãa]o\s+Sal[áa]rio\s+Contribui[çc][ãa]o\s+Indicadores\s*){1,3}/g,
  /Rela[çc][õo]es\s+Previdenci[áa]rias/g
];
const NIT_RE = /^\d{3}\.\d{5}\.\d{2}-\d$/;
const CNPJ_RE = /^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/;
const CPF_RE = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;
const CEI_RE = /^\d{2}\.\d{3}\.\d{5}\/\d{2}$/;
const ROOT_RE = /^\d{2}\.\d{3}\.\d{3}$/;
const DATE_RE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const COMP_RE = /^(0[1-9]|1[0-2])\/(\d{4})$/;
const VALUE_RE = /^\d{1,3}(?:\.\d{3})*,\d{2}$/;
const NB_RE = /^\d{10}$|^\d{3}\.\d{3}\.\d{3}-\d$/;
const isoDate = (s) => {
  const m = DATE_RE.exec(s);
  return `${m[3]}-${m[2]}-${m[1]}`;
};
const isoComp = (s) => {
  const m = COMP_RE.exec(s);
  return `${m[2]}-${m[1]}`;
};
const brCents = (s) => Number(s.replace(/\./g, "").replace(",", ""));
const digits = (s) => s.replace(/\D/g, "");
const isUpperWord = (w) => w === w.toUpperCase() && /[A-ZÀ-Ý0-9]/.test(w);
function cleanCnisText(text) {
  let t = text.replace(/\r/g, "").replace(/\f/g, "\n").replace(/\u00a0/g, " ");
  t = t.replace(HEADER_RE, "\n");
  for (const re of FOOTER_RES) t = t.replace(re, "\n");
  for (const re of COLUMN_HEADERS) t = t.replace(re, "\n");
  return t.replace(/P[áa]gina\s+\d+\s+de\s+\d+/g, "\n");
}
function parseIdentification(text, warnings) {
  const flat = text.replace(/[ \t\u00a0]+/g, " ");
  const one = (re) => re.exec(flat)?.[1]?.trim() ?? null;
  const nit = one(/Identifica[çc][ãa]o do Filiado[\s\S]*?NIT:?\s*(\d{3}\.\d{5}\.\d{2}-\d)/);
  const cpf = one(/CPF:?\s*(\d{3}\.\d{3}\.\d{3}-\d{2})/);
  const name = one(/Nome:\s*([^\n]+?)\s*(?:\n|Data de nascimento|$)/);
  const birth = one(/Data de nascimento:?\s*(\d{2}\/\d{2}\/\d{4})/);
  const mother = one(/Nome da m[ãa]e:?\s*([^\n]+)/);
  if (!cpf) warnings.push("CPF do filiado n\xE3o encontrado no extrato");
  return {
    nit: nit ? digits(nit) : null,
    cpf: cpf ? digits(cpf) : null,
    name,
    birthDate: birth ? isoDate(birth) : null,
    motherName: mother
  };
}
function parseCnisText(text) {
  if (!/Extrato\s+Previdenci[áa]rio/.test(text) && !/Rela[çc][õo]es\s+Previdenci[áa]rias/.test(text))
    throw new CnisParseError("o texto n\xE3o parece um Extrato Previdenci\xE1rio do CNIS");
  const warnings = [];
  const issued = /Extrato\s+Previdenci[áa]rio[\s\S]{0,200}?(\d{2}\/\d{2}\/\d{4})\s+(\d{2}:\d{2}(?::\d{2})?)/.exec(text);
  const person = parseIdentification(text, warnings);
  let body = cleanCnisText(text);
  body = body.replace(
    /Valores\s+Consolidados\s+por\s+Ano\s+Civil[\s\S]*?(?=\n\s*\d{1,3}\s+\d{3}\.\d{5}\.\d{2}-\d\s|Legenda\s+de\s+Indicadores|$)/g,
    "\n"
  );
  body = body.replace(/Legenda\s+de\s+Indicadores[\s\S]*$/, "");
  const tok = [];
  const tokLine = [];
  body.split("\n").forEach((line, n) => {
    for (const w of line.split(/\s+/)) {
      if (!w) continue;
      tok.push(w);
      tokLine.push(n);
    }
  });
  const links = [];
  const benefits = [];
  let owner = null;
  let inRems = false;
  let pending = [];
  let lastRem = null;
  let lastRemLine = -1;
  const isLinkStart = (i2) => /^\d{1,3}$/.test(tok[i2]) && NIT_RE.test(tok[i2 + 1] ?? "");
  const finishPending = () => {
    for (const p of pending)
      if (p.state === "-")
        warnings.push(`indicador incompleto "${p.rem.indicators.at(-1)}" na compet\xEAncia ${p.rem.competence}`);
    pending = [];
  };
  const feed = (rem, state, token) => {
    const code = token.replace(/,$/, "");
    if (state === "-") rem.indicators[rem.indicators.length - 1] += code;
    else if (code) rem.indicators.push(code);
    return token.endsWith(",") ? "," : token.endsWith("-") ? "-" : null;
  };
  let i = 0;
  while (i < tok.length) {
    const t = tok[i];
    if (isLinkStart(i)) {
      finishPending();
      inRems = false;
      lastRem = null;
      const seq = Number(t);
      const nit = digits(tok[i + 1]);
      i += 2;
      let code = null;
      let nb = null;
      const c = tok[i] ?? "";
      if (NB_RE.test(c) && tok[i + 1] === "Benef\xEDcio") {
        nb = digits(c);
        i++;
      } else if (CNPJ_RE.test(c) || CPF_RE.test(c) || CEI_RE.test(c) || ROOT_RE.test(c)) {
        code = digits(c);
        i++;
      }
      const words = [];
      while (i < tok.length && !DATE_RE.test(tok[i]) && !isLinkStart(i)) words.push(tok[i++]);
      const start = DATE_RE.test(tok[i] ?? "") ? isoDate(tok[i++]) : null;
      const end = DATE_RE.test(tok[i] ?? "") ? isoDate(tok[i++]) : null;
      if (!start) {
        warnings.push(`v\xEDnculo seq ${seq}: data de in\xEDcio n\xE3o encontrada; ignorado`);
        continue;
      }
      if (nb) {
        const rest = words.slice(1).join(" ");
        const spec = /^(\d{1,2})\s*-\s*(.+)$/.exec(rest);
        let statusText = "";
        let statusCode = null;
        if (/^\d$/.test(tok[i] ?? "") && tok[i + 1] === "-") {
          statusCode = Number(tok[i]);
          i += 2;
          const st = [];
          const line = tokLine[i - 1];
          while (i < tok.length && tokLine[i] === line && /^[A-ZÀ-Ý]+$/.test(tok[i])) st.push(tok[i++]);
          statusText = st.join(" ");
        }
        const b = {
          seq,
          nit,
          nb,
          species: spec ? Number(spec[1]) : null,
          speciesName: spec ? spec[2].trim() : rest,
          start,
          end,
          statusCode,
          statusText,
          remunerations: []
        };
        while (i < tok.length && /^[A-ZÀ-Ý]{2,}$/.test(tok[i]) && !/^Remunera/.test(tok[i]))
          b.speciesName += ` ${tok[i++]}`;
        benefits.push(b);
        owner = b;
        continue;
      }
      const last = COMP_RE.test(tok[i] ?? "") && !VALUE_RE.test(tok[i + 1] ?? "") ? isoComp(tok[i++]) : null;
      const origin = [];
      const kind = [];
      const place = (w) => (isUpperWord(w) ? origin : kind).push(w);
      for (const w of words) place(w);
      while (i < tok.length && !isLinkStart(i) && !/^Remunera[çc][õo]es$|^Contribui[çc][õo]es$|^Indicadores:?$/.test(tok[i]) && !COMP_RE.test(tok[i]))
        place(tok[i++]);
      const affiliationType = kind.join(" ");
      const l = {
        seq,
        nit,
        employerCode: code,
        employerDocType: code ? code.length === 14 ? "cnpj" : code.length === 12 ? "cei" : code.length === 11 ? "cpf" : null : null,
        origin: origin.join(" "),
        affiliationType,
        category: categoryFromCnis(affiliationType) ?? categoryFromCnis(origin.join(" ")),
        start,
        end,
        lastRemuneration: last,
        indicators: [],
        remunerations: []
      };
      if (!l.category)
        warnings.push(`v\xEDnculo seq ${seq}: tipo de filiado "${affiliationType}" n\xE3o reconhecido`);
      links.push(l);
      owner = l;
      continue;
    }
    if (/^Indicadores:$/.test(t) && owner && "indicators" in owner && !inRems) {
      i++;
      const l = owner;
      while (i < tok.length) {
        let raw = tok[i];
        while (raw.endsWith("-") && i + 1 < tok.length && /^[A-Z0-9][A-Z0-9-]*,?$/.test(tok[i + 1]))
          raw += tok[++i];
        const code = raw.replace(/,$/, "");
        if (!isIndicatorCode(code)) break;
        if (!l.indicators.includes(code)) l.indicators.push(code);
        i++;
      }
      continue;
    }
    if (/^Remunera[çc][õo]es$|^Contribui[çc][õo]es$/.test(t)) {
      inRems = true;
      i++;
      continue;
    }
    if (inRems && owner && COMP_RE.test(t)) {
      let j = i + 1;
      let paymentDate = null;
      if (DATE_RE.test(tok[j] ?? "")) paymentDate = isoDate(tok[j++]);
      if (!VALUE_RE.test(tok[j] ?? "")) {
        warnings.push(`compet\xEAncia ${t} sem valor leg\xEDvel; ignorada`);
        i++;
        continue;
      }
      let value = tok[j++];
      if (paymentDate && VALUE_RE.test(tok[j] ?? "")) value = tok[j++];
      const competence = isoComp(t);
      const part = owner.remunerations.filter((r) => r.competence === competence).length;
      const rem = { competence, amountCents: brCents(value), indicators: [], part };
      if (paymentDate) rem.paymentDate = paymentDate;
      owner.remunerations.push(rem);
      lastRem = rem;
      if (tokLine[i] !== lastRemLine) {
        finishPending();
        lastRemLine = tokLine[i];
      }
      i = j;
      continue;
    }
    if (inRems && lastRem && /^[A-Z0-9][A-Z0-9-]*,?$/.test(t)) {
      if (tokLine[i] === lastRemLine) {
        const head = pending.at(-1);
        const cur = head && head.rem === lastRem ? head : null;
        const st = feed(lastRem, cur ? cur.state : null, t);
        if (cur) {
          if (st) cur.state = st;
          else pending.pop();
        } else if (st) pending.push({ rem: lastRem, state: st });
      } else if (pending.length) {
        const head = pending[0];
        const st = feed(head.rem, head.state, t);
        if (st) head.state = st;
        else pending.shift();
      } else {
        warnings.push(`texto "${t}" sem compet\xEAncia associada; ignorado`);
      }
      i++;
      continue;
    }
    i++;
  }
  finishPending();
  for (const o of [...links, ...benefits])
    for (const r of o.remunerations)
      r.indicators = [...new Set(r.indicators.filter((c) => isIndicatorCode(c)))];
  return {
    issuedAt: issued ? `${isoDate(issued[1])} ${issued[2]}` : null,
    person,
    links,
    benefits,
    warnings
  };
}
function indicatorsByCompetence(x) {
  const out = [];
  for (const l of x.links)
    for (const r of l.remunerations)
      if (r.indicators.length) out.push({ seq: l.seq, competence: r.competence, indicators: r.indicators });
  return out;
}
export {
  CnisParseError,
  cleanCnisText,
  indicatorsByCompetence,
  parseCnisText
};
