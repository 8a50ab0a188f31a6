/**
 * Benefit species (espécies, "B" codes) and what the request flow needs of each: the legal
 * maximum days (acordo STF RE 1.171.152, cláusula 2ª — data/reference/prazos_acordo_stf_re1171152.csv),
 * whether a medical exam and/or social evaluation is part of the instruction, and the system
 * that processes it (SABI for incapacity benefits, PAT for the rest).
 */

export interface DeadlineRow {
  benefit: string;
  species: string[];
  maxDays: number;
  counting: string;
}

/** Parses the STF agreement table (CSV with a header and quoted fields). Pure: the caller reads the file. */
export function parseDeadlineCsv(text: string): DeadlineRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const expected = ['beneficio', 'especies_relacionadas', 'prazo_maximo_dias', 'contagem'];
  if (header.join(',') !== expected.join(',')) {
    throw new Error(`cabeçalho inesperado em prazos_acordo_stf_re1171152.csv: ${header.join(',')}`);
  }
  return lines.slice(1).map((line) => {
    const [benefit, species, days, counting] = splitCsvLine(line);
    const maxDays = Number(days);
    if (!benefit || !species || !Number.isInteger(maxDays) || maxDays <= 0) {
      throw new Error(`linha inválida em prazos_acordo_stf_re1171152.csv: ${line}`);
    }
    return {
      benefit,
      species: species.split(';').map((s) => s.trim().padStart(2, '0')),
      maxDays,
      counting: counting ?? '',
    };
  });
}

export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** species code → max days. A species absent from the agreement has no legal maximum (null). */
export type DeadlineTable = ReadonlyMap<string, number>;

export function deadlineTable(rows: readonly DeadlineRow[]): DeadlineTable {
  const m = new Map<string, number>();
  for (const r of rows) for (const s of r.species) m.set(s, r.maxDays);
  return m;
}

export type AppointmentKind = 'medical_exam' | 'social_evaluation';

/**
 * Instruction steps that must happen before the clock starts.
 * - Perícia médica: benefits for incapacity (Lei 8.213/1991, arts. 42 § 1º, 59, 60 e 86; B31, B32,
 *   B36, B91, B92, B94).
 * - BPC to the person with disability: medical and social assessment (Lei 8.742/1993, art. 20, § 6º; B87).
 */
export const REQUIRED_ASSESSMENTS: Readonly<Record<string, readonly AppointmentKind[]>> = {
  '31': ['medical_exam'],
  '32': ['medical_exam'],
  '36': ['medical_exam'],
  '91': ['medical_exam'],
  '92': ['medical_exam'],
  '94': ['medical_exam'],
  '87': ['medical_exam', 'social_evaluation'],
};

export function requiredAssessments(species: string): readonly AppointmentKind[] {
  return REQUIRED_ASSESSMENTS[species] ?? [];
}

/** SABI processes incapacity benefits (perícia médica); everything else runs in the PAT. */
export function systemFor(species: string): 'PAT' | 'SABI' {
  return ['31', '32', '36', '91', '92', '94'].includes(species) ? 'SABI' : 'PAT';
}

/**
 * The species a request may be filed for in this platform (the "main species": the ones the
 * STF agreement covers). Others (legacy, encargos da União) are not filed as new requests.
 */
export const FILEABLE_SPECIES = [
  '21',
  '25',
  '31',
  '32',
  '36',
  '41',
  '42',
  '46',
  '57',
  '80',
  '87',
  '88',
  '91',
  '92',
  '93',
  '94',
] as const;
export type FileableSpecies = (typeof FILEABLE_SPECIES)[number];

/**
 * Service code of the initial-recognition task for a species. These are this platform's codes
 * ("RI-B41" = reconhecimento inicial de direito, espécie 41), not the GET/PAT catalogue numbers,
 * which are not public as a table. Appeal compliance is "CDR"; supervision revisions keep the
 * codes the supervision module sends ('5172' REVOFICIO, '17475').
 */
export function initialServiceCode(species: string): string {
  return `RI-B${species}`;
}
export const APPEAL_COMPLIANCE_SERVICE = 'CDR';
