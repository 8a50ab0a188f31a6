import { describe, expect, it } from 'vitest';
import { REVOFIBI, REVOFICIO, revisionServiceFor, scopeOf } from './scope';

// Portaria DIRBEN/INSS 1.309/2025, art. 4 — one row per rule.
describe('scope of the technical supervision (art. 4)', () => {
  const table: [string, 'PAT' | 'SABI', string[], boolean, string | null][] = [
    ['B41', 'PAT', [], true, null], // I aposentadorias
    ['42', 'PAT', [], true, null],
    ['B46', 'PAT', [], true, null],
    ['B57', 'PAT', [], true, null],
    ['B21', 'PAT', [], true, null], // II pensões por morte
    ['B93', 'PAT', [], true, null],
    ['B25', 'PAT', [], true, null], // III auxílio-reclusão
    ['B80', 'PAT', [], true, null], // IV salário-maternidade
    ['B87', 'PAT', [], true, null], // V assistenciais
    ['B88', 'PAT', [], true, null],
    ['CTC', 'PAT', [], true, null], // VI
    ['sdpa', 'PAT', [], true, null], // VII
    ['B31', 'PAT', ['17436'], true, null], // VIII + §4 I
    ['B91', 'PAT', ['12345', '17456'], true, null], // §4 II
    ['B32', 'PAT', ['17775'], true, null], // §4 III
    ['B92', 'PAT', ['17776'], true, null], // §4 IV
    ['B31', 'PAT', [], false, REVOFICIO], // §4: no qualifying subtask
    ['B31', 'PAT', ['17475'], false, REVOFICIO],
    ['B31', 'SABI', ['17436'], false, REVOFIBI], // §5: SABI → REVOFIBI
    ['B92', 'SABI', [], false, REVOFIBI],
    ['B36', 'PAT', [], false, REVOFICIO], // auxílio-acidente: outside (§2)
    ['B94', 'PAT', ['17436'], false, REVOFICIO],
    ['B41', 'SABI', [], true, null], // SABI only matters for incapacity
  ];
  it.each(table)('%s %s %j → in scope %s', (species, system, subtasks, inScope, service) => {
    const d = scopeOf({ species, system, subtasks });
    expect(d.inScope).toBe(inScope);
    if (!d.inScope) expect(d.revisionService).toBe(service);
  });

  it('revision service: REVOFIBI only for SABI incapacity cases (art. 4 §§2 and 5)', () => {
    expect(revisionServiceFor({ species: 'B31', system: 'SABI', subtasks: [] })).toBe('17475');
    expect(revisionServiceFor({ species: 'B31', system: 'PAT', subtasks: ['17436'] })).toBe('5172');
    expect(revisionServiceFor({ species: 'B41', system: 'PAT', subtasks: [] })).toBe('5172');
  });
});
