import { Competence } from "../../../platform/values/competence.js";
import { LocalDate } from "../../../platform/values/dates.js";
import { Money } from "../../../platform/values/money.js";
import {
  CalculationError,
  divRound,
  divRoundBig,
  formatPercent,
  formatScaled,
  mulDivRound,
  RATE_SCALE
} from "./fixed.js";
import { CATEGORIES, RULES, rulesForSpecies, SPECIES } from "./input.js";
import {
  average80,
  averageLast12,
  averageLast36,
  buildPbc,
  pbcDetailLines,
  requireContributionsFrom1994,
  scratch,
  sortPbc
} from "./salary.js";
import {
  lifeExpectancyTenths,
  lifeTableAt,
  minimumWageAt,
  readjustmentsBetween,
  tetoAt
} from "./tables.js";
import {
  ageOn,
  countTime,
  EC103_DATE,
  formatYmd,
  insuredStatus,
  minusMonths,
  retirementCarencia,
  UNITS_PER_MONTH,
  UNITS_PER_YEAR,
  ymdUnits
} from "./time.js";
const L = {
  ec103art26: "EC 103/2019, art. 26, caput",
  ec103art26p1: "EC 103/2019, art. 26, \xA71\xBA",
  ec103art26p2: "EC 103/2019, art. 26, \xA7\xA7 2\xBA e 5\xBA",
  ec103art26p3: "EC 103/2019, art. 26, \xA73\xBA",
  ec103art26p6: "EC 103/2019, art. 26, \xA76\xBA",
  l14331: "Lei 8.213/1991, art. 135-A (Lei 14.331/2022)",
  floor: "CF, art. 201, \xA72\xBA; Lei 8.213/1991, art. 33",
  ceiling: "Lei 8.213/1991, arts. 29, \xA72\xBA, e 33",
  rps33: "Lei 8.213/1991, art. 29-B; Decreto 3.048/1999 (RPS), art. 33; Portarias mensais do MPS",
  teto: "Lei 8.212/1991, art. 28, \xA75\xBA",
  fator: "Lei 8.213/1991, art. 29, I, e \xA7\xA7 7\xBA a 9\xBA (Lei 9.876/1999); Decreto 3.048/1999, art. 32, \xA7\xA7 11 e 12",
  lei9876art3: "Lei 9.876/1999, art. 3\xBA, caput e \xA72\xBA; Lei 8.213/1991, art. 29, I e II",
  lei9876art5: "Lei 9.876/1999, art. 5\xBA",
  art29c: "Lei 8.213/1991, art. 29-C (Lei 13.183/2015)",
  carencia: "Lei 8.213/1991, arts. 24, 25 e 27",
  tc: "Lei 8.213/1991, art. 55; Decreto 3.048/1999, art. 19-C (contagem dia a dia, sem concomit\xE2ncia)",
  ec103min: "CF, art. 195, \xA714; EC 103/2019, art. 29",
  art15: "Lei 8.213/1991, art. 15",
  readjust: "Lei 8.213/1991, arts. 41-A e 122; Decreto 3.048/1999, art. 187",
  bestBenefit: "Decreto 3.048/1999, art. 176-E (benef\xEDcio mais vantajoso)"
};
const brl = (c) => Money.format(c);
const br = (d) => LocalDate.toBr(d);
const comp = (m) => Competence.toBr(Competence.fromIndex(m));
const fmtFator = (f) => formatScaled(f, 4).replace(".", ",");
function runEngine(input, t, opts = {}) {
  const explain = opts.explain !== false;
  const dibMonth = Competence.index(Competence.ofDate(input.dib));
  const belowMinimum = /* @__PURE__ */ new Set();
  const belowList = [];
  const ec103Month = Competence.index("2019-11");
  const wages = t.minimumWageByMonth;
  for (let i = input.months.length - 1; i >= 0; i--) {
    const m = input.months[i];
    if (m < ec103Month) break;
    if (m > dibMonth) continue;
    if (input.amounts[i] < (wages[m - t.firstMonth] || minimumWageAt(t, m))) {
      belowMinimum.add(m);
      belowList.push(m);
    }
  }
  belowList.reverse();
  const count = countTime(input.links, input.dib, belowList);
  let firstAffiliation = null;
  for (const l of input.links)
    if (firstAffiliation === null || l.start < firstAffiliation) firstAffiliation = l.start;
  const ctx = {
    input,
    t,
    dibMonth,
    explain,
    count,
    belowMinimum,
    firstAffiliation,
    age: ageOn(input.birthDate, input.dib),
    pbcs: /* @__PURE__ */ new Map(),
    sorted: /* @__PURE__ */ new Map(),
    tetoDib: tetoAt(t, dibMonth),
    minWageDib: minimumWageAt(t, dibMonth),
    isWoman: input.sex === "F",
    countAtEc103: input.dib >= EC103_DATE ? countTime(input.links, EC103_DATE, []) : null
  };
  const baseSteps = [];
  if (explain) {
    baseSteps.push(
      {
        what: "Esp\xE9cie requerida",
        value: `${input.species} \u2014 ${SPECIES[input.species]}`,
        legal: "Lei 8.213/1991, art. 18"
      },
      {
        what: "Data de in\xEDcio do benef\xEDcio (DIB)",
        value: br(input.dib),
        legal: "Lei 8.213/1991, arts. 43, 49, 54, 60 e 74"
      },
      { what: "Idade na DIB", value: formatYmd(ctx.age), legal: "Lei 8.213/1991, art. 48" },
      {
        what: "Tempo de contribui\xE7\xE3o at\xE9 a DIB (dias concomitantes contados uma vez; per\xEDodo inclusivo)",
        value: formatYmd(count.time),
        legal: L.tc
      },
      { what: "Car\xEAncia (meses com contribui\xE7\xE3o)", value: String(count.qualifyingMonths), legal: L.carencia }
    );
    if (count.belowMinimumMonths.length > 0) {
      baseSteps.push({
        what: "Compet\xEAncias abaixo do sal\xE1rio m\xEDnimo ap\xF3s a EC 103, n\xE3o computadas (tempo, car\xEAncia e m\xE9dia)",
        value: count.belowMinimumMonths.map(comp).join(", "),
        legal: L.ec103min
      });
    }
    for (const l of input.links) {
      baseSteps.push({
        what: `V\xEDnculo (${CATEGORIES[l.category]})`,
        value: `${br(l.start)} a ${l.end ? br(l.end) : `${br(input.dib)} (em aberto)`}`,
        legal: "Lei 8.213/1991, art. 11 (filia\xE7\xE3o); CNIS, art. 29-A"
      });
    }
  }
  const rules = rulesForSpecies(input.species, input.accident);
  const outcomes = [];
  const eligible = [];
  const ineligible = [];
  for (const r of rules) {
    const o = evaluate(ctx, r);
    outcomes.push(o);
    if (o.eligible && o.rmi !== null) eligible.push(o);
    else ineligible.push(o);
  }
  if (eligible.length > 1) eligible.sort(byRmiDesc);
  const ordered = [...eligible, ...ineligible];
  let best;
  if (input.rule !== "auto") {
    best = outcomes.find((o) => o.rule === input.rule);
    if (best.eligible && best.rmi === null) {
      throw new CalculationError("rule", best.reasons.join(" "));
    }
  } else if (eligible[0]) {
    best = eligible[0];
    if (explain && eligible.length + ineligible.length > 1) {
      best.steps.push({
        what: "Regra escolhida (a mais vantajosa entre as avaliadas)",
        value: `${best.rule} \u2014 ${RULES[best.rule]}`,
        legal: L.bestBenefit
      });
    }
  } else {
    best = ordered.find((o) => o.rule === defaultRule(input)) ?? ordered[0];
  }
  return { dib: input.dib, best, outcomes: ordered, baseSteps };
}
const byRmiDesc = (a, b) => b.rmi - a.rmi || (b.rawRmi ?? b.rmi) - (a.rawRmi ?? a.rmi);
function defaultRule(input) {
  const pre = input.dib < EC103_DATE;
  if (input.species === "B41") return pre ? "pre_ec103_idade" : "ec103_art18";
  if (input.species === "B42") return pre ? "pre_ec103_fator" : "ec103_art15";
  return rulesForSpecies(input.species, input.accident)[0];
}
function pbcAt(ctx, dibMonth) {
  let p = ctx.pbcs.get(dibMonth);
  if (!p) {
    p = buildPbc(ctx.input, ctx.t, dibMonth, ctx.belowMinimum, scratch(ctx.pbcs.size), ctx.explain);
    ctx.pbcs.set(dibMonth, p);
  }
  return p;
}
function sortedOf(ctx, p) {
  let s = ctx.sorted.get(p);
  if (!s) {
    s = sortPbc(p);
    ctx.sorted.set(p, s);
  }
  return s;
}
function outcome(ctx, rule, partial) {
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
    ...partial
  };
}
function evaluate(ctx, rule) {
  switch (rule) {
    case "ec103_art15":
    case "ec103_art16":
    case "ec103_art17":
    case "ec103_art18":
    case "ec103_art19":
    case "ec103_art20":
      return ec103Retirement(ctx, rule);
    case "pre_ec103_fator":
    case "pre_ec103_idade":
      return preEc103Retirement(ctx, rule);
    case "incapacidade_permanente":
    case "incapacidade_permanente_acidentaria":
    case "incapacidade_temporaria":
    case "auxilio_acidente":
    case "pensao_morte":
      return incapacityFamily(ctx, rule);
    case "salario_maternidade":
      return maternity(ctx);
    case "bpc_deficiencia":
    case "bpc_idoso":
      return bpc(ctx, rule);
  }
}
function tcShort(time, need) {
  return `tempo de contribui\xE7\xE3o de ${formatYmd(time)}, menor que ${need} anos`;
}
function avgAt(st, k) {
  const divisor = Math.max(st.n - k, st.minDivisor);
  return divisor > 0 ? divRound(st.prefix[st.n] - st.prefix[k], divisor) : 0;
}
function rateAt(st, k) {
  const tcUnits = st.tc0 - k * UNITS_PER_MONTH;
  if (st.rateKind === "full") return RATE_SCALE;
  if (st.rateKind === "coef60") return 6e3 + 200 * Math.max(0, Math.floor(tcUnits / Y) - st.threshold);
  return fatorFromUnits(tcUnits + st.bonusUnits, st.ageUnits, st.esTenths);
}
function rmiAt(st, k) {
  let v = mulDivRound(Math.min(avgAt(st, k), st.teto), rateAt(st, k), RATE_SCALE);
  if (v > st.teto) v = st.teto;
  if (v < st.minWage) v = st.minWage;
  return v;
}
function bestDiscard(st, maxK) {
  let bestRmi = rmiAt(st, 0);
  if (st.rateKind === "fator") {
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
    const mid = lo + hi >> 1;
    if (rmiAt(st, mid) >= bestRmi) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const Y = UNITS_PER_YEAR;
function coefficient60(ctx, time) {
  const threshold = ctx.isWoman ? 15 : 20;
  return 6e3 + 200 * Math.max(0, time.years - threshold);
}
function transitionRow(ctx) {
  const year = Math.min(Math.max(Number(ctx.input.dib.slice(0, 4)), 2019), 2033);
  const row = ctx.t.transitionByYear.get(year);
  if (!row) throw new CalculationError("request_date", `Tabela de transi\xE7\xE3o da EC 103 sem o ano ${year}.`);
  return row;
}
function ec103Retirement(ctx, rule) {
  const { input, isWoman } = ctx;
  const legal = `EC 103/2019, art. ${rule.slice(-2)}`;
  if (input.dib < EC103_DATE) {
    return outcome(ctx, rule, {
      reasons: [`regra da EC 103/2019, em vigor s\xF3 para DIB a partir de ${br(EC103_DATE)}`]
    });
  }
  const ageUnits = ymdUnits(ctx.age);
  const ageMonths = ctx.age.years * 12 + ctx.age.months;
  const tcAtEc = ctx.countAtEc103.time;
  const carencia = 180;
  const minTc = isWoman ? 30 : 35;
  const q0 = ctx.count.qualifyingMonths;
  const time0 = ctx.count.time;
  const tc0 = ymdUnits(time0);
  const reasons = [];
  if (q0 < carencia)
    reasons.push(`car\xEAncia de ${q0} meses, menor que os ${carencia} exigidos (Lei 8.213/1991, art. 25, II)`);
  let minTcUnits;
  let rateKind = "coef60";
  const extraSteps = [];
  const explain = ctx.explain;
  switch (rule) {
    case "ec103_art15": {
      const row = transitionRow(ctx);
      const points = isWoman ? row.art15PointsWoman : row.art15PointsMan;
      if (time0.years < minTc) reasons.push(tcShort(time0, minTc));
      if (ageUnits + tc0 < points * Y) {
        reasons.push(
          `pontua\xE7\xE3o ${formatScaled(divRound((ageUnits + tc0) * 100, Y), 2).replace(".", ",")} menor que ${points} pontos exigidos em ${row.year}`
        );
      }
      minTcUnits = Math.max(minTc * Y, points * Y - ageUnits);
      if (explain)
        extraSteps.push({
          what: `Pontos exigidos em ${row.year}`,
          value: String(points),
          legal: `${legal}, I, II e \xA71\xBA`
        });
      break;
    }
    case "ec103_art16": {
      const row = transitionRow(ctx);
      const minAge = isWoman ? row.art16AgeWomanMonths : row.art16AgeManMonths;
      if (time0.years < minTc) reasons.push(tcShort(time0, minTc));
      if (ageMonths < minAge) {
        reasons.push(
          `idade de ${formatYmd(ctx.age)}, menor que ${formatAgeMonths(minAge)} exigidos em ${row.year}`
        );
      }
      minTcUnits = minTc * Y;
      if (explain)
        extraSteps.push({
          what: `Idade m\xEDnima em ${row.year}`,
          value: formatAgeMonths(minAge),
          legal: `${legal}, I e II, \xA71\xBA`
        });
      break;
    }
    case "ec103_art17": {
      const thresholdYears = isWoman ? 28 : 33;
      const missing = Math.max(0, minTc * Y - ymdUnits(tcAtEc));
      const required2 = 2 * minTc * Y + missing;
      if (ymdUnits(tcAtEc) <= thresholdYears * Y) {
        reasons.push(
          `em ${br(EC103_DATE)} tinha ${formatYmd(tcAtEc)} de contribui\xE7\xE3o; a regra exige mais de ${thresholdYears} anos`
        );
      }
      if (2 * tc0 < required2) {
        reasons.push(
          `tempo de contribui\xE7\xE3o de ${formatYmd(time0)} n\xE3o cumpre ${minTc} anos mais o ped\xE1gio de 50% (${formatUnits(missing / 2)})`
        );
      }
      minTcUnits = Math.ceil(required2 / 2);
      rateKind = "fator";
      if (explain) {
        extraSteps.push({
          what: `Tempo de contribui\xE7\xE3o em ${br(EC103_DATE)}; ped\xE1gio de 50% do que faltava`,
          value: `${formatYmd(tcAtEc)}; ped\xE1gio ${formatUnits(missing / 2)}`,
          legal: `${legal}, caput, I e II`
        });
      }
      break;
    }
    case "ec103_art18": {
      const row = transitionRow(ctx);
      const minAge = isWoman ? row.art18AgeWomanMonths : row.art18AgeManMonths;
      if (time0.years < 15) reasons.push(tcShort(time0, 15));
      if (ageMonths < minAge) {
        reasons.push(
          `idade de ${formatYmd(ctx.age)}, menor que ${formatAgeMonths(minAge)} exigidos em ${row.year}`
        );
      }
      minTcUnits = 15 * Y;
      if (explain)
        extraSteps.push({
          what: `Idade m\xEDnima em ${row.year}`,
          value: formatAgeMonths(minAge),
          legal: `${legal}, I e \xA71\xBA`
        });
      break;
    }
    case "ec103_art19": {
      const minAge = (isWoman ? 62 : 65) * 12;
      const minYears = isWoman ? 15 : 20;
      if (!(ctx.firstAffiliation !== null && ctx.firstAffiliation > EC103_DATE)) {
        reasons.push(
          `filia\xE7\xE3o em ${ctx.firstAffiliation ? br(ctx.firstAffiliation) : "(sem v\xEDnculos)"}, antes da EC 103: a regra permanente vale para filiados depois de ${br(EC103_DATE)} (para os demais, art. 18)`
        );
      }
      if (time0.years < minYears) reasons.push(tcShort(time0, minYears));
      if (ageMonths < minAge) reasons.push(`idade de ${formatYmd(ctx.age)}, menor que ${minAge / 12} anos`);
      minTcUnits = minYears * Y;
      break;
    }
    case "ec103_art20": {
      const minAge = (isWoman ? 57 : 60) * 12;
      const missing = Math.max(0, minTc * Y - ymdUnits(tcAtEc));
      if (ageMonths < minAge) reasons.push(`idade de ${formatYmd(ctx.age)}, menor que ${minAge / 12} anos`);
      if (tc0 < minTc * Y + missing) {
        reasons.push(
          `tempo de contribui\xE7\xE3o de ${formatYmd(time0)} n\xE3o cumpre ${minTc} anos mais o ped\xE1gio de 100% (${formatUnits(missing)})`
        );
      }
      minTcUnits = minTc * Y + missing;
      rateKind = "full";
      if (explain) {
        extraSteps.push({
          what: `Tempo de contribui\xE7\xE3o em ${br(EC103_DATE)}; ped\xE1gio de 100% do que faltava`,
          value: `${formatYmd(tcAtEc)}; ped\xE1gio ${formatUnits(missing)}`,
          legal: `${legal}, IV, e art. 26, \xA73\xBA, I`
        });
      }
      break;
    }
    default:
      throw new Error(rule);
  }
  const usesFator = rateKind === "fator";
  if (reasons.length > 0) return outcome(ctx, rule, { reasons, steps: extraSteps });
  const pbc = pbcAt(ctx, ctx.dibMonth);
  const minDivisor = ctx.firstAffiliation !== null && ctx.firstAffiliation <= "1994-07-31" && ctx.input.dib >= "2022-05-05" ? 108 : 0;
  let lifeTable = null;
  if (usesFator) {
    const lt = lifeTableAt(ctx.t, ctx.input.dib);
    if ("missing" in lt) {
      return outcome(ctx, rule, {
        eligible: true,
        reasons: [missingTableReason(lt.missing)],
        steps: extraSteps
      });
    }
    lifeTable = lt.table;
  }
  const sorted = sortedOf(ctx, pbc);
  const maxK = Math.max(
    0,
    Math.min(pbc.n - 1, Math.floor((tc0 - minTcUnits) / UNITS_PER_MONTH), q0 - carencia)
  );
  const st = {
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
    minWage: ctx.minWageDib
  };
  const bestK = bestDiscard(st, maxK);
  const bestRmi = rmiAt(st, bestK);
  const bestAvg = avgAt(st, bestK);
  const bestRate = rateAt(st, bestK);
  const time = minusMonths(ctx.count.time, bestK);
  const sb = Math.min(bestAvg, ctx.tetoDib);
  const raw = mulDivRound(sb, bestRate, RATE_SCALE);
  const steps = [...extraSteps];
  if (ctx.explain) {
    steps.push(...pbcSteps(ctx, pbc));
    if (bestK > 0) {
      steps.push({
        what: "Descarte das menores contribui\xE7\xF5es que reduziam o benef\xEDcio (tempo exclu\xEDdo n\xE3o conta para nada, nem para o coeficiente)",
        value: `${bestK} compet\xEAncias descartadas; tempo considerado ${formatYmd(time)}`,
        legal: L.ec103art26p6
      });
    }
    const n = pbc.n - bestK;
    const divisor = Math.max(n, minDivisor);
    steps.push({
      what: "M\xE9dia de 100% dos sal\xE1rios corrigidos desde 07/1994",
      value: `${brl(sorted.prefix[pbc.n] - sorted.prefix[bestK])} \xF7 ${divisor} = ${brl(bestAvg)}`,
      legal: L.ec103art26
    });
    if (divisor > n)
      steps.push({
        what: "Divisor m\xEDnimo de 108 meses (filiado at\xE9 07/1994)",
        value: `${divisor}`,
        legal: L.l14331
      });
    steps.push({
      what: "Sal\xE1rio de benef\xEDcio (m\xE9dia limitada ao teto na DIB)",
      value: `${brl(sb)} (teto ${brl(ctx.tetoDib)})`,
      legal: L.ec103art26p1
    });
    if (usesFator) {
      steps.push(...fatorSteps(ctx, ymdUnits(time), ageUnits, lifeTable, bestRate, time));
      steps.push({
        what: "RMI = m\xE9dia \xD7 fator previdenci\xE1rio",
        value: `${brl(sb)} \xD7 ${fmtFator(bestRate)} = ${brl(raw)}`,
        legal: `${legal}, par\xE1grafo \xFAnico`
      });
    } else {
      steps.push({
        what: rule === "ec103_art20" ? "Coeficiente de 100% (ped\xE1gio de 100%)" : `Coeficiente: 60% + 2 pontos por ano al\xE9m de ${isWoman ? 15 : 20} anos`,
        value: formatPercent(bestRate),
        legal: rule === "ec103_art20" ? L.ec103art26p3 : L.ec103art26p2
      });
      steps.push({
        what: "RMI = sal\xE1rio de benef\xEDcio \xD7 coeficiente",
        value: `${brl(sb)} \xD7 ${formatPercent(bestRate)} = ${brl(raw)}`,
        legal
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
    pbc
  });
}
function clampRmi(ctx, raw, replacesIncome, minWage = ctx.minWageDib, teto = ctx.tetoDib) {
  let v = raw;
  if (v > teto) v = teto;
  if (replacesIncome && v < minWage) v = minWage;
  return v;
}
function clampSteps(ctx, raw, final, replacesIncome) {
  const out = [];
  if (raw > ctx.tetoDib)
    out.push({ what: "Limitada ao teto do RGPS na DIB", value: brl(ctx.tetoDib), legal: L.ceiling });
  if (replacesIncome && raw < ctx.minWageDib)
    out.push({ what: "Elevada ao sal\xE1rio m\xEDnimo (piso)", value: brl(ctx.minWageDib), legal: L.floor });
  out.push({ what: "Renda mensal inicial (RMI)", value: brl(final), legal: "Lei 8.213/1991, arts. 28 a 33" });
  return out;
}
function pbcSteps(_ctx, pbc) {
  const steps = [
    {
      what: `Per\xEDodo b\xE1sico de c\xE1lculo: compet\xEAncias de 07/1994 a ${comp(pbc.dibMonth - 1)} com sal\xE1rio de contribui\xE7\xE3o`,
      value: String(pbc.n),
      legal: L.ec103art26
    }
  ];
  if (pbc.beforeRealPlan > 0) {
    steps.push({
      what: "Compet\xEAncias anteriores a 07/1994 (fora do per\xEDodo b\xE1sico de c\xE1lculo)",
      value: String(pbc.beforeRealPlan),
      legal: L.lei9876art3
    });
  }
  const lines = pbcDetailLines(pbc);
  for (const line of lines) {
    steps.push({
      what: "Sal\xE1rio de contribui\xE7\xE3o corrigido at\xE9 a DIB (limitado ao teto da compet\xEAncia)",
      value: line,
      legal: `${L.rps33}; ${L.teto}`
    });
  }
  steps.push({ what: "Soma dos sal\xE1rios corrigidos", value: brl(pbc.sum), legal: L.ec103art26 });
  return steps;
}
function formatAgeMonths(months) {
  return months % 12 === 0 ? `${months / 12} anos` : `${Math.floor(months / 12)} anos e ${months % 12} meses`;
}
function formatUnits(units) {
  const totalDays = Math.round(units / 12);
  const years = Math.floor(totalDays / 365);
  const rest = totalDays - years * 365;
  return formatYmd({ years, months: Math.floor(rest / 30), days: rest % 30 });
}
function missingTableReason(m) {
  return `N\xE3o calculado: a t\xE1bua completa de mortalidade do IBGE de ${m.year}, aplicada \xE0s DIB de ${br(m.validFrom)} a ${br(m.validTo)}, n\xE3o est\xE1 nas tabelas de par\xE2metros (${m.reason}). O fator previdenci\xE1rio n\xE3o \xE9 estimado.`;
}
function fatorPrevidenciario(tcUnits, ageUnits, table, ageYears) {
  const es = lifeExpectancyTenths(table, ageYears);
  return fatorFromUnits(tcUnits, ageUnits, es);
}
function fatorFromUnits(tcUnits, ageUnits, esTenths) {
  const num = 310 * tcUnits * (438e5 + 100 * ageUnits + 31 * tcUnits);
  if (Number.isSafeInteger(num)) return divRound(num, 191844e4 * esTenths);
  const T = BigInt(tcUnits);
  const I = BigInt(ageUnits);
  const big = 310n * T * (43800000n + 100n * I + 31n * T);
  return Number(divRoundBig(big, 1918440000n * BigInt(esTenths)));
}
function fatorSteps(ctx, tcUnits, ageUnits, table, fator, time) {
  const es = lifeExpectancyTenths(table, ctx.age.years);
  const bonus = ctx.isWoman ? " + 5 anos (mulher, \xA79\xBA I)" : "";
  return [
    {
      what: `Tempo de contribui\xE7\xE3o para o fator (Tc)${bonus}`,
      value: `${formatYmd(time)}${bonus} = ${formatScaled(divRound((tcUnits + (ctx.isWoman ? 5 * Y : 0)) * 1e4, Y), 4).replace(".", ",")} anos`,
      legal: "Lei 8.213/1991, art. 29, \xA79\xBA"
    },
    {
      what: "Idade na DIB (Id)",
      value: `${formatScaled(divRound(ageUnits * 1e4, Y), 4).replace(".", ",")} anos`,
      legal: "Lei 8.213/1991, art. 29, \xA77\xBA"
    },
    {
      what: `Expectativa de sobrevida aos ${ctx.age.years} anos (Es), t\xE1bua IBGE ${table.year} (DIB de ${br(table.validFrom)} a ${br(table.validTo)})`,
      value: formatScaled(es, 1).replace(".", ","),
      legal: "Lei 8.213/1991, art. 29, \xA78\xBA; Decreto 3.048/1999, art. 32, \xA712"
    },
    {
      what: "Fator previdenci\xE1rio f = (Tc\xD70,31/Es)\xD7[1+(Id+Tc\xD70,31)/100], 4 casas",
      value: fmtFator(fator),
      legal: L.fator
    }
  ];
}
function preEc103Retirement(ctx, rule) {
  const { input, t, isWoman } = ctx;
  const acquired = input.dib >= EC103_DATE;
  const baseDate = acquired ? EC103_DATE : input.dib;
  const baseMonth = Competence.index(Competence.ofDate(baseDate));
  const count = acquired ? ctx.countAtEc103 : ctx.count;
  const age = acquired ? ageOn(input.birthDate, baseDate) : ctx.age;
  const time = count.time;
  const q = count.qualifyingMonths;
  const reasons = [];
  const year = Number(baseDate.slice(0, 4));
  const car = retirementCarencia(ctx.firstAffiliation, year);
  if (q < car.months)
    reasons.push(`car\xEAncia de ${q} meses, menor que os ${car.months} exigidos (${car.legal})`);
  const lei9876 = baseDate >= "1999-11-29";
  const ec20 = baseDate >= "1998-12-16";
  const steps = [];
  const when = acquired ? ` em ${br(EC103_DATE)} (direito adquirido, EC 103/2019, art. 3\xBA)` : "";
  let coef = RATE_SCALE;
  let fatorMode = "none";
  if (rule === "pre_ec103_fator") {
    const full = isWoman ? 30 : 35;
    if (time.years < full) {
      if (!ec20 && time.years >= full - 5) {
        coef = 7e3 + 600 * (time.years - (full - 5));
      } else {
        reasons.push(
          `tempo de contribui\xE7\xE3o${when} de ${formatYmd(time)}, menor que ${full} anos (Lei 8.213/1991, art. 52; CF art. 201 \xA77\xBA I na reda\xE7\xE3o da EC 20/1998)`
        );
      }
    }
    if (lei9876) {
      fatorMode = "always";
      if (baseDate >= "2015-06-18") {
        const points = (isWoman ? 85 : 95) + (baseDate >= "2018-12-31" ? 1 : 0);
        const total = ymdUnits(age) + ymdUnits(time);
        if (time.years >= full && total >= points * Y) {
          fatorMode = "if_favourable";
          steps.push({
            what: `Pontos (idade + tempo)${when}: ${formatScaled(divRound(total * 100, Y), 2).replace(".", ",")} \u2265 ${points}; fator s\xF3 se favor\xE1vel`,
            value: "sim",
            legal: L.art29c
          });
        }
      }
    }
  } else {
    const minAge = isWoman ? 60 : 65;
    if (age.years < minAge)
      reasons.push(`idade${when} de ${formatYmd(age)}, menor que ${minAge} anos (Lei 8.213/1991, art. 48)`);
    coef = Math.min(RATE_SCALE, 7e3 + 100 * Math.floor(q / 12));
    fatorMode = lei9876 ? "if_favourable" : "none";
  }
  if (reasons.length > 0) return outcome(ctx, rule, { reasons, time, qualifyingMonths: q });
  let pbc;
  let average;
  if (lei9876) {
    pbc = pbcAt(ctx, baseMonth);
    const period = baseMonth - t.firstMonth;
    const affiliatedBefore = ctx.firstAffiliation !== null && ctx.firstAffiliation < "1999-11-29";
    const a = average80(pbc, sortedOf(ctx, pbc), { minimumDivisorPeriod: affiliatedBefore ? period : null });
    average = a.average;
    if (ctx.explain) {
      steps.push(...pbcSteps(ctx, pbc));
      steps.push({
        what: `M\xE9dia dos 80% maiores sal\xE1rios corrigidos (${a.used} de ${pbc.n}; divisor ${a.divisor}${a.divisor > a.used ? ", m\xEDnimo de 60% do per\xEDodo desde 07/1994" : ""})`,
        value: `${brl(a.sum)} \xF7 ${a.divisor} = ${brl(average)}`,
        legal: L.lei9876art3
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
        what: `M\xE9dia dos \xFAltimos ${a.used} sal\xE1rios corrigidos em at\xE9 48 meses`,
        value: `${brl(a.sum)} \xF7 ${a.used} = ${brl(average)}`,
        legal: "Lei 8.213/1991, art. 29, caput (reda\xE7\xE3o original)"
      });
    }
  }
  const tetoBase = tetoAt(t, baseMonth);
  const minBase = minimumWageAt(t, baseMonth);
  let sb = average;
  let fator = null;
  const k = Math.min(60, Math.max(0, baseMonth - Competence.index("1999-11")));
  if (k === 0) fatorMode = "none";
  if (fatorMode !== "none") {
    const lt = lifeTableAt(t, baseDate);
    if ("missing" in lt) {
      if (fatorMode === "always") {
        return outcome(ctx, rule, {
          eligible: true,
          reasons: [missingTableReason(lt.missing)],
          time,
          qualifyingMonths: q,
          steps
        });
      }
      steps.push({
        what: "Fator previdenci\xE1rio (s\xF3 se favor\xE1vel) n\xE3o aplicado",
        value: missingTableReason(lt.missing),
        legal: L.fator
      });
    } else {
      const tcUnits = ymdUnits(time) + (isWoman ? 5 * Y : 0);
      const f = fatorFromUnits(tcUnits, ymdUnits(age), lifeExpectancyTenths(lt.table, age.years));
      const applied = fatorMode === "if_favourable" ? Math.max(f, RATE_SCALE) : f;
      const effectiveNum = k * applied + (60 - k) * RATE_SCALE;
      sb = mulDivRound(average, effectiveNum, 60 * RATE_SCALE);
      fator = fatorMode === "if_favourable" && applied !== f ? null : applied;
      if (ctx.explain) {
        steps.push(...fatorSteps({ ...ctx, age }, ymdUnits(time), ymdUnits(age), lt.table, f, time));
        if (applied !== f)
          steps.push({
            what: "Fator menor que 1 n\xE3o aplicado",
            value: fmtFator(applied),
            legal: fatorMode === "if_favourable" && rule === "pre_ec103_idade" ? "Lei 9.876/1999, art. 7\xBA" : L.art29c
          });
        if (k < 60)
          steps.push({
            what: `Fator aplicado de forma progressiva: ${k}/60 da m\xE9dia`,
            value: `(${k}\xD7${fmtFator(applied)} + ${60 - k})/60`,
            legal: L.lei9876art5
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
        what: "Sal\xE1rio de benef\xEDcio (limitado ao teto)",
        value: `${brl(sb)} (teto ${brl(tetoBase)})`,
        legal: "Lei 8.213/1991, art. 29, \xA72\xBA"
      },
      {
        what: rule === "pre_ec103_idade" ? "Coeficiente: 70% + 1% por grupo de 12 contribui\xE7\xF5es" : "Coeficiente",
        value: formatPercent(coef),
        legal: rule === "pre_ec103_idade" ? "Lei 8.213/1991, art. 50" : "Lei 8.213/1991, art. 53"
      },
      {
        what: `RMI em ${br(baseDate)}`,
        value: `${brl(sb)} \xD7 ${formatPercent(coef)} = ${brl(raw)} \u2192 ${brl(rmi)}`,
        legal: `${L.floor}; ${L.ceiling}`
      }
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
    pbc
  });
}
function readjust(ctx, value, baseMonth) {
  const { t } = ctx;
  const steps = [];
  let v = value;
  let first = true;
  for (const r of readjustmentsBetween(t, Competence.fromIndex(baseMonth), ctx.input.dib)) {
    const rMonth = Competence.index(r.month);
    let factor;
    let label;
    if (first && rMonth - baseMonth < 12) {
      let num = 1n;
      let den = 1n;
      for (let m = baseMonth; m < rMonth; m++) {
        const row = t.indices[m - t.firstMonth];
        if (!row)
          throw new CalculationError(
            "request_date",
            `\xCDndice mensal de ${comp(m)} ausente para o reajuste pro rata.`
          );
        num *= row.monthlyFactor;
        den *= 10000000n;
      }
      factor = divRoundBig(num * 10000n, den) * 1000n;
      label = `pro rata (${comp(baseMonth)} a ${comp(rMonth - 1)})`;
    } else {
      factor = 10000000n + BigInt(r.benefitsPctMilli) * 100n;
      label = `${formatScaled(r.benefitsPctMilli, 3).replace(/0+$/, "").replace(/\.$/, "").replace(".", ",")}%`;
    }
    first = false;
    const raw = Number(divRoundBig(BigInt(v) * factor, 10000000n));
    const next = clampRmi(ctx, raw, true, minimumWageAt(t, rMonth), tetoAt(t, rMonth));
    steps.push({
      what: `Reajuste de ${comp(rMonth)} (${label})`,
      value: `${brl(v)} \xD7 ${formatScaled(factor, 7).replace(/0+$/, "").replace(".", ",")} = ${brl(raw)}${next !== raw ? ` \u2192 ${brl(next)}` : ""}`,
      legal: `${L.readjust}${r.act ? `; ${r.act}` : ""}`
    });
    v = next;
  }
  return { value: v, steps };
}
function averageFor(ctx, pbc, steps) {
  if (ctx.input.dib >= EC103_DATE) {
    const avg = pbc.n ? divRound(pbc.sum, pbc.n) : 0;
    if (ctx.explain) {
      steps.push(...pbcSteps(ctx, pbc));
      steps.push({
        what: "M\xE9dia de 100% dos sal\xE1rios corrigidos",
        value: `${brl(pbc.sum)} \xF7 ${pbc.n} = ${brl(avg)}`,
        legal: L.ec103art26
      });
    }
    return avg;
  }
  if (ctx.input.dib >= "1999-11-29") {
    const a2 = average80(pbc, sortedOf(ctx, pbc), { minimumDivisorPeriod: null });
    if (ctx.explain) {
      steps.push(...pbcSteps(ctx, pbc));
      steps.push({
        what: `M\xE9dia dos 80% maiores sal\xE1rios corrigidos (${a2.used} de ${pbc.n})`,
        value: `${brl(a2.sum)} \xF7 ${a2.divisor} = ${brl(a2.average)}`,
        legal: L.lei9876art3
      });
    }
    return a2.average;
  }
  requireContributionsFrom1994(ctx.input, ctx.t, ctx.dibMonth);
  const a = averageLast36(pbc);
  if (ctx.explain) {
    steps.push(...pbcSteps(ctx, pbc));
    steps.push({
      what: `M\xE9dia dos \xFAltimos ${a.used} sal\xE1rios corrigidos em at\xE9 48 meses`,
      value: `${brl(a.sum)} \xF7 ${a.used} = ${brl(a.average)}`,
      legal: "Lei 8.213/1991, art. 29, caput (reda\xE7\xE3o original)"
    });
  }
  return a.average;
}
function statusReasons(status, who) {
  return status.insured ? [] : [`${who} sem qualidade de segurado na DIB: ${status.reason} (${L.art15})`];
}
function incapacityFamily(ctx, rule) {
  const { input } = ctx;
  const accident = input.accident || ["B91", "B92", "B93", "B94"].includes(input.species) || rule === "incapacidade_permanente_acidentaria";
  const status = insuredStatus(ctx.count, input.dib);
  const steps = [];
  const reasons = statusReasons(status, rule === "pensao_morte" ? "instituidor" : "segurado");
  if (ctx.explain) steps.push({ what: "Qualidade de segurado na DIB", value: status.reason, legal: L.art15 });
  if ((rule === "incapacidade_permanente" || rule === "incapacidade_temporaria") && !accident && ctx.count.qualifyingMonths < 12) {
    reasons.push(
      `car\xEAncia de ${ctx.count.qualifyingMonths} meses, menor que os 12 exigidos (Lei 8.213/1991, art. 25, I)`
    );
  }
  if (rule === "pensao_morte" && (input.dependents === null || input.dependents < 1)) {
    throw new CalculationError(
      "dependents",
      "a pens\xE3o por morte exige o n\xFAmero de dependentes (dependents \u2265 1)"
    );
  }
  if (reasons.length > 0) return outcome(ctx, rule, { reasons, steps });
  const pbc = pbcAt(ctx, ctx.dibMonth);
  const average = averageFor(ctx, pbc, steps);
  const sb = Math.min(average, ctx.tetoDib);
  const post = input.dib >= EC103_DATE;
  let rate;
  let rateLegal;
  let rateWhat;
  let replaces = true;
  let raw;
  let rmi;
  if (rule === "incapacidade_temporaria") {
    rate = 9100;
    raw = mulDivRound(sb, rate, RATE_SCALE);
    rmi = raw;
    if (ctx.explain)
      steps.push({
        what: "Coeficiente de 91% do sal\xE1rio de benef\xEDcio",
        value: `${brl(sb)} \xD7 91% = ${brl(raw)}`,
        legal: "Lei 8.213/1991, art. 61"
      });
    if (input.dib >= "2015-03-01") {
      const l12 = averageLast12(pbc);
      if (rmi > l12.average && l12.used > 0) {
        rmi = l12.average;
        if (ctx.explain)
          steps.push({
            what: `Limitado \xE0 m\xE9dia dos \xFAltimos ${l12.used} sal\xE1rios de contribui\xE7\xE3o`,
            value: brl(l12.average),
            legal: "Lei 8.213/1991, art. 29, \xA710"
          });
      }
    }
    rmi = clampRmi(ctx, rmi, true);
    if (ctx.explain) steps.push(...clampSteps(ctx, rmi, rmi, true));
    return outcome(ctx, rule, {
      eligible: true,
      reasons: ["qualidade de segurado e car\xEAncia cumpridas"],
      rmi,
      average,
      benefitSalary: sb,
      coefficient: rate,
      steps,
      pbc
    });
  }
  if (rule === "auxilio_acidente") {
    rate = 5e3;
    replaces = false;
    rateWhat = "Coeficiente de 50% do sal\xE1rio de benef\xEDcio";
    rateLegal = "Lei 8.213/1991, art. 86, \xA71\xBA";
  } else if (accident) {
    rate = RATE_SCALE;
    rateWhat = "Coeficiente de 100% (incapacidade decorrente de acidente do trabalho ou doen\xE7a profissional)";
    rateLegal = post ? "EC 103/2019, art. 26, \xA73\xBA, II" : "Lei 8.213/1991, art. 44";
  } else if (post) {
    rate = coefficient60(ctx, ctx.count.time);
    rateWhat = `Coeficiente: 60% + 2 pontos por ano al\xE9m de ${ctx.isWoman ? 15 : 20} anos`;
    rateLegal = "EC 103/2019, art. 26, \xA72\xBA, III";
  } else {
    rate = RATE_SCALE;
    rateWhat = "Coeficiente de 100% do sal\xE1rio de benef\xEDcio";
    rateLegal = rule === "pensao_morte" ? "Lei 8.213/1991, art. 75 (reda\xE7\xE3o anterior \xE0 EC 103)" : "Lei 8.213/1991, art. 44";
  }
  raw = mulDivRound(sb, rate, RATE_SCALE);
  rmi = clampRmi(ctx, raw, replaces);
  if (ctx.explain) {
    steps.push({ what: "Sal\xE1rio de benef\xEDcio (limitado ao teto na DIB)", value: brl(sb), legal: L.ceiling });
    steps.push({
      what: rateWhat,
      value: `${brl(sb)} \xD7 ${formatPercent(rate)} = ${brl(raw)}`,
      legal: rateLegal
    });
  }
  if (rule !== "pensao_morte") {
    if (ctx.explain) steps.push(...clampSteps(ctx, raw, rmi, replaces));
    return outcome(ctx, rule, {
      eligible: true,
      reasons: ["requisitos cumpridos"],
      rmi,
      average,
      benefitSalary: sb,
      coefficient: rate,
      steps,
      pbc
    });
  }
  const base = rmi;
  let quota = RATE_SCALE;
  let quotaLegal = "Lei 8.213/1991, art. 75 (100%, reda\xE7\xE3o anterior \xE0 EC 103)";
  if (post) {
    quota = input.disabledDependent ? RATE_SCALE : Math.min(RATE_SCALE, 5e3 + 1e3 * input.dependents);
    quotaLegal = input.disabledDependent ? "EC 103/2019, art. 23, \xA72\xBA" : "EC 103/2019, art. 23, caput";
  }
  const rawPension = mulDivRound(base, quota, RATE_SCALE);
  const pension = clampRmi(ctx, rawPension, true);
  if (ctx.explain) {
    steps.push({
      what: "Aposentadoria por incapacidade permanente a que o instituidor teria direito",
      value: brl(base),
      legal: "EC 103/2019, art. 23, caput"
    });
    steps.push({
      what: input.disabledDependent ? "Cota familiar de 100% (dependente inv\xE1lido ou com defici\xEAncia)" : `Cota familiar: 50% + 10 pontos por dependente (${input.dependents})`,
      value: `${brl(base)} \xD7 ${formatPercent(quota)} = ${brl(rawPension)}`,
      legal: quotaLegal
    });
    steps.push(...clampSteps(ctx, rawPension, pension, true));
  }
  return outcome(ctx, rule, {
    eligible: true,
    reasons: ["instituidor com qualidade de segurado na data do \xF3bito"],
    rmi: pension,
    average,
    benefitSalary: sb,
    coefficient: quota,
    steps,
    pbc
  });
}
function maternity(ctx) {
  const { input } = ctx;
  const rule = "salario_maternidade";
  const status = insuredStatus(ctx.count, input.dib);
  const steps = [];
  const reasons = statusReasons(status, "segurada");
  const dibDay = input.dib;
  const link = input.links.find((l) => l.start <= dibDay && (l.end === null || l.end >= dibDay)) ?? [...input.links].sort((a, b) => (a.end ?? dibDay).localeCompare(b.end ?? dibDay)).at(-1);
  const category = link?.category ?? "optional";
  const needsCarencia = category === "individual" || category === "optional" || category === "mei" || category === "special_insured";
  if (needsCarencia && ctx.count.qualifyingMonths < 10) {
    reasons.push(
      `car\xEAncia de ${ctx.count.qualifyingMonths} meses, menor que as 10 contribui\xE7\xF5es exigidas (Lei 8.213/1991, art. 25, III)`
    );
  }
  if (ctx.explain) {
    steps.push({ what: "Qualidade de segurada na DIB", value: status.reason, legal: L.art15 });
    steps.push({
      what: "Categoria considerada",
      value: CATEGORIES[category],
      legal: "Lei 8.213/1991, art. 11"
    });
  }
  if (reasons.length > 0) return outcome(ctx, rule, { reasons, steps });
  let raw;
  let what;
  let legal;
  let capAtTeto = true;
  const before = [];
  for (let i = 0; i < input.months.length; i++) if (input.months[i] < ctx.dibMonth) before.push(i);
  const lastIdx = before.at(-1);
  if (category === "special_insured") {
    raw = ctx.minWageDib;
    what = "Segurada especial: um sal\xE1rio m\xEDnimo";
    legal = "Lei 8.213/1991, art. 39, par\xE1grafo \xFAnico";
  } else if (category === "employee" || category === "casual") {
    raw = lastIdx === void 0 ? 0 : input.amounts[lastIdx];
    what = "Empregada/avulsa: remunera\xE7\xE3o integral do \xFAltimo m\xEAs";
    legal = "Lei 8.213/1991, art. 72";
    capAtTeto = false;
  } else if (category === "domestic") {
    raw = lastIdx === void 0 ? 0 : Math.min(input.amounts[lastIdx], tetoAt(ctx.t, input.months[lastIdx]));
    what = "Empregada dom\xE9stica: \xFAltimo sal\xE1rio de contribui\xE7\xE3o";
    legal = "Lei 8.213/1991, art. 73, I";
  } else {
    const last12 = before.filter((i) => input.months[i] >= ctx.dibMonth - 15).slice(-12);
    const sum = last12.reduce((s, i) => s + Math.min(input.amounts[i], tetoAt(ctx.t, input.months[i])), 0);
    raw = divRound(sum, 12);
    what = `1/12 da soma dos \xFAltimos ${last12.length} sal\xE1rios de contribui\xE7\xE3o em at\xE9 15 meses`;
    legal = "Lei 8.213/1991, art. 73, III";
  }
  let rmi = raw;
  if (capAtTeto && rmi > ctx.tetoDib) rmi = ctx.tetoDib;
  if (rmi < ctx.minWageDib) rmi = ctx.minWageDib;
  if (ctx.explain) {
    steps.push({ what, value: brl(raw), legal });
    if (rmi !== raw)
      steps.push({
        what: rmi > raw ? "Elevado ao sal\xE1rio m\xEDnimo" : "Limitado ao teto",
        value: brl(rmi),
        legal: rmi > raw ? L.floor : L.ceiling
      });
    steps.push({
      what: "Renda mensal inicial (RMI)",
      value: brl(rmi),
      legal: "Lei 8.213/1991, arts. 72 e 73"
    });
  }
  return outcome(ctx, rule, {
    eligible: true,
    reasons: ["qualidade de segurada e car\xEAncia cumpridas"],
    rmi,
    average: raw,
    benefitSalary: raw,
    coefficient: RATE_SCALE,
    steps
  });
}
function bpc(ctx, rule) {
  const steps = [];
  const reasons = [];
  if (rule === "bpc_idoso" && ctx.age.years < 65)
    reasons.push(`idade de ${formatYmd(ctx.age)}, menor que 65 anos (Lei 8.742/1993, art. 20)`);
  if (reasons.length > 0) return outcome(ctx, rule, { reasons });
  if (ctx.explain) {
    steps.push({
      what: "Benef\xEDcio assistencial de um sal\xE1rio m\xEDnimo (renda familiar e defici\xEAncia s\xE3o apuradas na an\xE1lise, n\xE3o no c\xE1lculo)",
      value: brl(ctx.minWageDib),
      legal: "CF, art. 203, V; Lei 8.742/1993, art. 20"
    });
  }
  return outcome(ctx, rule, {
    eligible: true,
    reasons: [
      rule === "bpc_idoso" ? "idade de 65 anos cumprida; crit\xE9rio de renda apurado na an\xE1lise" : "defici\xEAncia e renda apuradas na an\xE1lise"
    ],
    rmi: ctx.minWageDib,
    average: null,
    benefitSalary: null,
    coefficient: RATE_SCALE,
    steps
  });
}
export {
  bestDiscard,
  fatorFromUnits,
  fatorPrevidenciario,
  pbcDetailLines,
  runEngine
};
