import { Competence } from '../../../platform/values/competence';
import { LocalDate } from '../../../platform/values/dates';
import { Money } from '../../../platform/values/money';
import {
  CalculationError,
  divRound,
  divRoundBig,
  formatPercent,
  formatScaled,
  mulDivRound,
  RATE_SCALE,
} from './fixed';
import { CATEGORIES, type RmiInput, RULES, type RuleId, rulesForSpecies, SPECIES } from './input';
import {
  average80,
  averageLast12,
  averageLast36,
  buildPbc,
  type Pbc,
  pbcDetailLines,
  requireContributionsFrom1994,
  type SortedPbc,
  scratch,
  sortPbc,
} from './salary';
import {
  type LifeTable,
  lifeExpectancyTenths,
  lifeTableAt,
  minimumWageAt,
  type ParameterTables,
  readjustmentsBetween,
  tetoAt,
} from './tables';
import {
  ageOn,
  countTime,
  EC103_DATE,
  formatYmd,
  type InsuredStatus,
  insuredStatus,
  minusMonths,
  retirementCarencia,
  type TimeCount,
  UNITS_PER_MONTH,
  UNITS_PER_YEAR,
  type Ymd,
  ymdUnits,
} from './time';

/**
 * The calculation engine: pure and synchronous. Takes a parsed request and the parameter tables,
 * evaluates every rule the benefit species allows, and returns each with eligibility, reasons,
 * RMI and the memória de cálculo (steps citing the norm). Rounding convention (documented in the
 * README and tested): factor 6 decimals; each corrected salário to the cent; the average to the
 * cent; RMI = round(SB × coefficient) to the cent, then floor (minimum wage) and ceiling (teto);
 * fator previdenciário 4 decimals. All half away from zero, in integers.
 */

export interface Step {
  what: string;
  value: string;
  legal: string;
}

export interface RuleOutcome {
  rule: RuleId;
  eligible: boolean;
  reasons: string[];
  /** Cents; null when not eligible or not computable (a table is missing). */
  rmi: number | null;
  /** SB × coefficient before the minimum-wage floor and the teto: breaks ties between rules. */
  rawRmi?: number;
  average: number | null;
  benefitSalary: number | null;
  /** ×10^4. */
  coefficient: number | null;
  /** ×10^4. */
  fator: number | null;
  time: Ymd;
  qualifyingMonths: number;
  discarded: number;
  steps: Step[];
  pbc: Pbc | null;
}

export interface EngineResult {
  dib: string;
  best: RuleOutcome;
  outcomes: RuleOutcome[];
  baseSteps: Step[];
}

const L = {
  ec103art26: 'EC 103/2019, art. 26, caput',
  ec103art26p1: 'EC 103/2019, art. 26, §1º',
  ec103art26p2: 'EC 103/2019, art. 26, §§ 2º e 5º',
  ec103art26p3: 'EC 103/2019, art. 26, §3º',
  ec103art26p6: 'EC 103/2019, art. 26, §6º',
  l14331: 'Lei 8.213/1991, art. 135-A (Lei 14.331/2022)',
  floor: 'CF, art. 201, §2º; Lei 8.213/1991, art. 33',
  ceiling: 'Lei 8.213/1991, arts. 29, §2º, e 33',
  rps33: 'Lei 8.213/1991, art. 29-B; Decreto 3.048/1999 (RPS), art. 33; Portarias mensais do MPS',
  teto: 'Lei 8.212/1991, art. 28, §5º',
  fator: 'Lei 8.213/1991, art. 29, I, e §§ 7º a 9º (Lei 9.876/1999); Decreto 3.048/1999, art. 32, §§ 11 e 12',
  lei9876art3: 'Lei 9.876/1999, art. 3º, caput e §2º; Lei 8.213/1991, art. 29, I e II',
  lei9876art5: 'Lei 9.876/1999, art. 5º',
  art29c: 'Lei 8.213/1991, art. 29-C (Lei 13.183/2015)',
  carencia: 'Lei 8.213/1991, arts. 24, 25 e 27',
  tc: 'Lei 8.213/1991, art. 55; Decreto 3.048/1999, art. 19-C (contagem dia a dia, sem concomitância)',
  ec103min: 'CF, art. 195, §14; EC 103/2019, art. 29',
  art15: 'Lei 8.213/1991, art. 15',
  readjust: 'Lei 8.213/1991, arts. 41-A e 122; Decreto 3.048/1999, art. 187',
  bestBenefit: 'Decreto 3.048/1999, art. 176-E (benefício mais vantajoso)',
};

interface Ctx {
  input: RmiInput;
  t: ParameterTables;
  dibMonth: number;
  explain: boolean;
  count: TimeCount;
  belowMinimum: Set<number>;
  firstAffiliation: string | null;
  age: Ymd;
  pbcs: Map<number, Pbc>;
  sorted: Map<Pbc, SortedPbc>;
  tetoDib: number;
  minWageDib: number;
  isWoman: boolean;
  countAtEc103: TimeCount | null;
}

const brl = (c: number) => Money.format(c);
const br = (d: string) => LocalDate.toBr(d);
const comp = (m: number) => Competence.toBr(Competence.fromIndex(m));
const fmtFator = (f: number) => formatScaled(f, 4).replace('.', ',');

