const RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
class CompetenceError extends Error {
}
const Competence = {
  isValid(text) {
    return RE.test(text);
  },
  parse(text) {
    if (!RE.test(text)) throw new CompetenceError(`compet\xEAncia inv\xE1lida: "${text}" (use AAAA-MM)`);
    return text;
  },
  /** From "MM/AAAA", the form printed on the CNIS extract and the Portarias. */
  fromBr(text) {
    const m = /^(0[1-9]|1[0-2])\/(\d{4})$/.exec(text.trim());
    if (!m) throw new CompetenceError(`compet\xEAncia inv\xE1lida: "${text}" (use MM/AAAA)`);
    return `${m[2]}-${m[1]}`;
  },
  toBr(c) {
    return `${c.slice(5, 7)}/${c.slice(0, 4)}`;
  },
  index(c) {
    return Number(c.slice(0, 4)) * 12 + Number(c.slice(5, 7)) - 1;
  },
  fromIndex(i) {
    const y = Math.floor(i / 12);
    const m = i % 12 + 1;
    return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
  },
  add(c, months) {
    return Competence.fromIndex(Competence.index(c) + months);
  },
  /** Months from a to b (b - a). */
  diff(a, b) {
    return Competence.index(b) - Competence.index(a);
  },
  /** The competência of a calendar date "YYYY-MM-DD". */
  ofDate(date) {
    return date.slice(0, 7);
  },
  compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  },
  /** Inclusive range a..b. */
  range(a, b) {
    const out = [];
    for (let i = Competence.index(a); i <= Competence.index(b); i++) out.push(Competence.fromIndex(i));
    return out;
  }
};
export {
  Competence,
  CompetenceError
};
