import type { FieldError } from '../../../platform/errors';
import { Competence } from '../../../platform/values/competence';
import { LocalDate } from '../../../platform/values/dates';
import { Money } from '../../../platform/values/money';

/**
 * The public contract of the RMI calculation (issue 3, "Contract"): snake_case, money as decimal
 * strings. `parseRmiRequest` checks it and returns either the parsed input or pt-BR field errors
 * naming the field ("contributions.3.month"), which the CLI prints (exit 2) and the API returns
 * as 422 problem+json.
 */

export const SPECIES = {
  B21: 'Pensão por morte previdenciária',
  B31: 'Auxílio por incapacidade temporária previdenciário',
  B32: 'Aposentadoria por incapacidade permanente previdenciária',
  B36: 'Auxílio-acidente previdenciário',
  B41: 'Aposentadoria por idade / programada',
  B42: 'Aposentadoria por tempo de contribuição',
  B80: 'Salário-maternidade',
  B87: 'Benefício de prestação continuada à pessoa com deficiência',
  B88: 'Benefício de prestação continuada à pessoa idosa',
  B91: 'Auxílio por incapacidade temporária acidentário',
  B92: 'Aposentadoria por incapacidade permanente acidentária',
  B93: 'Pensão por morte por acidente do trabalho',
  B94: 'Auxílio-acidente por acidente do trabalho',
} as const;
export type Species = keyof typeof SPECIES;

export const CATEGORIES = {
  employee: 'empregado',
  domestic: 'empregado doméstico',
  individual: 'contribuinte individual',
  optional: 'segurado facultativo',
  mei: 'microempreendedor individual',
  special_insured: 'segurado especial',
  casual: 'trabalhador avulso',
} as const;
export type Category = keyof typeof CATEGORIES;

/** Rule ids accepted in `rule` (besides "auto"), documented in the module README. */
export const RULES = {
  ec103_art15: 'Transição por pontos (EC 103/2019, art. 15)',
  ec103_art16: 'Transição por idade mínima progressiva (EC 103/2019, art. 16)',
  ec103_art17: 'Transição com pedágio de 50% e fator previdenciário (EC 103/2019, art. 17)',
  ec103_art18: 'Transição da aposentadoria por idade (EC 103/2019, art. 18)',
  ec103_art19: 'Regra permanente (EC 103/2019, art. 19)',
  ec103_art20: 'Transição com pedágio de 100% (EC 103/2019, art. 20)',
  pre_ec103_fator:
    'Direito adquirido: aposentadoria por tempo de contribuição (Lei 8.213, arts. 29, 29-C e 53)',
  pre_ec103_idade: 'Direito adquirido: aposentadoria por idade (Lei 8.213, arts. 48 e 50)',
  incapacidade_permanente: 'Aposentadoria por incapacidade permanente',
  incapacidade_permanente_acidentaria: 'Aposentadoria por incapacidade permanente acidentária',
  incapacidade_temporaria: 'Auxílio por incapacidade temporária',
  auxilio_acidente: 'Auxílio-acidente',
  pensao_morte: 'Pensão por morte',
  salario_maternidade: 'Salário-maternidade',
  bpc_deficiencia: 'BPC à pessoa com deficiência (Lei 8.742/1993)',
  bpc_idoso: 'BPC à pessoa idosa (Lei 8.742/1993)',
} as const;
export type RuleId = keyof typeof RULES;

export const RETIREMENT_RULES: readonly RuleId[] = [
  'ec103_art15',
  'ec103_art16',
  'ec103_art17',
  'ec103_art18',
  'ec103_art19',
  'ec103_art20',
  'pre_ec103_fator',
  'pre_ec103_idade',
];

export function rulesForSpecies(species: Species, accident: boolean): readonly RuleId[] {
  switch (species) {
    case 'B41':
    case 'B42':
      return RETIREMENT_RULES;
    case 'B32':
      return accident ? ['incapacidade_permanente_acidentaria'] : ['incapacidade_permanente'];
    case 'B92':
      return ['incapacidade_permanente_acidentaria'];
    case 'B31':
    case 'B91':
      return ['incapacidade_temporaria'];
    case 'B36':
    case 'B94':
      return ['auxilio_acidente'];
    case 'B21':
    case 'B93':
      return ['pensao_morte'];
    case 'B80':
      return ['salario_maternidade'];
    case 'B87':
      return ['bpc_deficiencia'];
    case 'B88':
      return ['bpc_idoso'];
  }
}

