import { type Category, categoryFromCnis } from './categories';
import { isIndicatorCode } from './indicators';

/**
 * Parser of the text of a CNIS "Extrato Previdenciário" (layout: data/reference/cnis_layout.json),
 * as PDF text extractors print it (pdftotext, pdf.js): columns separated by any run of spaces,
 * cells wrapped over several lines, the page header and the "Identificação do Filiado" block
 * repeated on every page, footers in between. Pure: text in, structured extract out.
 *
 * The text is cleaned of the repeated blocks and then read as a stream of tokens, so spacing
 * and line breaks do not matter: a link starts with "<seq> <NIT>", a remuneration is
 * "MM/AAAA 9.999,99 [indicators]", an indicator cut as "PSC-MEN-SM-" is joined with the next
 * fragment ("EC103") wherever the extractor placed it.
 */
export interface CnisRemuneration {
  /** "YYYY-MM" */
  competence: string;
  amountCents: number;
  indicators: string[];
  /** 0 for the first entry of a competence in a link; 1, 2… when the extract repeats it (e.g. IREM-ACD). */
  part: number;
  /** Contributor layout ("Contribuições"): payment date, when printed. */
  paymentDate?: string | null;
}
export interface CnisLink {
  seq: number;
  nit: string;
  /** Employer code as digits (CNPJ, CEI, CPF or CNPJ root), or null. */
  employerCode: string | null;
  employerDocType: 'cnpj' | 'cei' | 'cpf' | null;
  origin: string;
  affiliationType: string;
  category: Category | null;
  /** ISO dates */
  start: string;
  end: string | null;
  lastRemuneration: string | null;
  indicators: string[];
  remunerations: CnisRemuneration[];
}
export interface CnisBenefit {
  seq: number;
  nit: string;
  nb: string;
  species: number | null;
  speciesName: string;
  start: string;
  end: string | null;
  statusCode: number | null;
  statusText: string;
  remunerations: CnisRemuneration[];
}
export interface CnisExtract {
  issuedAt: string | null;
  person: {
    nit: string | null;
    cpf: string | null;
    name: string | null;
    birthDate: string | null;
    motherName: string | null;
  };
  links: CnisLink[];
  benefits: CnisBenefit[];
  warnings: string[];
}

export class CnisParseError extends Error {}

const FOOTERS = [
  'O INSS poderá rever a qualquer tempo as informações constantes deste extrato, observados os arts.19 ao 19-F do RPS aprovado pelo Decreto 3.048/99.',
  'O segurado somente terá reconhecida como tempo de contribuição ao RGPS a competência cujo valor consolidado seja igual ou superior ao salário mínimo, sendo assegurados os ajustes de complementação, utilização ou agrupamento, conforme o caso, de acordo com o § 14 do art.195 da CF/1988 e art.29 da EC 103/2019.',
];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The footer texts as patterns: any whitespace between words, and optional whitespace after a
 * hyphen, dot or slash (extractors split "19-F" into "19- F" where the PDF broke the line).
 */
const FOOTER_RES = FOOTERS.map(
  (f) =>
    new RegExp(
      f
        .split(/\s+/)
        .map((w) => escapeRe(w).replace(/(\\?[-./])/g, '$1\\s*'))
        .join('\\s+'),
      'g',
    ),
);
const HEADER_RE =
  /(?:P[áa]gina\s+\d+\s+de\s+\d+\s+)?INSS\s+CNIS\s*-\s*Cadastro\s+Nacional\s+de\s+Informa[çc][õo]es\s+Sociais(?:\s+P[áa]gina\s+\d+\s+de\s+\d+)?\s+Extrato\s+Previdenci[áa]rio(?:\s+\d{2}\/\d{2}\/\d{4}\s+\d{2}:\d{2}(?::\d{2})?)?(?:\s+P[áa]gina\s+\d+\s+de\s+\d+)?\s+Identifica[çc][ãa]o\s+do\s+Filiado[\s\S]*?Nome\s+da\s+m[ãa]e:?[^\n]*/g;