export function runEngine(
  input: RmiInput,
  t: ParameterTables,
  opts: { explain?: boolean } = {},
): EngineResult {
  const explain = opts.explain !== false;
  const dibMonth = Competence.index(Competence.ofDate(input.dib));
  const belowMinimum = new Set<number>();
  const belowList: number[] = [];
  const ec103Month = Competence.index('2019-11' as Competence);
  const wages = t.minimumWageByMonth;
  for (let i = input.months.length - 1; i >= 0; i--) {
    const m = input.months[i]!;
    if (m < ec103Month) break; // months are ascending
    if (m > dibMonth) continue;
    if (input.amounts[i]! < (wages[m - t.firstMonth] || minimumWageAt(t, m))) {
      belowMinimum.add(m);
      belowList.push(m);
    }
  }
  belowList.reverse();
  const count = countTime(input.links, input.dib, belowList);
  let firstAffiliation: string | null = null;
  for (const l of input.links)
    if (firstAffiliation === null || l.start < firstAffiliation) firstAffiliation = l.start;
  const ctx: Ctx = {
    input,
    t,
    dibMonth,
    explain,
    count,
    belowMinimum,
    firstAffiliation,
    age: ageOn(input.birthDate, input.dib),
    pbcs: new Map(),
    sorted: new Map(),
    tetoDib: tetoAt(t, dibMonth),
    minWageDib: minimumWageAt(t, dibMonth),
    isWoman: input.sex === 'F',
    countAtEc103: input.dib >= EC103_DATE ? countTime(input.links, EC103_DATE, []) : null,
  };

  const baseSteps: Step[] = [];
  if (explain) {
    baseSteps.push(
      {
        what: 'Espécie requerida',
        value: `${input.species} — ${SPECIES[input.species]}`,
        legal: 'Lei 8.213/1991, art. 18',
      },
      {
        what: 'Data de início do benefício (DIB)',
        value: br(input.dib),
        legal: 'Lei 8.213/1991, arts. 43, 49, 54, 60 e 74',
      },
      { what: 'Idade na DIB', value: formatYmd(ctx.age), legal: 'Lei 8.213/1991, art. 48' },
      {
        what: 'Tempo de contribuição até a DIB (dias concomitantes contados uma vez; período inclusivo)',
        value: formatYmd(count.time),
        legal: L.tc,
      },
      { what: 'Carência (meses com contribuição)', value: String(count.qualifyingMonths), legal: L.carencia },
    );
    if (count.belowMinimumMonths.length > 0) {
      baseSteps.push({
        what: 'Competências abaixo do salário mínimo após a EC 103, não computadas (tempo, carência e média)',
        value: count.belowMinimumMonths.map(comp).join(', '),
        legal: L.ec103min,
      });
    }
    for (const l of input.links) {
      baseSteps.push({
        what: `Vínculo (${CATEGORIES[l.category]})`,
        value: `${br(l.start)} a ${l.end ? br(l.end) : `${br(input.dib)} (em aberto)`}`,
        legal: 'Lei 8.213/1991, art. 11 (filiação); CNIS, art. 29-A',
      });
    }
  }

  const rules = rulesForSpecies(input.species, input.accident);
  const outcomes: RuleOutcome[] = [];
  const eligible: RuleOutcome[] = [];
  const ineligible: RuleOutcome[] = [];
  for (const r of rules) {
    const o = evaluate(ctx, r);
    outcomes.push(o);
    if (o.eligible && o.rmi !== null) eligible.push(o);
    else ineligible.push(o);
  }
  if (eligible.length > 1) eligible.sort(byRmiDesc);
  const ordered = [...eligible, ...ineligible];

  let best: RuleOutcome;
  if (input.rule !== 'auto') {
    best = outcomes.find((o) => o.rule === input.rule)!;
    if (best.eligible && best.rmi === null) {
      throw new CalculationError('rule', best.reasons.join(' '));
    }
  } else if (eligible[0]) {
    best = eligible[0];
    if (explain && eligible.length + ineligible.length > 1) {
      best.steps.push({
        what: 'Regra escolhida (a mais vantajosa entre as avaliadas)',
        value: `${best.rule} — ${RULES[best.rule]}`,
        legal: L.bestBenefit,
      });
    }
  } else {
    best = ordered.find((o) => o.rule === defaultRule(input)) ?? ordered[0]!;
  }
  return { dib: input.dib, best, outcomes: ordered, baseSteps };
}

// Equal RMIs (e.g. all raised to the minimum wage): the rule with the higher unclamped value first.
const byRmiDesc = (a: RuleOutcome, b: RuleOutcome) =>
  b.rmi! - a.rmi! || (b.rawRmi ?? b.rmi!) - (a.rawRmi ?? a.rmi!);

function defaultRule(input: RmiInput): RuleId {
  const pre = input.dib < EC103_DATE;
  if (input.species === 'B41') return pre ? 'pre_ec103_idade' : 'ec103_art18';
  if (input.species === 'B42') return pre ? 'pre_ec103_fator' : 'ec103_art15';
  return rulesForSpecies(input.species, input.accident)[0]!;
}

function pbcAt(ctx: Ctx, dibMonth: number): Pbc {
  let p = ctx.pbcs.get(dibMonth);
  if (!p) {
    p = buildPbc(ctx.input, ctx.t, dibMonth, ctx.belowMinimum, scratch(ctx.pbcs.size), ctx.explain);
    ctx.pbcs.set(dibMonth, p);
  }
  return p;
}

function sortedOf(ctx: Ctx, p: Pbc): SortedPbc {
  let s = ctx.sorted.get(p);
  if (!s) {
    s = sortPbc(p);
    ctx.sorted.set(p, s);
  }
  return s;
}

function outcome(ctx: Ctx, rule: RuleId, partial: Partial<RuleOutcome>): RuleOutcome {
  return {
    rule,
    eligible: false,
    reasons: [],
    rmi: null,
    average: null,
    benefitSalary: null,
    coefficient: null,
    fator: null,
    time: ctx.count.time,
    qualifyingMonths: ctx.count.qualifyingMonths,
    discarded: 0,
    steps: [],
    pbc: null,
    ...partial,
  };
}

function evaluate(ctx: Ctx, rule: RuleId): RuleOutcome {
  switch (rule) {
    case 'ec103_art15':
    case 'ec103_art16':
    case 'ec103_art17':
    case 'ec103_art18':
    case 'ec103_art19':
    case 'ec103_art20':
      return ec103Retirement(ctx, rule);
    case 'pre_ec103_fator':
    case 'pre_ec103_idade':
      return preEc103Retirement(ctx, rule);
    case 'incapacidade_permanente':
    case 'incapacidade_permanente_acidentaria':
    case 'incapacidade_temporaria':
    case 'auxilio_acidente':
    case 'pensao_morte':
      return incapacityFamily(ctx, rule);
    case 'salario_maternidade':
      return maternity(ctx);
    case 'bpc_deficiencia':
    case 'bpc_idoso':
      return bpc(ctx, rule);
  }
}

// ---------------------------------------------------------------------------------------------
// Post-EC 103 programmed retirements (arts. 15–20) with the §6º discard.

function tcShort(time: Ymd, need: number): string {
  return `tempo de contribuição de ${formatYmd(time)}, menor que ${need} anos`;
}

/** Everything the §6º discard search needs, as plain numbers (the hot path allocates nothing). */
interface DiscardState {
  n: number;
  /** prefix[k] = sum of the k smallest corrected salaries. */
  prefix: Float64Array;
  minDivisor: number;
  /** Contribution time before any discard (units). */
  tc0: number;
  rateKind: 'coef60' | 'full' | 'fator';
  threshold: number;
  bonusUnits: number;
  ageUnits: number;
  esTenths: number;
  teto: number;
  minWage: number;
}

function avgAt(st: DiscardState, k: number): number {
  const divisor = Math.max(st.n - k, st.minDivisor);
  return divisor > 0 ? divRound(st.prefix[st.n]! - st.prefix[k]!, divisor) : 0;
}

function rateAt(st: DiscardState, k: number): number {
  const tcUnits = st.tc0 - k * UNITS_PER_MONTH;
  if (st.rateKind === 'full') return RATE_SCALE;
  if (st.rateKind === 'coef60') return 6000 + 200 * Math.max(0, Math.floor(tcUnits / Y) - st.threshold);
  return fatorFromUnits(tcUnits + st.bonusUnits, st.ageUnits, st.esTenths);
}

function rmiAt(st: DiscardState, k: number): number {
  let v = mulDivRound(Math.min(avgAt(st, k), st.teto), rateAt(st, k), RATE_SCALE);
  if (v > st.teto) v = st.teto;
  if (v < st.minWage) v = st.minWage;
  return v;
}

/**
 * The k (0…maxK) with the highest RMI, the smallest on ties (discard only when it raises the RMI).
 * With a coefficient that depends only on full years, inside a bracket of equal years the RMI
 * rises with k while the divisor is above the 108 minimum and falls after it, so each bracket has
 * one candidate; the smallest k reaching the best bracket's maximum is found by bisection. With
 * the fator (art. 17) every k is tried.
 */
