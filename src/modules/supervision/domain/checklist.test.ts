import { describe, expect, it } from 'vitest';
import checklistDefault from '../data/checklist-default.json' with { type: 'json' };
import {
  type ChecklistConfig,
  checkAnswers,
  criteriaFor,
  criterionLabel,
  nonconformitiesOf,
} from './checklist';

const config = checklistDefault as ChecklistConfig;

describe('checklist of material and formal criteria (art. 5)', () => {
  it('every in-scope species has formal (common) and material criteria; codes are unique', () => {
    for (const sp of [
      'B41',
      'B42',
      'B46',
      'B57',
      'B21',
      'B93',
      'B25',
      'B80',
      'B87',
      'B88',
      'CTC',
      'SDPA',
      'B31',
      'B91',
      'B32',
      'B92',
    ]) {
      const c = criteriaFor(config, sp);
      expect(
        c.some((x) => x.kind === 'formal'),
        sp,
      ).toBe(true);
      expect(
        c.some((x) => x.kind === 'material'),
        sp,
      ).toBe(true);
    }
    const codes = [...config.common, ...config.groups.flatMap((g) => g.criteria)].map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
  it('answers must cover exactly the species criteria', () => {
    const c = criteriaFor(config, '41');
    const all = Object.fromEntries(c.map((x) => [x.code, true]));
    expect(checkAnswers(c, all)).toEqual([]);
    const { F01: _omit, ...missing } = all;
    expect(checkAnswers(c, missing)).toEqual(['critério F01 sem resposta']);
    expect(checkAnswers(c, { ...all, M41: true })).toEqual(['critério M41 não se aplica a esta espécie']);
  });
  it('nonconformities are the criteria answered false, with their labels', () => {
    expect(nonconformitiesOf({ F01: true, M02: false, F03: false })).toEqual(['F03', 'M02']);
    expect(criterionLabel(config, 'M41')).toMatch(/Renda per capita/);
    expect(criterionLabel(config, 'Z99')).toBe('Z99');
  });
});
