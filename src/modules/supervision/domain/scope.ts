import type { System } from './types';

/**
 * Scope of the technical supervision (Portaria DIRBEN/INSS 1.309/2025, art. 4).
 *
 * In scope (art. 4 caput): aposentadorias (I), pensões por morte (II), auxílio-reclusão (III),
 * salário-maternidade (IV), benefícios assistenciais (V), certidão de tempo de contribuição (VI),
 * seguro-defeso do pescador artesanal — SDPA (VII) and benefícios por incapacidade (VIII), the
 * latter only when the task generated a subtask 17436, 17456, 17775 or 17776 (§4) and was not
 * processed in SABI (§5). Out-of-scope tasks are never sent to supervision (§1); an error found in
 * them is corrected through REVOFICIO 5172 (§2), or REVOFIBI 17475 for SABI incapacity cases (§5).
 */
export const SCOPE_SPECIES: Readonly<Record<string, { inciso: string; label: string }>> = {
  '41': { inciso: 'I', label: 'Aposentadoria por idade / programada' },
  '42': { inciso: 'I', label: 'Aposentadoria por tempo de contribuição' },
  '46': { inciso: 'I', label: 'Aposentadoria especial' },
  '57': { inciso: 'I', label: 'Aposentadoria por tempo de contribuição de professor' },
  '21': { inciso: 'II', label: 'Pensão por morte previdenciária' },
  '93': { inciso: 'II', label: 'Pensão por morte por acidente do trabalho' },
  '25': { inciso: 'III', label: 'Auxílio-reclusão' },
  '80': { inciso: 'IV', label: 'Salário-maternidade' },
  '87': { inciso: 'V', label: 'BPC/LOAS à pessoa com deficiência' },
  '88': { inciso: 'V', label: 'BPC/LOAS à pessoa idosa' },
  CTC: { inciso: 'VI', label: 'Certidão de tempo de contribuição' },
  SDPA: { inciso: 'VII', label: 'Seguro-defeso do pescador artesanal' },
};

/** Benefícios por incapacidade (art. 4, VIII): B31, B91, B32, B92. */
export const INCAPACITY_SPECIES: ReadonlySet<string> = new Set(['31', '91', '32', '92']);

/** Subtasks that bring an incapacity request into scope (art. 4 §4, I–IV). */
export const INCAPACITY_SUBTASKS: Readonly<Record<string, string>> = {
  '17436': 'Acertos para Análise - BI Urbano (TACERANAUR)',
  '17456': 'Acertos para Análise - BI Rural (TACERANARU)',
  '17775': 'Acertos para pós-perícia SIBE - Urbano (TACERANAUP)',
  '17776': 'Acertos para pós-perícia SIBE - Rural (TACERANARP)',
};

/** REVOFICIO (art. 4 §2) and REVOFIBI (art. 4 §5, art. 23 §2 XI). */
export const REVOFICIO = '5172';
export const REVOFIBI = '17475';
export type RevisionService = typeof REVOFICIO | typeof REVOFIBI;

export type ScopeDecision =
  | { inScope: true; rule: string }
  | { inScope: false; rule: string; reason: string; revisionService: RevisionService };

/** "B41", "b41", "41", "041" → "41"; "ctc" → "CTC". Unknown values are returned trimmed and upper-cased. */
export function normalizeSpecies(species: string): string {
  const t = species.trim().toUpperCase();
  const m = /^B?0*(\d+)$/.exec(t);
  if (m) return m[1]!;
  return t;
}

export interface ScopeInput {
  species: string;
  system: System;
  subtasks: readonly string[];
}

export function scopeOf(task: ScopeInput): ScopeDecision {
  const sp = normalizeSpecies(task.species);
  const listed = SCOPE_SPECIES[sp];
  if (listed) return { inScope: true, rule: `art. 4, ${listed.inciso}` };
  if (INCAPACITY_SPECIES.has(sp)) {
    if (task.system === 'SABI') {
      return {
        inScope: false,
        rule: 'art. 4 §5',
        reason:
          'Benefício por incapacidade processado no SABI: corrigir via REVOFIBI (17475), fora da supervisão.',
        revisionService: REVOFIBI,
      };
    }
    for (const s of task.subtasks) {
      if (INCAPACITY_SUBTASKS[s.trim()] !== undefined) return { inScope: true, rule: 'art. 4, VIII e §4' };
    }
    return {
      inScope: false,
      rule: 'art. 4 §4',
      reason: 'Benefício por incapacidade sem subtarefa 17436, 17456, 17775 ou 17776: fora do escopo.',
      revisionService: REVOFICIO,
    };
  }
  return {
    inScope: false,
    rule: 'art. 4 §§1–2',
    reason: `Espécie/serviço "${task.species}" fora do escopo da Supervisão Técnica: erros vão para REVOFICIO (5172).`,
    revisionService: REVOFICIO,
  };
}

/** Fast boolean form for the sampling frame (same rules as scopeOf). */
export function isInScope(species: string, system: System, subtasks: readonly string[]): boolean {
  return scopeOf({ species, system, subtasks }).inScope;
}

/**
 * Service of the revision task opened when a supervision finds an error (art. 4 §§2 and 5): SABI
 * incapacity cases go to REVOFIBI 17475, everything else to REVOFICIO 5172.
 */
export function revisionServiceFor(task: ScopeInput): RevisionService {
  const sp = normalizeSpecies(task.species);
  if (INCAPACITY_SPECIES.has(sp) && task.system === 'SABI') return REVOFIBI;
  return REVOFICIO;
}