const COLUMN_HEADERS = [
  /Seq\.\s+NIT\s+C[óo]digo\s+Emp\.\s+Origem\s+do\s+V[íi]nculo(?:\s+Matr[íi]cula\s+do\s+Trabalhador)?\s+Tipo\s+Filiado\s+no(?:\s+V[íi]nculo)?\s+Data\s+In[íi]cio\s+Data\s+Fim\s+[ÚU]lt\.\s+Remun\.(?:\s+V[íi]nculo)?/g,
  /Seq\.\s+NIT\s+NB\s+Origem\s+do\s+V[íi]nculo\s+Esp[ée]cie\s+Data\s+In[íi]cio\s+Data\s+Fim\s+Situa[çc][ãa]o/g,
  /(?:Compet[êe]ncia\s+Remunera[çc][ãa]o\s+Indicadores\s*){1,3}/g,
  /(?:Compet[êe]ncia\s+Data\s+Pgto\.?\s+Contribui[çc][ãa]o\s+Sal[áa]rio\s+Contribui[çc][ãa]o\s+Indicadores\s*){1,3}/g,
  /Rela[çc][õo]es\s+Previdenci[áa]rias/g,
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

const isoDate = (s: string) => {
  const m = DATE_RE.exec(s)!;
  return `${m[3]}-${m[2]}-${m[1]}`;
};
const isoComp = (s: string) => {
  const m = COMP_RE.exec(s)!;
  return `${m[2]}-${m[1]}`;
};
const brCents = (s: string) => Number(s.replace(/\./g, '').replace(',', ''));
const digits = (s: string) => s.replace(/\D/g, '');
/** Upper-case words (company names) vs capitalised words (the "Tipo Filiado" column). */
const isUpperWord = (w: string) => w === w.toUpperCase() && /[A-ZÀ-Ý0-9]/.test(w);

/** Removes the repeated page header/identification blocks, footers and column headings. */
export function cleanCnisText(text: string): string {
  let t = text
    .replace(/\r/g, '')
    .replace(/\f/g, '\n')
    .replace(/\u00a0/g, ' ');
  t = t.replace(HEADER_RE, '\n');
  for (const re of FOOTER_RES) t = t.replace(re, '\n');
  for (const re of COLUMN_HEADERS) t = t.replace(re, '\n');
  return t.replace(/P[áa]gina\s+\d+\s+de\s+\d+/g, '\n');
}

function parseIdentification(text: string, warnings: string[]): CnisExtract['person'] {
  const flat = text.replace(/[ \t\u00a0]+/g, ' ');
  const one = (re: RegExp) => re.exec(flat)?.[1]?.trim() ?? null;
  const nit = one(/Identifica[çc][ãa]o do Filiado[\s\S]*?NIT:?\s*(\d{3}\.\d{5}\.\d{2}-\d)/);
  const cpf = one(/CPF:?\s*(\d{3}\.\d{3}\.\d{3}-\d{2})/);
  const name = one(/Nome:\s*([^\n]+?)\s*(?:\n|Data de nascimento|$)/);
  const birth = one(/Data de nascimento:?\s*(\d{2}\/\d{2}\/\d{4})/);
  const mother = one(/Nome da m[ãa]e:?\s*([^\n]+)/);
  if (!cpf) warnings.push('CPF do filiado não encontrado no extrato');
  return {
    nit: nit ? digits(nit) : null,
    cpf: cpf ? digits(cpf) : null,
    name,
    birthDate: birth ? isoDate(birth) : null,
    motherName: mother,
  };
}

export function parseCnisText(text: string): CnisExtract {
  if (!/Extrato\s+Previdenci[áa]rio/.test(text) && !/Rela[çc][õo]es\s+Previdenci[áa]rias/.test(text))
    throw new CnisParseError('o texto não parece um Extrato Previdenciário do CNIS');
  const warnings: string[] = [];
  const issued =
    /Extrato\s+Previdenci[áa]rio[\s\S]{0,200}?(\d{2}\/\d{2}\/\d{4})\s+(\d{2}:\d{2}(?::\d{2})?)/.exec(text);
  const person = parseIdentification(text, warnings);
  let body = cleanCnisText(text);
  // Ignore the consolidated-values matrix and the legend (derived data, not records).
  body = body.replace(
    /Valores\s+Consolidados\s+por\s+Ano\s+Civil[\s\S]*?(?=\n\s*\d{1,3}\s+\d{3}\.\d{5}\.\d{2}-\d\s|Legenda\s+de\s+Indicadores|$)/g,
    '\n',
  );
  body = body.replace(/Legenda\s+de\s+Indicadores[\s\S]*$/, '');
  const tok: string[] = [];
  const tokLine: number[] = [];
  body.split('\n').forEach((line, n) => {
    for (const w of line.split(/\s+/)) {
      if (!w) continue;
      tok.push(w);
      tokLine.push(n);
    }
  });

  const links: CnisLink[] = [];
  const benefits: CnisBenefit[] = [];
  type Owner = { remunerations: CnisRemuneration[]; seq: number };
  let owner: Owner | null = null;
  let inRems = false;
  /**
   * Indicator cells left incomplete at the end of a row: the last code ended with '-' (cut,
   * e.g. "PSC-MEN-SM-") or ',' (more codes follow). Continuation lines fill them in order.
   */
  let pending: { rem: CnisRemuneration; state: '-' | ',' }[] = [];
  let lastRem: CnisRemuneration | null = null;
  let lastRemLine = -1;

  const isLinkStart = (i: number) => /^\d{1,3}$/.test(tok[i]!) && NIT_RE.test(tok[i + 1] ?? '');
  const finishPending = () => {
    for (const p of pending)
      if (p.state === '-')
        warnings.push(`indicador incompleto "${p.rem.indicators.at(-1)}" na competência ${p.rem.competence}`);
    pending = [];
  };
  /** Adds an indicator token to a cell; returns the cell's new state (null = complete). */
  const feed = (rem: CnisRemuneration, state: '-' | ',' | null, token: string): '-' | ',' | null => {
    const code = token.replace(/,$/, '');
    if (state === '-') rem.indicators[rem.indicators.length - 1] += code;
    else if (code) rem.indicators.push(code);
    return token.endsWith(',') ? ',' : token.endsWith('-') ? '-' : null;
  };

  let i = 0;
  while (i < tok.length) {
    const t = tok[i]!;
    if (isLinkStart(i)) {
      finishPending();
      inRems = false;
      lastRem = null;
      const seq = Number(t);
      const nit = digits(tok[i + 1]!);
      i += 2;
      let code: string | null = null;
      let nb: string | null = null;
      const c = tok[i] ?? '';
      if (NB_RE.test(c) && tok[i + 1] === 'Benefício') {
        nb = digits(c);
        i++;
      } else if (CNPJ_RE.test(c) || CPF_RE.test(c) || CEI_RE.test(c) || ROOT_RE.test(c)) {
        code = digits(c);
        i++;
      }
      const words: string[] = [];
      while (i < tok.length && !DATE_RE.test(tok[i]!) && !isLinkStart(i)) words.push(tok[i++]!);
      const start = DATE_RE.test(tok[i] ?? '') ? isoDate(tok[i++]!) : null;
      const end = DATE_RE.test(tok[i] ?? '') ? isoDate(tok[i++]!) : null;
      if (!start) {
        warnings.push(`vínculo seq ${seq}: data de início não encontrada; ignorado`);
        continue;
      }
      if (nb) {
        // Benefício: "Benefício" <espécie "31 - AUXILIO DOENCA PREVIDENCIARIO"> … <situação "2 - CESSADO">
        const rest = words.slice(1).join(' ');
        const spec = /^(\d{1,2})\s*-\s*(.+)$/.exec(rest);
        let statusText = '';
        let statusCode: number | null = null;
        if (/^\d$/.test(tok[i] ?? '') && tok[i + 1] === '-') {
          statusCode = Number(tok[i]);
          i += 2;
          const st: string[] = [];
          // The status is on the dates' line; a wrapped species name continues on the next ones.
          const line = tokLine[i - 1];
          while (i < tok.length && tokLine[i] === line && /^[A-ZÀ-Ý]+$/.test(tok[i]!)) st.push(tok[i++]!);
          statusText = st.join(' ');
        }
        const b: CnisBenefit = {
          seq,
          nit,
          nb,
          species: spec ? Number(spec[1]) : null,
          speciesName: spec ? spec[2]!.trim() : rest,
          start,
          end,
          statusCode,
          statusText,
          remunerations: [],
        };
        // Species names wrap: capital words after the dates continue it.
        while (i < tok.length && /^[A-ZÀ-Ý]{2,}$/.test(tok[i]!) && !/^Remunera/.test(tok[i]!))
          b.speciesName += ` ${tok[i++]}`;
        benefits.push(b);
        owner = b;
        continue;
      }
      const last = COMP_RE.test(tok[i] ?? '') && !VALUE_RE.test(tok[i + 1] ?? '') ? isoComp(tok[i++]!) : null;
      // Split the words between origin (upper case) and "Tipo Filiado" (capitalised); wrapped
      // continuations of both come after the dates, before the next section.
      const origin: string[] = [];
      const kind: string[] = [];
      const place = (w: string) => (isUpperWord(w) ? origin : kind).push(w);
      for (const w of words) place(w);
      while (
        i < tok.length &&
        !isLinkStart(i) &&
        !/^Remunera[çc][õo]es$|^Contribui[çc][õo]es$|^Indicadores:?$/.test(tok[i]!) &&
        !COMP_RE.test(tok[i]!)
      )
        place(tok[i++]!);
      const affiliationType = kind.join(' ');
      const l: CnisLink = {
        seq,
        nit,
        employerCode: code,
        employerDocType: code
          ? code.length === 14
            ? 'cnpj'
            : code.length === 12
              ? 'cei'
              : code.length === 11
                ? 'cpf'
                : null
          : null,
        origin: origin.join(' '),
        affiliationType,
        category: categoryFromCnis(affiliationType) ?? categoryFromCnis(origin.join(' ')),
        start,
        end,
        lastRemuneration: last,
        indicators: [],
        remunerations: [],
      };
      if (!l.category)
        warnings.push(`vínculo seq ${seq}: tipo de filiado "${affiliationType}" não reconhecido`);
      links.push(l);
      owner = l;
      continue;
    }
    if (/^Indicadores:$/.test(t) && owner && 'indicators' in owner && !inRems) {
      i++;
      const l = owner as CnisLink;
      while (i < tok.length) {
        // Extractors may split a code after its hyphens ("IVIN- JORN- DIFERENCIADA").
        let raw = tok[i]!;
        while (raw.endsWith('-') && i + 1 < tok.length && /^[A-Z0-9][A-Z0-9-]*,?$/.test(tok[i + 1]!))
          raw += tok[++i]!;
        const code = raw.replace(/,$/, '');
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
      let paymentDate: string | null = null;
      if (DATE_RE.test(tok[j] ?? '')) paymentDate = isoDate(tok[j++]!);
      if (!VALUE_RE.test(tok[j] ?? '')) {
        warnings.push(`competência ${t} sem valor legível; ignorada`);
        i++;
        continue;
      }
      let value = tok[j++]!;
      // Contributor layout: "Contribuição" then "Salário Contribuição": the latter is the base.
      if (paymentDate && VALUE_RE.test(tok[j] ?? '')) value = tok[j++]!;
      const competence = isoComp(t);
      const part = owner.remunerations.filter((r) => r.competence === competence).length;
      const rem: CnisRemuneration = { competence, amountCents: brCents(value), indicators: [], part };
      if (paymentDate) rem.paymentDate = paymentDate;
      owner.remunerations.push(rem);
      lastRem = rem;
      if (tokLine[i] !== lastRemLine) {
        // A new row: whatever the previous row left open and no continuation line filled is incomplete.
        finishPending();
        lastRemLine = tokLine[i]!;
      }
      i = j;
      continue;
    }
    // Indicator tokens: on the row's own line they belong to the last competence read; on a
    // continuation line they complete the pending cells of the previous row, in order.
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
        const head = pending[0]!;
        const st = feed(head.rem, head.state, t);
        if (st) head.state = st;
        else pending.shift();
      } else {
        warnings.push(`texto "${t}" sem competência associada; ignorado`);
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
    issuedAt: issued ? `${isoDate(issued[1]!)} ${issued[2]}` : null,
    person,
    links,
    benefits,
    warnings,
  };
}

/** Indicators found per competence, for the import summary. */
export function indicatorsByCompetence(
  x: CnisExtract,
): { seq: number; competence: string; indicators: string[] }[] {
  const out: { seq: number; competence: string; indicators: string[] }[] = [];
  for (const l of x.links)
    for (const r of l.remunerations)
      if (r.indicators.length) out.push({ seq: l.seq, competence: r.competence, indicators: r.indicators });
  return out;
}
