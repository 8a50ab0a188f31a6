import { normalizeSpecies } from "./scope.js";
function criteriaFor(config, species) {
  const sp = normalizeSpecies(species);
  const g = config.groups.find((x) => x.species.map(normalizeSpecies).includes(sp));
  return [...config.common, ...g?.criteria ?? []];
}
function criterionLabel(config, code) {
  for (const c of config.common) if (c.code === code) return c.label;
  for (const g of config.groups) for (const c of g.criteria) if (c.code === code) return c.label;
  return code;
}
function checkAnswers(criteria, answers) {
  const problems = [];
  for (const c of criteria)
    if (answers[c.code] === void 0) problems.push(`crit\xE9rio ${c.code} sem resposta`);
  for (const code of Object.keys(answers)) {
    if (!criteria.some((c) => c.code === code))
      problems.push(`crit\xE9rio ${code} n\xE3o se aplica a esta esp\xE9cie`);
  }
  return problems;
}
function nonconformitiesOf(answers) {
  return Object.keys(answers).filter((k) => answers[k] === false).sort();
}
export {
  checkAnswers,
  criteriaFor,
  criterionLabel,
  nonconformitiesOf
};
