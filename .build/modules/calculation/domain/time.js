import { Competence } from "../../../platform/values/competence.js";
import { LocalDate } from "../../../platform/values/dates.js";
const UNITS_PER_YEAR = 4380;
const UNITS_PER_MONTH = 365;
const UNITS_PER_DAY = 12;
function ymdUnits(t) {
  return t.years * UNITS_PER_YEAR + t.months * UNITS_PER_MONTH + t.days * UNITS_PER_DAY;
}
function normalize(years, months, days) {
  const m = months + Math.floor(days / 30);
  return { years: years + Math.floor(m / 12), months: m % 12, days: days % 30 };
}
function minusMonths(t, k) {
  const total = t.years * 12 + t.months - k;
  if (total < 0) return { years: 0, months: 0, days: 0 };
  return { years: Math.floor(total / 12), months: total % 12, days: t.days };
}
function part(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
function formatYmd(t) {
  return `${part(t.years, "ano", "anos")}, ${part(t.months, "m\xEAs", "meses")} e ${part(t.days, "dia", "dias")}`;
}
function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function civilFromDays(z0) {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}
const daysInMonth = (y, m) => daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
function epochDay(date) {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}
function anchorDay(ay, am, ad, k) {
  const mi = am - 1 + k;
  const y = ay + Math.floor(mi / 12);
  const m = mi % 12 + 1;
  return daysFromCivil(y, m, Math.min(ad, daysInMonth(y, m)));
}
function calendarDiffDays(a, b) {
  if (b <= a) return { years: 0, months: 0, days: 0 };
  const [ay, am, ad] = civilFromDays(a);
  const [by, bm, bd] = civilFromDays(b);
  let months = (by - ay) * 12 + (bm - am);
  if (bd < ad) months -= 1;
  let days = b - anchorDay(ay, am, ad, months);
  if (days < 0) {
    months -= 1;
    days = b - anchorDay(ay, am, ad, months);
  }
  return { years: Math.floor(months / 12), months: months % 12, days };
}
function calendarDiff(a, b) {
  return calendarDiffDays(epochDay(a), epochDay(b));
}
function ageOn(birthDate, date) {
  return calendarDiff(birthDate, date);
}
const byStart = (x, y) => x[0] - y[0];
function unionIntervals(list) {
  const sorted = [];
  for (const iv of list) if (iv[0] <= iv[1]) sorted.push(iv);
  if (sorted.length > 1) sorted.sort(byStart);
  const out = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
function subtractIntervals(list, holes) {
  if (holes.length === 0) return list;
  const out = [];
  for (const [a0, b] of list) {
    let a = a0;
    for (const [h0, h1] of holes) {
      if (h1 < a || h0 > b) continue;
      if (h0 > a) out.push([a, h0 - 1]);
      a = h1 + 1;
      if (a > b) break;
    }
    if (a <= b) out.push([a, b]);
  }
  return out;
}
const EC103_DATE = "2019-11-13";
const EC103_DAY = epochDay(EC103_DATE);
const EC103_MONTH = Competence.index("2019-11");
function monthFirstDay(month) {
  return daysFromCivil(Math.floor(month / 12), month % 12 + 1, 1);
}
function monthLastDay(month) {
  return monthFirstDay(month + 1) - 1;
}
function countTime(links, until, belowMinimumMonths) {
  const untilDay = epochDay(until);
  const raw = [];
  for (const l of links)
    raw.push([epochDay(l.start), Math.min(l.end === null ? untilDay : epochDay(l.end), untilDay)]);
  let intervals = unionIntervals(raw);
  const holes = [];
  for (const m of belowMinimumMonths) {
    if (m < EC103_MONTH) continue;
    holes.push([Math.max(monthFirstDay(m), EC103_DAY), monthLastDay(m)]);
  }
  intervals = subtractIntervals(intervals, holes);
  let y = 0;
  let mo = 0;
  let d = 0;
  let qualifying = 0;
  let lastCountedMonth = -1;
  for (const [a, b] of intervals) {
    const t = calendarDiffDays(a, b + 1);
    y += t.years;
    mo += t.months;
    d += t.days;
    const [ya, ma0] = civilFromDays(a);
    const [yb, mb0] = civilFromDays(b);
    const ma = ya * 12 + ma0 - 1;
    const mb = yb * 12 + mb0 - 1;
    const from = Math.max(ma, lastCountedMonth + 1);
    if (mb >= from) qualifying += mb - from + 1;
    lastCountedMonth = Math.max(lastCountedMonth, mb);
  }
  return {
    intervals,
    time: normalize(y, mo, d),
    qualifyingMonths: qualifying,
    belowMinimumMonths: belowMinimumMonths.length ? belowMinimumMonths.filter((m) => m >= EC103_MONTH) : belowMinimumMonths
  };
}
function insuredStatus(count, date) {
  const day = epochDay(date);
  const covering = count.intervals.find(([a, b]) => a <= day && day <= b);
  const last = count.intervals.filter(([a]) => a <= day).at(-1);
  if (covering) {
    return {
      insured: true,
      lastActivity: date,
      graceMonths: 0,
      lossDate: null,
      reason: "v\xEDnculo ativo na data"
    };
  }
  if (!last) {
    return {
      insured: false,
      lastActivity: null,
      graceMonths: 0,
      lossDate: null,
      reason: "nenhum per\xEDodo de contribui\xE7\xE3o at\xE9 a data"
    };
  }
  const lastDay = LocalDate.fromEpochDay(last[1]);
  const graceMonths = count.qualifyingMonths > 120 ? 24 : 12;
  const lastMonth = Competence.index(Competence.ofDate(lastDay));
  const lossDate = `${Competence.fromIndex(lastMonth + graceMonths + 2)}-16`;
  const insured = date < lossDate;
  return {
    insured,
    lastActivity: lastDay,
    graceMonths,
    lossDate,
    reason: insured ? `em per\xEDodo de gra\xE7a de ${graceMonths} meses ap\xF3s ${LocalDate.toBr(lastDay)} (qualidade mantida at\xE9 ${LocalDate.toBr(LocalDate.addDays(lossDate, -1))})` : `qualidade de segurado perdida em ${LocalDate.toBr(lossDate)} (per\xEDodo de gra\xE7a de ${graceMonths} meses ap\xF3s ${LocalDate.toBr(lastDay)})`
  };
}
const ART142 = {
  1991: 60,
  1992: 60,
  1993: 66,
  1994: 72,
  1995: 78,
  1996: 90,
  1997: 96,
  1998: 102,
  1999: 108,
  2e3: 114,
  2001: 120,
  2002: 126,
  2003: 132,
  2004: 138,
  2005: 144,
  2006: 150,
  2007: 156,
  2008: 162,
  2009: 168,
  2010: 174
};
function retirementCarencia(firstAffiliation, year) {
  if (firstAffiliation !== null && firstAffiliation <= "1991-07-24" && year <= 2010) {
    return {
      months: ART142[Math.max(1991, year)] ?? 180,
      legal: "Lei 8.213/1991, art. 142 (tabela progressiva)"
    };
  }
  return { months: 180, legal: "Lei 8.213/1991, art. 25, II" };
}
export {
  EC103_DATE,
  UNITS_PER_DAY,
  UNITS_PER_MONTH,
  UNITS_PER_YEAR,
  ageOn,
  calendarDiff,
  calendarDiffDays,
  civilFromDays,
  countTime,
  daysFromCivil,
  epochDay,
  formatYmd,
  insuredStatus,
  minusMonths,
  monthFirstDay,
  monthLastDay,
  normalize,
  retirementCarencia,
  subtractIntervals,
  unionIntervals,
  ymdUnits
};
