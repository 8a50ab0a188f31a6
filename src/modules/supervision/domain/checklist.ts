import { normalizeSpecies } from './scope';

/**
 * Checklist of material and formal criteria per species (art. 5: the supervision considers the
 * material and formal aspects; §1 questions defined per species and service; §2 parameters in
 * Anexos II and VI). Configurable: the default ships as data (data/checklist-default.json) and an
 * administrator may store another version.
 */
export interface Criterion {
  code: string;
  kind: 'material' | 'formal';
  label: string;
}

export interface ChecklistConfig {
  version: number;
  source: string;
  common: Criterion[];
  groups: { group: string; species: string[]; criteria: Criterion[] }[];
}

export function criteriaFor(config: ChecklistConfig, species: string): Criterion[] {
  const sp = normalizeSpecies(species);
  const g = config.groups.find((x) => x.species.map(normalizeSpecies).includes(sp));
  return [...config.common, ...(g?.criteria ?? [])];
}

export function criterionLabel(config: ChecklistConfig, code: string): string {
  for (const c of config.common) if (c.code === code) return c.label;
  for (const g of config.groups) for (const c of g.criteria) if (c.code === code) return c.label;
  return code;
}

/** Answers must cover exactly the criteria of the species: returns the problems, empty when valid. */
export function checkAnswers(
  criteria: readonly Criterion[],
  answers: Readonly<Record<string, boolean>>,
): string[] {
  const problems: string[] = [];
  for (const c of criteria)
    if (answers[c.code] === undefined) problems.push(`critério ${c.code} sem resposta`);
  for (const code of Object.keys(answers)) {
    if (!criteria.some((c) => c.code === code))
      problems.push(`critério ${code} não se aplica a esta espécie`);
  }
  return problems;
}

export function nonconformitiesOf(answers: Readonly<Record<string, boolean>>): string[] {
  return Object.keys(answers)
    .filter((k) => answers[k] === false)
    .sort();
}
