import { Competence } from "../../../platform/values/competence.js";
import { LocalDate } from "../../../platform/values/dates.js";
import { CalculationError, divRoundBig, FACTOR_SCALE_N, formatScaled } from "./fixed.js";
const FIRST_COMPETENCE = "1994-07";
function buildTables(raw) {
  const firstMonth = Competence.index(FIRST_COMPETENCE);
  const indices = [...raw.indices].sort((a, b) => a.competence.localeCompare(b.competence));
  indices.forEach((row, i) => {
    if (Competence.index(row.competence) !== firstMonth + i) {
      throw new Error(`\xEDndice de corre\xE7\xE3o: a cadeia tem lacuna antes de ${row.competence}`);
    }
  });
  const shipped = indices.filter((r) => r.accumulated !== null);
  const accumulatedBase = firstMonth + shipped.length;
  const lastIndexMonth = firstMonth + indices.length - 1;
  let lastMonth = lastIndexMonth + 1;
  for (const v of [...raw.teto, ...raw.minimumWage]) {
    lastMonth = Math.max(lastMonth, Competence.index(v.to));
  }
  const size = lastMonth - firstMonth + 1;
  const tetoByMonth = fillMonths(raw.teto, firstMonth, size);
  const minimumWageByMonth = fillMonths(raw.minimumWage, firstMonth, size);
  return {
    ...raw,
    indices,
    firstMonth,
    lastIndexMonth,
    accumulatedBase,
    tetoByMonth,
    minimumWageByMonth,
    factorCache: /* @__PURE__ */ new Map(),
    transitionByYear: new Map(raw.transition.map((t) => [t.year, t]))
  };
}
function fillMonths(values, firstMonth, size) {
  const out = new Int32Array(size);
  for (const v of values) {
    const a = Math.max(Competence.index(v.from), firstMonth);
    const b = Competence.index(v.to);
    for (let i = a; i <= b && i - firstMonth < size; i++) out[i - firstMonth] = v.cents;
  }
  return out;
}
function monthLabel(index) {
  return Competence.toBr(Competence.fromIndex(index));
}
function tetoAt(t, month) {
  const v = t.tetoByMonth[month - t.firstMonth];
  if (!v) {
    throw new CalculationError(
      "request_date",
      `Teto do RGPS da compet\xEAncia ${monthLabel(month)} n\xE3o cadastrado nas tabelas de par\xE2metros.`
    );
  }
  return v;
}
function minimumWageAt(t, month) {
  const v = t.minimumWageByMonth[month - t.firstMonth];
  if (!v) {
    throw new CalculationError(
      "request_date",
      `Sal\xE1rio m\xEDnimo da compet\xEAncia ${monthLabel(month)} n\xE3o cadastrado nas tabelas de par\xE2metros.`
    );
  }
  return v;
}
function versionedAt(values, month) {
  let found;
  for (const v of values) if (v.from <= month && month <= v.to) found = v;
  return found;
}
function correctionFactorExact(t, c, m) {
  if (c < t.firstMonth) {
    throw new CalculationError(
      "contributions",
      `Compet\xEAncia ${monthLabel(c)} anterior a 07/1994: fora da tabela de corre\xE7\xE3o.`
    );
  }
  if (c >= m) throw new Error(`fator pedido para compet\xEAncia ${monthLabel(c)} n\xE3o anterior ao m\xEAs da DIB`);
  if (m - 1 > t.lastIndexMonth) {
    throw new CalculationError(
      "request_date",
      `\xCDndice de corre\xE7\xE3o da compet\xEAncia ${monthLabel(t.lastIndexMonth + 1)} ainda n\xE3o cadastrado: a DIB em ${monthLabel(m)} precisa dos \xEDndices at\xE9 ${monthLabel(m - 1)} (Portaria mensal do MPS).`
    );
  }
  const base = t.accumulatedBase;
  const acc = (i) => t.indices[i - t.firstMonth].accumulated;
  if (m <= base) {
    const den2 = m === base ? FACTOR_SCALE_N : acc(m);
    return divRoundBig(acc(c) * FACTOR_SCALE_N, den2);
  }
  let num = c < base ? acc(c) : FACTOR_SCALE_N;
  let den = FACTOR_SCALE_N;
  for (let k = Math.max(c, base); k < m; k++) {
    num *= t.indices[k - t.firstMonth].monthlyFactor;
    den *= 10000000n;
  }
  return divRoundBig(num * FACTOR_SCALE_N, den);
}
function factorsForDibMonth(t, m) {
  let arr = t.factorCache.get(m);
  if (arr) return arr;
  const n = Math.max(0, m - t.firstMonth);
  arr = new Int32Array(n);
  if (m > t.firstMonth) {
    correctionFactorExact(t, m - 1, m);
    for (let c = t.firstMonth; c < m; c++) arr[c - t.firstMonth] = Number(correctionFactorExact(t, c, m));
  }
  t.factorCache.set(m, arr);
  return arr;
}
function formatFactor(f) {
  return formatScaled(f, 6);
}
function lifeTableAt(t, dib) {
  const table = t.lifeTables.find((lt) => lt.validFrom <= dib && dib <= lt.validTo);
  if (table) return { table };
  const missing = t.missingLifeTables.find((lt) => lt.validFrom <= dib && dib <= lt.validTo);
  if (missing) return { missing };
  const y = Number(dib.slice(0, 4));
  const year = dib.slice(5) >= "12-01" ? y - 1 : y - 2;
  return {
    missing: {
      year,
      validFrom: `${year + 1}-12-01`,
      validTo: `${year + 2}-11-30`,
      reason: "t\xE1bua n\xE3o cadastrada nas tabelas de par\xE2metros"
    }
  };
}
function lifeExpectancyTenths(table, ageYears) {
  const age = Math.min(ageYears, table.openAge);
  const v = table.tenths[age];
  if (v === void 0) throw new Error(`t\xE1bua ${table.year} sem a idade ${age}`);
  return v;
}
function readjustmentsBetween(t, afterMonth, upToDate) {
  const upTo = Competence.ofDate(upToDate);
  return t.readjustments.filter((r) => r.month > afterMonth && r.month <= upTo).sort((a, b) => a.year - b.year);
}
function describeDate(d) {
  return LocalDate.toBr(d);
}
export {
  FIRST_COMPETENCE,
  buildTables,
  correctionFactorExact,
  describeDate,
  factorsForDibMonth,
  formatFactor,
  lifeExpectancyTenths,
  lifeTableAt,
  minimumWageAt,
  readjustmentsBetween,
  tetoAt,
  versionedAt
};