export function bestDiscard(st: DiscardState, maxK: number): number {
  let bestRmi = rmiAt(st, 0);
  if (st.rateKind === 'fator') {
    let bestK = 0;
    for (let k = 1; k <= maxK; k++) {
      const v = rmiAt(st, k);
      if (v > bestRmi) {
        bestRmi = v;
        bestK = k;
      }
    }
    return bestK;
  }
  const peak = st.minDivisor > 0 ? st.n - st.minDivisor : Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = 0;
  // brackets from the smallest k up, so that ties keep the smaller discard
  for (let a = 0; a <= maxK; ) {
    const years = Math.floor((st.tc0 - a * UNITS_PER_MONTH) / Y);
    const end = Math.min(maxK, Math.floor((st.tc0 - years * Y) / UNITS_PER_MONTH));
    const c = Math.min(end, Math.max(a, peak));
    const v = rmiAt(st, c);
    if (v > bestRmi) {
      bestRmi = v;
      lo = a;
      hi = c;
    }
    a = end + 1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rmiAt(st, mid) >= bestRmi) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const Y = UNITS_PER_YEAR;

function coefficient60(ctx: Ctx, time: Ymd): number {
  // EC 103 art. 26 §2º (20 years, men) and §5º (15 years, women): +2 points per full year beyond.
  const threshold = ctx.isWoman ? 15 : 20;
  return 6000 + 200 * Math.max(0, time.years - threshold);
}

function transitionRow(ctx: Ctx) {
  const year = Math.min(Math.max(Number(ctx.input.dib.slice(0, 4)), 2019), 2033);
  const row = ctx.t.transitionByYear.get(year);
  if (!row) throw new CalculationError('request_date', `Tabela de transição da EC 103 sem o ano ${year}.`);
  return row;
}

function ec103Retirement(ctx: Ctx, rule: RuleId): RuleOutcome {
  const { input, isWoman } = ctx;
  const legal = `EC 103/2019, art. ${rule.slice(-2)}`;
  if (input.dib < EC103_DATE) {
    return outcome(ctx, rule, {
      reasons: [`regra da EC 103/2019, em vigor só para DIB a partir de ${br(EC103_DATE)}`],
    });
  }
  const ageUnits = ymdUnits(ctx.age);
  const ageMonths = ctx.age.years * 12 + ctx.age.months;
  const tcAtEc = ctx.countAtEc103!.time;
  const carencia = 180;
  const minTc = isWoman ? 30 : 35;
  const q0 = ctx.count.qualifyingMonths;
  const time0 = ctx.count.time;
  const tc0 = ymdUnits(time0);
  const reasons: string[] = [];
  if (q0 < carencia)
    reasons.push(`carência de ${q0} meses, menor que os ${carencia} exigidos (Lei 8.213/1991, art. 25, II)`);
  let minTcUnits: number;
  let rateKind: 'coef60' | 'full' | 'fator' = 'coef60';
  const extraSteps: Step[] = [];
  const explain = ctx.explain;
  switch (rule) {
    case 'ec103_art15': {
      const row = transitionRow(ctx);
      const points = isWoman ? row.art15PointsWoman : row.art15PointsMan;
      if (time0.years < minTc) reasons.push(tcShort(time0, minTc));
      if (ageUnits + tc0 < points * Y) {
        reasons.push(
          `pontuação ${formatScaled(divRound((ageUnits + tc0) * 100, Y), 2).replace('.', ',')} menor que ${points} pontos exigidos em ${row.year}`,
        );
      }
      minTcUnits = Math.max(minTc * Y, points * Y - ageUnits);
      if (explain)
        extraSteps.push({
          what: `Pontos exigidos em ${row.year}`,
          value: String(points),
          legal: `${legal}, I, II e §1º`,
        });
      break;
    }
    case 'ec103_art16': {
      const row = transitionRow(ctx);
      const minAge = isWoman ? row.art16AgeWomanMonths : row.art16AgeManMonths;
      if (time0.years < minTc) reasons.push(tcShort(time0, minTc));
      if (ageMonths < minAge) {
        reasons.push(
          `idade de ${formatYmd(ctx.age)}, menor que ${formatAgeMonths(minAge)} exigidos em ${row.year}`,
        );
      }
      minTcUnits = minTc * Y;
      if (explain)
        extraSteps.push({
          what: `Idade mínima em ${row.year}`,
          value: formatAgeMonths(minAge),
          legal: `${legal}, I e II, §1º`,
        });
      break;
    }
    case 'ec103_art17': {
      const thresholdYears = isWoman ? 28 : 33;
      const missing = Math.max(0, minTc * Y - ymdUnits(tcAtEc));
      const required2 = 2 * minTc * Y + missing; // doubled: TC ≥ minTc + 50% × missing
      if (ymdUnits(tcAtEc) <= thresholdYears * Y) {
        reasons.push(
          `em ${br(EC103_DATE)} tinha ${formatYmd(tcAtEc)} de contribuição; a regra exige mais de ${thresholdYears} anos`,
        );
      }
      if (2 * tc0 < required2) {
        reasons.push(
          `tempo de contribuição de ${formatYmd(time0)} não cumpre ${minTc} anos mais o pedágio de 50% (${formatUnits(missing / 2)})`,
        );
      }
      minTcUnits = Math.ceil(required2 / 2);
      rateKind = 'fator';
      if (explain) {
        extraSteps.push({
          what: `Tempo de contribuição em ${br(EC103_DATE)}; pedágio de 50% do que faltava`,
          value: `${formatYmd(tcAtEc)}; pedágio ${formatUnits(missing / 2)}`,
          legal: `${legal}, caput, I e II`,
        });
      }
      break;
    }
    case 'ec103_art18': {
      const row = transitionRow(ctx);
      const minAge = isWoman ? row.art18AgeWomanMonths : row.art18AgeManMonths;
      if (time0.years < 15) reasons.push(tcShort(time0, 15));
      if (ageMonths < minAge) {
        reasons.push(
          `idade de ${formatYmd(ctx.age)}, menor que ${formatAgeMonths(minAge)} exigidos em ${row.year}`,
        );
      }
      minTcUnits = 15 * Y;
      if (explain)
        extraSteps.push({
          what: `Idade mínima em ${row.year}`,
          value: formatAgeMonths(minAge),
          legal: `${legal}, I e §1º`,
        });
      break;
    }
    case 'ec103_art19': {
      const minAge = (isWoman ? 62 : 65) * 12;
      const minYears = isWoman ? 15 : 20;
      if (!(ctx.firstAffiliation !== null && ctx.firstAffiliation > EC103_DATE)) {
        reasons.push(
          `filiação em ${ctx.firstAffiliation ? br(ctx.firstAffiliation) : '(sem vínculos)'}, antes da EC 103: a regra permanente vale para filiados depois de ${br(EC103_DATE)} (para os demais, art. 18)`,
        );
      }
      if (time0.years < minYears) reasons.push(tcShort(time0, minYears));
      if (ageMonths < minAge) reasons.push(`idade de ${formatYmd(ctx.age)}, menor que ${minAge / 12} anos`);
      minTcUnits = minYears * Y;
      break;
    }
    case 'ec103_art20': {
      const minAge = (isWoman ? 57 : 60) * 12;
      const missing = Math.max(0, minTc * Y - ymdUnits(tcAtEc));
      if (ageMonths < minAge) reasons.push(`idade de ${formatYmd(ctx.age)}, menor que ${minAge / 12} anos`);
      if (tc0 < minTc * Y + missing) {
        reasons.push(
          `tempo de contribuição de ${formatYmd(time0)} não cumpre ${minTc} anos mais o pedágio de 100% (${formatUnits(missing)})`,
        );
      }
      minTcUnits = minTc * Y + missing;
      rateKind = 'full'; // art. 26 §3º I: 100% of the average
      if (explain) {
        extraSteps.push({
          what: `Tempo de contribuição em ${br(EC103_DATE)}; pedágio de 100% do que faltava`,
          value: `${formatYmd(tcAtEc)}; pedágio ${formatUnits(missing)}`,
          legal: `${legal}, IV, e art. 26, §3º, I`,
        });
      }
      break;
    }
    default:
      throw new Error(rule);
  }
  const usesFator = rateKind === 'fator';

  if (reasons.length > 0) return outcome(ctx, rule, { reasons, steps: extraSteps });

  const pbc = pbcAt(ctx, ctx.dibMonth);
  // Lei 14.331/2022 (art. 135-A of Lei 8.213): divisor ≥ 108 for those affiliated up to 07/1994, DIB from 05/05/2022.
  const minDivisor =
    ctx.firstAffiliation !== null && ctx.firstAffiliation <= '1994-07-31' && ctx.input.dib >= '2022-05-05'
      ? 108
      : 0;

  let lifeTable: LifeTable | null = null;
  if (usesFator) {
    const lt = lifeTableAt(ctx.t, ctx.input.dib);
    if ('missing' in lt) {
      return outcome(ctx, rule, {
        eligible: true,
        reasons: [missingTableReason(lt.missing)],
        steps: extraSteps,
      });
    }
    lifeTable = lt.table;
  }

  // EC 103 art. 26 §6º: discard the k smallest corrected salaries while the rule is still met
  // (each discarded competência removes one month of contribution time and of carência).
  const sorted = sortedOf(ctx, pbc);
  const maxK = Math.max(
    0,
    Math.min(pbc.n - 1, Math.floor((tc0 - minTcUnits) / UNITS_PER_MONTH), q0 - carencia),
  );
  const st: DiscardState = {
    n: pbc.n,
    prefix: sorted.prefix,
    minDivisor,
    tc0,
    rateKind,
    threshold: isWoman ? 15 : 20,
    bonusUnits: isWoman ? 5 * Y : 0,
    ageUnits,
    esTenths: lifeTable ? lifeExpectancyTenths(lifeTable, ctx.age.years) : 0,
    teto: ctx.tetoDib,
    minWage: ctx.minWageDib,
  };
  const bestK = bestDiscard(st, maxK);
  const bestRmi = rmiAt(st, bestK);
  const bestAvg = avgAt(st, bestK);
  const bestRate = rateAt(st, bestK);
  const time = minusMonths(ctx.count.time, bestK);
  const sb = Math.min(bestAvg, ctx.tetoDib);
  const raw = mulDivRound(sb, bestRate, RATE_SCALE);
  const steps: Step[] = [...extraSteps];
  if (ctx.explain) {
    steps.push(...pbcSteps(ctx, pbc));
    if (bestK > 0) {
      steps.push({
        what: 'Descarte das menores contribuições que reduziam o benefício (tempo excluído não conta para nada, nem para o coeficiente)',
        value: `${bestK} competências descartadas; tempo considerado ${formatYmd(time)}`,
        legal: L.ec103art26p6,
      });
    }
    const n = pbc.n - bestK;
    const divisor = Math.max(n, minDivisor);
    steps.push({
      what: 'Média de 100% dos salários corrigidos desde 07/1994',
      value: `${brl(sorted.prefix[pbc.n]! - sorted.prefix[bestK]!)} ÷ ${divisor} = ${brl(bestAvg)}`,
      legal: L.ec103art26,
    });
    if (divisor > n)
      steps.push({
        what: 'Divisor mínimo de 108 meses (filiado até 07/1994)',
        value: `${divisor}`,
        legal: L.l14331,
      });
    steps.push({
      what: 'Salário de benefício (média limitada ao teto na DIB)',
      value: `${brl(sb)} (teto ${brl(ctx.tetoDib)})`,
      legal: L.ec103art26p1,
    });
    if (usesFator) {
      steps.push(...fatorSteps(ctx, ymdUnits(time), ageUnits, lifeTable!, bestRate, time));
      steps.push({
        what: 'RMI = média × fator previdenciário',
        value: `${brl(sb)} × ${fmtFator(bestRate)} = ${brl(raw)}`,
        legal: `${legal}, parágrafo único`,
      });
    } else {
      steps.push({
        what:
          rule === 'ec103_art20'
            ? 'Coeficiente de 100% (pedágio de 100%)'
            : `Coeficiente: 60% + 2 pontos por ano além de ${isWoman ? 15 : 20} anos`,
        value: formatPercent(bestRate),
        legal: rule === 'ec103_art20' ? L.ec103art26p3 : L.ec103art26p2,
      });
      steps.push({
        what: 'RMI = salário de benefício × coeficiente',
        value: `${brl(sb)} × ${formatPercent(bestRate)} = ${brl(raw)}`,
        legal: legal,
      });
    }
    steps.push(...clampSteps(ctx, raw, bestRmi, true));
  }
  return outcome(ctx, rule, {
    eligible: true,
    reasons: [`requisitos da ${RULES[rule]} cumpridos`],
    rmi: bestRmi,
    rawRmi: raw,
    average: bestAvg,
    benefitSalary: sb,
    coefficient: usesFator ? RATE_SCALE : bestRate,
    fator: usesFator ? bestRate : null,
    time,
    qualifyingMonths: ctx.count.qualifyingMonths - bestK,
    discarded: bestK,
    steps,
    pbc,
  });
}

function clampRmi(
  ctx: Ctx,
  raw: number,
  replacesIncome: boolean,
  minWage = ctx.minWageDib,
  teto = ctx.tetoDib,
): number {
  let v = raw;
  if (v > teto) v = teto;
  if (replacesIncome && v < minWage) v = minWage;
  return v;
}

function clampSteps(ctx: Ctx, raw: number, final: number, replacesIncome: boolean): Step[] {
  const out: Step[] = [];
  if (raw > ctx.tetoDib)
    out.push({ what: 'Limitada ao teto do RGPS na DIB', value: brl(ctx.tetoDib), legal: L.ceiling });
  if (replacesIncome && raw < ctx.minWageDib)
    out.push({ what: 'Elevada ao salário mínimo (piso)', value: brl(ctx.minWageDib), legal: L.floor });
  out.push({ what: 'Renda mensal inicial (RMI)', value: brl(final), legal: 'Lei 8.213/1991, arts. 28 a 33' });
  return out;
}

function pbcSteps(_ctx: Ctx, pbc: Pbc): Step[] {
  const steps: Step[] = [
    {
      what: `Período básico de cálculo: competências de 07/1994 a ${comp(pbc.dibMonth - 1)} com salário de contribuição`,
      value: String(pbc.n),
      legal: L.ec103art26,
    },
  ];
  if (pbc.beforeRealPlan > 0) {
    steps.push({
      what: 'Competências anteriores a 07/1994 (fora do período básico de cálculo)',
      value: String(pbc.beforeRealPlan),
      legal: L.lei9876art3,
    });
  }
  const lines = pbcDetailLines(pbc);
  for (const line of lines) {
    steps.push({
      what: 'Salário de contribuição corrigido até a DIB (limitado ao teto da competência)',
      value: line,
      legal: `${L.rps33}; ${L.teto}`,
    });
  }
  steps.push({ what: 'Soma dos salários corrigidos', value: brl(pbc.sum), legal: L.ec103art26 });
  return steps;
}

function formatAgeMonths(months: number): string {
  return months % 12 === 0 ? `${months / 12} anos` : `${Math.floor(months / 12)} anos e ${months % 12} meses`;
}

function formatUnits(units: number): string {
  const totalDays = Math.round(units / 12);
  // in the INSS convention: 365 days a year, 30 a month for the remainder
  const years = Math.floor(totalDays / 365);
  const rest = totalDays - years * 365;
  return formatYmd({ years, months: Math.floor(rest / 30), days: rest % 30 });
}

function missingTableReason(m: { year: number; validFrom: string; validTo: string; reason: string }): string {
  return (
    `Não calculado: a tábua completa de mortalidade do IBGE de ${m.year}, aplicada às DIB de ${br(m.validFrom)} a ${br(m.validTo)}, ` +
    `não está nas tabelas de parâmetros (${m.reason}). O fator previdenciário não é estimado.`
  );
}

// ---------------------------------------------------------------------------------------------
// Fator previdenciário — Lei 8.213 art. 29 §7º and Anexo: f = (Tc·a/Es) × [1 + (Id + Tc·a)/100],
// a = 0,31, Tc and Id in years with fractions (units of 1/4380 year: days/365 and months/12),
// Es from the IBGE table in force at the DIB at the age in completed years. Rounded to 4 decimals.

export function fatorPrevidenciario(
  tcUnits: number,
  ageUnits: number,
  table: LifeTable,
  ageYears: number,
): number {
  const es = lifeExpectancyTenths(table, ageYears);
  return fatorFromUnits(tcUnits, ageUnits, es);
}

export function fatorFromUnits(tcUnits: number, ageUnits: number, esTenths: number): number {
  // f = 310·T·(43 800 000 + 100·I + 31·T) / (438 000·E·43 800 000); ×10^4 the denominator is
  // 1 918 440 000·E, an integer, so f×10^4 = round(num / (1 918 440 000·E)) exactly.
  const num = 310 * tcUnits * (43_800_000 + 100 * ageUnits + 31 * tcUnits);
  if (Number.isSafeInteger(num)) return divRound(num, 1_918_440_000 * esTenths);
  const T = BigInt(tcUnits);
  const I = BigInt(ageUnits);
  const big = 310n * T * (43_800_000n + 100n * I + 31n * T);
  return Number(divRoundBig(big, 1_918_440_000n * BigInt(esTenths)));
}

function fatorSteps(
  ctx: Ctx,
  tcUnits: number,
  ageUnits: number,
  table: LifeTable,
  fator: number,
  time: Ymd,
): Step[] {
  const es = lifeExpectancyTenths(table, ctx.age.years);
  const bonus = ctx.isWoman ? ' + 5 anos (mulher, §9º I)' : '';
  return [
    {
      what: `Tempo de contribuição para o fator (Tc)${bonus}`,
      value: `${formatYmd(time)}${bonus} = ${formatScaled(divRound((tcUnits + (ctx.isWoman ? 5 * Y : 0)) * 10000, Y), 4).replace('.', ',')} anos`,
      legal: 'Lei 8.213/1991, art. 29, §9º',
    },
    {
      what: 'Idade na DIB (Id)',
      value: `${formatScaled(divRound(ageUnits * 10000, Y), 4).replace('.', ',')} anos`,
      legal: 'Lei 8.213/1991, art. 29, §7º',
    },
    {
      what: `Expectativa de sobrevida aos ${ctx.age.years} anos (Es), tábua IBGE ${table.year} (DIB de ${br(table.validFrom)} a ${br(table.validTo)})`,
      value: formatScaled(es, 1).replace('.', ','),
      legal: 'Lei 8.213/1991, art. 29, §8º; Decreto 3.048/1999, art. 32, §12',
    },
    {
      what: 'Fator previdenciário f = (Tc×0,31/Es)×[1+(Id+Tc×0,31)/100], 4 casas',
      value: fmtFator(fator),
      legal: L.fator,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Acquired right before EC 103 (EC 103 art. 3º): computed at the DIB when it precedes
// 13/11/2019, otherwise at 13/11/2019 with the tables then in force and readjusted to the DIB.

function preEc103Retirement(ctx: Ctx, rule: 'pre_ec103_fator' | 'pre_ec103_idade'): RuleOutcome {
  const { input, t, isWoman } = ctx;
  const acquired = input.dib >= EC103_DATE;
  const baseDate = acquired ? EC103_DATE : input.dib;
  const baseMonth = Competence.index(Competence.ofDate(baseDate));
  const count = acquired ? ctx.countAtEc103! : ctx.count;
  const age = acquired ? ageOn(input.birthDate, baseDate) : ctx.age;
  const time = count.time;
  const q = count.qualifyingMonths;
  const reasons: string[] = [];
  const year = Number(baseDate.slice(0, 4));
  const car = retirementCarencia(ctx.firstAffiliation, year);
  if (q < car.months)
    reasons.push(`carência de ${q} meses, menor que os ${car.months} exigidos (${car.legal})`);
  const lei9876 = baseDate >= '1999-11-29';
  const ec20 = baseDate >= '1998-12-16';
  const steps: Step[] = [];
  const when = acquired ? ` em ${br(EC103_DATE)} (direito adquirido, EC 103/2019, art. 3º)` : '';

  let coef = RATE_SCALE;
  let fatorMode: 'always' | 'if_favourable' | 'none' = 'none';
  if (rule === 'pre_ec103_fator') {
    const full = isWoman ? 30 : 35;
    if (time.years < full) {
      if (!ec20 && time.years >= full - 5) {
        // Lei 8.213 art. 53 (before EC 20/1998): proportional, 70% + 6% per extra year.
        coef = 7000 + 600 * (time.years - (full - 5));
      } else {
        reasons.push(
          `tempo de contribuição${when} de ${formatYmd(time)}, menor que ${full} anos (Lei 8.213/1991, art. 52; CF art. 201 §7º I na redação da EC 20/1998)`,
        );
      }
    }
    if (lei9876) {
      fatorMode = 'always';
      // Lei 8.213 art. 29-C (MP 676 of 17/06/2015, Lei 13.183/2015): 85/95 points, 86/96 from 31/12/2018.
      if (baseDate >= '2015-06-18') {
        const points = (isWoman ? 85 : 95) + (baseDate >= '2018-12-31' ? 1 : 0);
        const total = ymdUnits(age) + ymdUnits(time);
        if (time.years >= full && total >= points * Y) {
          fatorMode = 'if_favourable';
          steps.push({
            what: `Pontos (idade + tempo)${when}: ${formatScaled(divRound(total * 100, Y), 2).replace('.', ',')} ≥ ${points}; fator só se favorável`,
            value: 'sim',
            legal: L.art29c,
          });
        }
      }
    }
  } else {
    const minAge = isWoman ? 60 : 65;
    if (age.years < minAge)
      reasons.push(`idade${when} de ${formatYmd(age)}, menor que ${minAge} anos (Lei 8.213/1991, art. 48)`);
    // Lei 8.213 art. 50: 70% + 1% per group of 12 contributions, up to 100%.
    coef = Math.min(RATE_SCALE, 7000 + 100 * Math.floor(q / 12));
    fatorMode = lei9876 ? 'if_favourable' : 'none'; // Lei 9.876 art. 7º
  }
  if (reasons.length > 0) return outcome(ctx, rule, { reasons, time, qualifyingMonths: q });

  let pbc: Pbc;
  let average: number;
  if (lei9876) {
    pbc = pbcAt(ctx, baseMonth);
    const period = baseMonth - t.firstMonth; // months from 07/1994 to the month before the DIB
    const affiliatedBefore = ctx.firstAffiliation !== null && ctx.firstAffiliation < '1999-11-29';
    const a = average80(pbc, sortedOf(ctx, pbc), { minimumDivisorPeriod: affiliatedBefore ? period : null });
    average = a.average;
    if (ctx.explain) {
      steps.push(...pbcSteps(ctx, pbc));
      steps.push({
        what: `Média dos 80% maiores salários corrigidos (${a.used} de ${pbc.n}; divisor ${a.divisor}${a.divisor > a.used ? ', mínimo de 60% do período desde 07/1994' : ''})`,
        value: `${brl(a.sum)} ÷ ${a.divisor} = ${brl(average)}`,
        legal: L.lei9876art3,
      });
    }
  } else {
    requireContributionsFrom1994(input, t, baseMonth);
    pbc = pbcAt(ctx, baseMonth);
    const a = averageLast36(pbc);
    average = a.average;
    if (ctx.explain) {
      steps.push(...pbcSteps(ctx, pbc));
      steps.push({
        what: `Média dos últimos ${a.used} salários corrigidos em até 48 meses`,
        value: `${brl(a.sum)} ÷ ${a.used} = ${brl(average)}`,
        legal: 'Lei 8.213/1991, art. 29, caput (redação original)',
      });
    }
  }

  const tetoBase = tetoAt(t, baseMonth);
  const minBase = minimumWageAt(t, baseMonth);
  let sb = average;
  let fator: number | null = null;
  // Lei 9.876 art. 5º: 1/60 of the average per month after 11/1999, until 60/60 in 11/2004
  // (DIB on 29–30/11/1999: 0/60, the fator has no effect yet).
  const k = Math.min(60, Math.max(0, baseMonth - Competence.index('1999-11' as Competence)));
  if (k === 0) fatorMode = 'none';
  if (fatorMode !== 'none') {
    const lt = lifeTableAt(t, baseDate);
    if ('missing' in lt) {
      if (fatorMode === 'always') {
        return outcome(ctx, rule, {
          eligible: true,
          reasons: [missingTableReason(lt.missing)],
          time,
          qualifyingMonths: q,
          steps,
        });
      }
      steps.push({
        what: 'Fator previdenciário (só se favorável) não aplicado',
        value: missingTableReason(lt.missing),
        legal: L.fator,
      });
    } else {
      const tcUnits = ymdUnits(time) + (isWoman ? 5 * Y : 0);
      const f = fatorFromUnits(tcUnits, ymdUnits(age), lifeExpectancyTenths(lt.table, age.years));
      const applied = fatorMode === 'if_favourable' ? Math.max(f, RATE_SCALE) : f;
      const effectiveNum = k * applied + (60 - k) * RATE_SCALE; // ×10^4 × 60
      sb = mulDivRound(average, effectiveNum, 60 * RATE_SCALE);
      // report the fator only when it was applied (a fator below 1 is waived under art. 29-C / Lei 9.876 art. 7º)
      fator = fatorMode === 'if_favourable' && applied !== f ? null : applied;
      if (ctx.explain) {
        steps.push(...fatorSteps({ ...ctx, age }, ymdUnits(time), ymdUnits(age), lt.table, f, time));
        if (applied !== f)
          steps.push({
            what: 'Fator menor que 1 não aplicado',
            value: fmtFator(applied),
            legal:
              fatorMode === 'if_favourable' && rule === 'pre_ec103_idade'
                ? 'Lei 9.876/1999, art. 7º'
                : L.art29c,
          });
        if (k < 60)
          steps.push({
            what: `Fator aplicado de forma progressiva: ${k}/60 da média`,
            value: `(${k}×${fmtFator(applied)} + ${60 - k})/60`,
            legal: L.lei9876art5,
          });
      }
    }
  }
  sb = Math.min(sb, tetoBase);
  const raw = mulDivRound(sb, coef, RATE_SCALE);
  let rmi = clampRmi(ctx, raw, true, minBase, tetoBase);
  if (ctx.explain) {
    steps.push(
      {
        what: 'Salário de benefício (limitado ao teto)',
        value: `${brl(sb)} (teto ${brl(tetoBase)})`,
        legal: 'Lei 8.213/1991, art. 29, §2º',
      },
      {
        what:
          rule === 'pre_ec103_idade' ? 'Coeficiente: 70% + 1% por grupo de 12 contribuições' : 'Coeficiente',
        value: formatPercent(coef),
        legal: rule === 'pre_ec103_idade' ? 'Lei 8.213/1991, art. 50' : 'Lei 8.213/1991, art. 53',
      },
      {
        what: `RMI em ${br(baseDate)}`,
        value: `${brl(sb)} × ${formatPercent(coef)} = ${brl(raw)} → ${brl(rmi)}`,
        legal: `${L.floor}; ${L.ceiling}`,
      },
    );
  }
  if (acquired) {
    const r = readjust(ctx, rmi, baseMonth);
    rmi = r.value;
    steps.push(...r.steps);
  }
  return outcome(ctx, rule, {
    eligible: true,
    reasons: [`requisitos${when} cumpridos: ${RULES[rule]}`],
    rmi,
    average,
    benefitSalary: sb,
    coefficient: coef,
    fator,
    time,
    qualifyingMonths: q,
    steps,
    pbc,
  });
}

/**
 * Readjusts an RMI computed at an earlier base date (acquired right) to the DIB (Lei 8.213 arts.
 * 41-A and 122; RPS art. 187): the first readjustment after the base month is pro rata — the
 * product of the monthly indices from the base month to December, rounded to 4 decimals as the
 * Portarias publish it — then each annual percentage; each step rounded to the cent, limited to
 * that year's teto and raised to that year's minimum wage.
 */
function readjust(ctx: Ctx, value: number, baseMonth: number): { value: number; steps: Step[] } {
  const { t } = ctx;
  const steps: Step[] = [];
  let v = value;
  let first = true;
  for (const r of readjustmentsBetween(t, Competence.fromIndex(baseMonth), ctx.input.dib)) {
    const rMonth = Competence.index(r.month as Competence);
    let factor: bigint; // ×10^7
    let label: string;
    if (first && rMonth - baseMonth < 12) {
      let num = 1n;
      let den = 1n;
      for (let m = baseMonth; m < rMonth; m++) {
        const row = t.indices[m - t.firstMonth];
        if (!row)
          throw new CalculationError(
            'request_date',
            `Índice mensal de ${comp(m)} ausente para o reajuste pro rata.`,
          );
        num *= row.monthlyFactor;
        den *= 10_000_000n;
      }
      factor = divRoundBig(num * 10_000n, den) * 1000n;
      label = `pro rata (${comp(baseMonth)} a ${comp(rMonth - 1)})`;
    } else {
      factor = 10_000_000n + BigInt(r.benefitsPctMilli) * 100n;
      label = `${formatScaled(r.benefitsPctMilli, 3).replace(/0+$/, '').replace(/\.$/, '').replace('.', ',')}%`;
    }
    first = false;
    const raw = Number(divRoundBig(BigInt(v) * factor, 10_000_000n));
    const next = clampRmi(ctx, raw, true, minimumWageAt(t, rMonth), tetoAt(t, rMonth));
    steps.push({
      what: `Reajuste de ${comp(rMonth)} (${label})`,
      value: `${brl(v)} × ${formatScaled(factor, 7).replace(/0+$/, '').replace('.', ',')} = ${brl(raw)}${next !== raw ? ` → ${brl(next)}` : ''}`,
      legal: `${L.readjust}${r.act ? `; ${r.act}` : ''}`,
    });
    v = next;
  }
  return { value: v, steps };
}

// ---------------------------------------------------------------------------------------------
// Incapacity benefits, auxílio-acidente and pensão por morte.

function averageFor(ctx: Ctx, pbc: Pbc, steps: Step[]): number {
  if (ctx.input.dib >= EC103_DATE) {
    const avg = pbc.n ? divRound(pbc.sum, pbc.n) : 0;
    if (ctx.explain) {
      steps.push(...pbcSteps(ctx, pbc));
      steps.push({
        what: 'Média de 100% dos salários corrigidos',
        value: `${brl(pbc.sum)} ÷ ${pbc.n} = ${brl(avg)}`,
        legal: L.ec103art26,
      });
    }
    return avg;
  }
  if (ctx.input.dib >= '1999-11-29') {
    const a = average80(pbc, sortedOf(ctx, pbc), { minimumDivisorPeriod: null });
    if (ctx.explain) {
      steps.push(...pbcSteps(ctx, pbc));
      steps.push({
        what: `Média dos 80% maiores salários corrigidos (${a.used} de ${pbc.n})`,
        value: `${brl(a.sum)} ÷ ${a.divisor} = ${brl(a.average)}`,
        legal: L.lei9876art3,
      });
    }
    return a.average;
  }
  requireContributionsFrom1994(ctx.input, ctx.t, ctx.dibMonth);
  const a = averageLast36(pbc);
  if (ctx.explain) {
    steps.push(...pbcSteps(ctx, pbc));
    steps.push({
      what: `Média dos últimos ${a.used} salários corrigidos em até 48 meses`,
      value: `${brl(a.sum)} ÷ ${a.used} = ${brl(a.average)}`,
      legal: 'Lei 8.213/1991, art. 29, caput (redação original)',
    });
  }
  return a.average;
}

function statusReasons(status: InsuredStatus, who: string): string[] {
  return status.insured ? [] : [`${who} sem qualidade de segurado na DIB: ${status.reason} (${L.art15})`];
}

function incapacityFamily(
  ctx: Ctx,
  rule:
    | 'incapacidade_permanente'
    | 'incapacidade_permanente_acidentaria'
    | 'incapacidade_temporaria'
    | 'auxilio_acidente'
    | 'pensao_morte',
): RuleOutcome {
  const { input } = ctx;
  const accident =
    input.accident ||
    ['B91', 'B92', 'B93', 'B94'].includes(input.species) ||
    rule === 'incapacidade_permanente_acidentaria';
  const status = insuredStatus(ctx.count, input.dib);
  const steps: Step[] = [];
  const reasons = statusReasons(status, rule === 'pensao_morte' ? 'instituidor' : 'segurado');
  if (ctx.explain) steps.push({ what: 'Qualidade de segurado na DIB', value: status.reason, legal: L.art15 });
  // Carência: 12 for incapacity (Lei 8.213 art. 25 I), waived for accidents (art. 26 II); none for pension and auxílio-acidente (art. 26 I).
  if (
    (rule === 'incapacidade_permanente' || rule === 'incapacidade_temporaria') &&
    !accident &&
    ctx.count.qualifyingMonths < 12
  ) {
    reasons.push(
      `carência de ${ctx.count.qualifyingMonths} meses, menor que os 12 exigidos (Lei 8.213/1991, art. 25, I)`,
    );
  }
  if (rule === 'pensao_morte' && (input.dependents === null || input.dependents < 1)) {
    throw new CalculationError(
      'dependents',
      'a pensão por morte exige o número de dependentes (dependents ≥ 1)',
    );
  }
  if (reasons.length > 0) return outcome(ctx, rule, { reasons, steps });

  const pbc = pbcAt(ctx, ctx.dibMonth);
  const average = averageFor(ctx, pbc, steps);
  const sb = Math.min(average, ctx.tetoDib);
  const post = input.dib >= EC103_DATE;
  let rate: number;
  let rateLegal: string;
  let rateWhat: string;
  let replaces = true;
  let raw: number;
  let rmi: number;

  if (rule === 'incapacidade_temporaria') {
    rate = 9100;
    raw = mulDivRound(sb, rate, RATE_SCALE);
    rmi = raw;
    if (ctx.explain)
      steps.push({
        what: 'Coeficiente de 91% do salário de benefício',
        value: `${brl(sb)} × 91% = ${brl(raw)}`,
        legal: 'Lei 8.213/1991, art. 61',
      });
    if (input.dib >= '2015-03-01') {
      const l12 = averageLast12(pbc);
      if (rmi > l12.average && l12.used > 0) {
        rmi = l12.average;
        if (ctx.explain)
          steps.push({
            what: `Limitado à média dos últimos ${l12.used} salários de contribuição`,
            value: brl(l12.average),
            legal: 'Lei 8.213/1991, art. 29, §10',
          });
      }
    }
    rmi = clampRmi(ctx, rmi, true);
    if (ctx.explain) steps.push(...clampSteps(ctx, rmi, rmi, true));
    return outcome(ctx, rule, {
      eligible: true,
      reasons: ['qualidade de segurado e carência cumpridas'],
      rmi,
      average,
      benefitSalary: sb,
      coefficient: rate,
      steps,
      pbc,
    });
  }

  if (rule === 'auxilio_acidente') {
    rate = 5000;
    replaces = false; // indemnity, not a replacement of income: no minimum-wage floor (Lei 8.213 art. 86 §§1º–2º)
    rateWhat = 'Coeficiente de 50% do salário de benefício';
    rateLegal = 'Lei 8.213/1991, art. 86, §1º';
  } else if (accident) {
    rate = RATE_SCALE;
    rateWhat = 'Coeficiente de 100% (incapacidade decorrente de acidente do trabalho ou doença profissional)';
    rateLegal = post ? 'EC 103/2019, art. 26, §3º, II' : 'Lei 8.213/1991, art. 44';
  } else if (post) {
    rate = coefficient60(ctx, ctx.count.time);
    rateWhat = `Coeficiente: 60% + 2 pontos por ano além de ${ctx.isWoman ? 15 : 20} anos`;
    rateLegal = 'EC 103/2019, art. 26, §2º, III';
  } else {
    rate = RATE_SCALE;
    rateWhat = 'Coeficiente de 100% do salário de benefício';
    rateLegal =
      rule === 'pensao_morte'
        ? 'Lei 8.213/1991, art. 75 (redação anterior à EC 103)'
        : 'Lei 8.213/1991, art. 44';
  }
  raw = mulDivRound(sb, rate, RATE_SCALE);
  rmi = clampRmi(ctx, raw, replaces);
  if (ctx.explain) {
    steps.push({ what: 'Salário de benefício (limitado ao teto na DIB)', value: brl(sb), legal: L.ceiling });
    steps.push({
      what: rateWhat,
      value: `${brl(sb)} × ${formatPercent(rate)} = ${brl(raw)}`,
      legal: rateLegal,
    });
  }
  if (rule !== 'pensao_morte') {
    if (ctx.explain) steps.push(...clampSteps(ctx, raw, rmi, replaces));
    return outcome(ctx, rule, {
      eligible: true,
      reasons: ['requisitos cumpridos'],
      rmi,
      average,
      benefitSalary: sb,
      coefficient: rate,
      steps,
      pbc,
    });
  }

  // Pensão: the aposentadoria por incapacidade permanente the insured would receive (floor/ceiling applied),
  // times the family quota (EC 103 art. 23): 50% + 10 points per dependent up to 100%; 100% with a disabled dependent.
  const base = rmi;
  let quota = RATE_SCALE;
  let quotaLegal = 'Lei 8.213/1991, art. 75 (100%, redação anterior à EC 103)';
  if (post) {
    quota = input.disabledDependent ? RATE_SCALE : Math.min(RATE_SCALE, 5000 + 1000 * input.dependents!);
    quotaLegal = input.disabledDependent ? 'EC 103/2019, art. 23, §2º' : 'EC 103/2019, art. 23, caput';
  }
  const rawPension = mulDivRound(base, quota, RATE_SCALE);
  const pension = clampRmi(ctx, rawPension, true);
  if (ctx.explain) {
    steps.push({
      what: 'Aposentadoria por incapacidade permanente a que o instituidor teria direito',
      value: brl(base),
      legal: 'EC 103/2019, art. 23, caput',
    });
    steps.push({
      what: input.disabledDependent
        ? 'Cota familiar de 100% (dependente inválido ou com deficiência)'
        : `Cota familiar: 50% + 10 pontos por dependente (${input.dependents})`,
      value: `${brl(base)} × ${formatPercent(quota)} = ${brl(rawPension)}`,
      legal: quotaLegal,
    });
    steps.push(...clampSteps(ctx, rawPension, pension, true));
  }
  return outcome(ctx, rule, {
    eligible: true,
    reasons: ['instituidor com qualidade de segurado na data do óbito'],
    rmi: pension,
    average,
    benefitSalary: sb,
    coefficient: quota,
    steps,
    pbc,
  });
}

// ---------------------------------------------------------------------------------------------
// Salário-maternidade (Lei 8.213 arts. 71–73) and BPC (Lei 8.742/1993 art. 20).

function maternity(ctx: Ctx): RuleOutcome {
  const { input } = ctx;
  const rule: RuleId = 'salario_maternidade';
  const status = insuredStatus(ctx.count, input.dib);
  const steps: Step[] = [];
  const reasons = statusReasons(status, 'segurada');
  const dibDay = input.dib;
  const link =
    input.links.find((l) => l.start <= dibDay && (l.end === null || l.end >= dibDay)) ??
    [...input.links].sort((a, b) => (a.end ?? dibDay).localeCompare(b.end ?? dibDay)).at(-1);
  const category = link?.category ?? 'optional';
  const needsCarencia =
    category === 'individual' ||
    category === 'optional' ||
    category === 'mei' ||
    category === 'special_insured';
  if (needsCarencia && ctx.count.qualifyingMonths < 10) {
    reasons.push(
      `carência de ${ctx.count.qualifyingMonths} meses, menor que as 10 contribuições exigidas (Lei 8.213/1991, art. 25, III)`,
    );
  }
  if (ctx.explain) {
    steps.push({ what: 'Qualidade de segurada na DIB', value: status.reason, legal: L.art15 });
    steps.push({
      what: 'Categoria considerada',
      value: CATEGORIES[category],
      legal: 'Lei 8.213/1991, art. 11',
    });
  }
  if (reasons.length > 0) return outcome(ctx, rule, { reasons, steps });

  let raw: number;
  let what: string;
  let legal: string;
  let capAtTeto = true;
  const before = [] as number[];
  for (let i = 0; i < input.months.length; i++) if (input.months[i]! < ctx.dibMonth) before.push(i);
  const lastIdx = before.at(-1);
  if (category === 'special_insured') {
    raw = ctx.minWageDib;
    what = 'Segurada especial: um salário mínimo';
    legal = 'Lei 8.213/1991, art. 39, parágrafo único';
  } else if (category === 'employee' || category === 'casual') {
    raw = lastIdx === undefined ? 0 : input.amounts[lastIdx]!;
    what = 'Empregada/avulsa: remuneração integral do último mês';
    legal = 'Lei 8.213/1991, art. 72';
    capAtTeto = false; // art. 72: remuneração integral (limited only by CF art. 248, not by the RGPS teto)
  } else if (category === 'domestic') {
    raw =
      lastIdx === undefined ? 0 : Math.min(input.amounts[lastIdx]!, tetoAt(ctx.t, input.months[lastIdx]!));
    what = 'Empregada doméstica: último salário de contribuição';
    legal = 'Lei 8.213/1991, art. 73, I';
  } else {
    const last12 = before.filter((i) => input.months[i]! >= ctx.dibMonth - 15).slice(-12);
    const sum = last12.reduce((s, i) => s + Math.min(input.amounts[i]!, tetoAt(ctx.t, input.months[i]!)), 0);
    raw = divRound(sum, 12);
    what = `1/12 da soma dos últimos ${last12.length} salários de contribuição em até 15 meses`;
    legal = 'Lei 8.213/1991, art. 73, III';
  }
  let rmi = raw;
  if (capAtTeto && rmi > ctx.tetoDib) rmi = ctx.tetoDib;
  if (rmi < ctx.minWageDib) rmi = ctx.minWageDib;
  if (ctx.explain) {
    steps.push({ what, value: brl(raw), legal });
    if (rmi !== raw)
      steps.push({
        what: rmi > raw ? 'Elevado ao salário mínimo' : 'Limitado ao teto',
        value: brl(rmi),
        legal: rmi > raw ? L.floor : L.ceiling,
      });
    steps.push({
      what: 'Renda mensal inicial (RMI)',
      value: brl(rmi),
      legal: 'Lei 8.213/1991, arts. 72 e 73',
    });
  }
  return outcome(ctx, rule, {
    eligible: true,
    reasons: ['qualidade de segurada e carência cumpridas'],
    rmi,
    average: raw,
    benefitSalary: raw,
    coefficient: RATE_SCALE,
    steps,
  });
}

function bpc(ctx: Ctx, rule: 'bpc_deficiencia' | 'bpc_idoso'): RuleOutcome {
  const steps: Step[] = [];
  const reasons: string[] = [];
  if (rule === 'bpc_idoso' && ctx.age.years < 65)
    reasons.push(`idade de ${formatYmd(ctx.age)}, menor que 65 anos (Lei 8.742/1993, art. 20)`);
  if (reasons.length > 0) return outcome(ctx, rule, { reasons });
  if (ctx.explain) {
    steps.push({
      what: 'Benefício assistencial de um salário mínimo (renda familiar e deficiência são apuradas na análise, não no cálculo)',
      value: brl(ctx.minWageDib),
      legal: 'CF, art. 203, V; Lei 8.742/1993, art. 20',
    });
  }
  return outcome(ctx, rule, {
    eligible: true,
    reasons: [
      rule === 'bpc_idoso'
        ? 'idade de 65 anos cumprida; critério de renda apurado na análise'
        : 'deficiência e renda apuradas na análise',
    ],
    rmi: ctx.minWageDib,
    average: null,
    benefitSalary: null,
    coefficient: RATE_SCALE,
    steps,
  });
}

export { pbcDetailLines };