/** Wire format (what integrators send). */
export interface RmiRequest {
  benefit: string;
  sex: string;
  birth_date: string;
  request_date: string;
  rule?: string;
  links?: { start: string; end?: string | null; category: string }[];
  contributions?: { month: string; amount: string }[];
  dependents?: number;
  accident?: boolean;
  disabled_dependent?: boolean;
}

export interface ParsedLink {
  start: string;
  /** null = still open (counted up to the DIB). */
  end: string | null;
  category: Category;
}

export interface RmiInput {
  species: Species;
  sex: 'M' | 'F';
  birthDate: string;
  /** Data de início do benefício: the request date of the contract. */
  dib: string;
  rule: RuleId | 'auto';
  links: ParsedLink[];
  /** Competência indexes (Competence.index), ascending, unique. */
  months: Int32Array;
  /** Salário de contribuição of each competência, in cents (same order as months). */
  amounts: Int32Array;
  dependents: number | null;
  accident: boolean;
  disabledDependent: boolean;
}

const TOP_FIELDS = new Set([
  'benefit',
  'sex',
  'birth_date',
  'request_date',
  'rule',
  'links',
  'contributions',
  'dependents',
  'accident',
  'disabled_dependent',
]);

const MAX_AMOUNT_CENTS = 100_000_000; // R$ 1.000.000,00 per month: far above any teto, guards overflow

export type ParseResult = { ok: true; input: RmiInput } | { ok: false; errors: FieldError[] };

export function parseRmiRequest(body: unknown): ParseResult {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => {
    errors.push({ field, message });
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: [{ field: '', message: 'o corpo deve ser um objeto JSON com os dados do cálculo' }],
    };
  }
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!TOP_FIELDS.has(k)) err(k, `campo desconhecido "${k}"`);

  let species: Species | null = null;
  if (typeof b['benefit'] !== 'string') err('benefit', 'informe a espécie do benefício (por exemplo "B41")');
  else {
    const code = b['benefit'].trim().toUpperCase();
    if (code in SPECIES) species = code as Species;
    else
      err(
        'benefit',
        `espécie de benefício desconhecida: "${b['benefit']}" (aceitas: ${Object.keys(SPECIES).join(', ')})`,
      );
  }

  let sex: 'M' | 'F' | null = null;
  if (b['sex'] === 'M' || b['sex'] === 'F') sex = b['sex'];
  else err('sex', 'sexo deve ser "M" (masculino) ou "F" (feminino)');

  const date = (field: string, v: unknown): string | null => {
    if (typeof v !== 'string' || !LocalDate.isValid(v)) {
      err(field, `data inválida${typeof v === 'string' ? `: "${v}"` : ''} (use AAAA-MM-DD)`);
      return null;
    }
    return v;
  };
  const birthDate = date('birth_date', b['birth_date']);
  const dib = date('request_date', b['request_date']);
  if (dib && dib < '1994-07-01')
    err('request_date', 'o cálculo cobre DIB a partir de 01/07/1994 (Plano Real)');
  if (birthDate && dib && birthDate >= dib)
    err('birth_date', 'a data de nascimento deve ser anterior à data do requerimento');

  let rule: RuleId | 'auto' = 'auto';
  if (b['rule'] !== undefined && b['rule'] !== 'auto') {
    if (typeof b['rule'] === 'string' && b['rule'] in RULES) rule = b['rule'] as RuleId;
    else
      err(
        'rule',
        `regra desconhecida: "${String(b['rule'])}" (use "auto" ou uma de: ${Object.keys(RULES).join(', ')})`,
      );
  }

  const links: ParsedLink[] = [];
  if (b['links'] !== undefined && !Array.isArray(b['links']))
    err('links', 'links deve ser uma lista de vínculos');
  for (const [i, raw] of (Array.isArray(b['links']) ? b['links'] : []).entries()) {
    const p = `links.${i}`;
    if (typeof raw !== 'object' || raw === null) {
      err(p, 'vínculo deve ser um objeto com start, end e category');
      continue;
    }
    const l = raw as Record<string, unknown>;
    for (const k of Object.keys(l))
      if (!['start', 'end', 'category'].includes(k)) err(`${p}.${k}`, `campo desconhecido "${k}"`);
    const start = date(`${p}.start`, l['start']);
    const end = l['end'] === undefined || l['end'] === null ? null : date(`${p}.end`, l['end']);
    if (start && end && end < start)
      err(`${p}.end`, `data final ${LocalDate.toBr(end)} anterior à data inicial ${LocalDate.toBr(start)}`);
    let category: Category | null = null;
    if (typeof l['category'] === 'string' && l['category'] in CATEGORIES)
      category = l['category'] as Category;
    else
      err(
        `${p}.category`,
        `categoria desconhecida: "${String(l['category'])}" (aceitas: ${Object.keys(CATEGORIES).join(', ')})`,
      );
    if (start && category) links.push({ start, end, category });
  }

  const pairs: { month: number; cents: number }[] = [];
  const seen = new Map<string, number>();
  if (b['contributions'] !== undefined && !Array.isArray(b['contributions'])) {
    err('contributions', 'contributions deve ser uma lista de {month, amount}');
  }
  for (const [i, raw] of (Array.isArray(b['contributions']) ? b['contributions'] : []).entries()) {
    const p = `contributions.${i}`;
    if (typeof raw !== 'object' || raw === null) {
      err(p, 'contribuição deve ser um objeto com month e amount');
      continue;
    }
    const c = raw as Record<string, unknown>;
    for (const k of Object.keys(c))
      if (k !== 'month' && k !== 'amount') err(`${p}.${k}`, `campo desconhecido "${k}"`);
    const month = c['month'];
    let okMonth = false;
    if (typeof month !== 'string' || !Competence.isValid(month)) {
      err(
        `${p}.month`,
        `competência inválida${typeof month === 'string' ? `: "${month}"` : ''} (use AAAA-MM)`,
      );
    } else if (seen.has(month)) {
      err(
        `${p}.month`,
        `competência ${Competence.toBr(month as Competence)} repetida (já informada em contributions.${seen.get(month)})`,
      );
    } else {
      seen.set(month, i);
      okMonth = true;
    }
    const amount = c['amount'];
    let cents: number | null = null;
    if (typeof amount !== 'string')
      err(`${p}.amount`, 'valor deve ser texto decimal com ponto, por exemplo "1234.56"');
    else if (/^\s*-/.test(amount)) err(`${p}.amount`, `valor negativo não é permitido: "${amount}"`);
    else {
      cents = Money.tryParse(amount);
      if (cents === null) err(`${p}.amount`, `valor inválido: "${amount}" (use o formato 1234.56)`);
      else if (cents > MAX_AMOUNT_CENTS)
        err(`${p}.amount`, `valor acima do limite aceito (R$ 1.000.000,00): "${amount}"`);
    }
    if (okMonth && cents !== null && cents <= MAX_AMOUNT_CENTS) {
      pairs.push({ month: Competence.index(month as Competence), cents });
    }
  }

  let dependents: number | null = null;
  if (b['dependents'] !== undefined) {
    if (
      typeof b['dependents'] === 'number' &&
      Number.isInteger(b['dependents']) &&
      b['dependents'] >= 0 &&
      b['dependents'] <= 50
    ) {
      dependents = b['dependents'];
    } else err('dependents', 'número de dependentes deve ser um inteiro de 0 a 50');
  }
  const bool = (field: string): boolean => {
    const v = b[field];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') err(field, `${field} deve ser true ou false`);
    return v === true;
  };
  const accident = bool('accident');
  const disabledDependent = bool('disabled_dependent');

  if (errors.length > 0 || !species || !sex || !birthDate || !dib) return { ok: false, errors };

  if (rule !== 'auto' && !rulesForSpecies(species, accident).includes(rule)) {
    return {
      ok: false,
      errors: [
        {
          field: 'rule',
          message: `a regra "${rule}" não se aplica à espécie ${species} (aplicáveis: ${rulesForSpecies(species, accident).join(', ')})`,
        },
      ],
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
      disabledDependent,
    },
  };
}
