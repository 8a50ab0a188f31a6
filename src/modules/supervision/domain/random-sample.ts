import { compareIds, sampleWithoutReplacement, Xoshiro128 } from './prng';
import { type SampleSizeParams, statisticalSampleSize } from './sample-size';

/**
 * Monthly random sample (art. 7 caput and §2): per Superintendência Regional, a simple random
 * sample without replacement of the in-scope (art. 4) requests concluded in the month. The size
 * is fixed per SR (all of them when the SR concluded fewer) or statistical (see sample-size.ts).
 * Reproducible: frame sorted canonically (task_id), one PRNG stream per SR seeded from
 * SHA-256(`<seed>|monthly|<month>|<sr>`) (see prng.ts).
 */
export type SampleSizing = { kind: 'fixed'; size: number } | ({ kind: 'statistical' } & SampleSizeParams);

export interface SrSample {
  sr: string;
  population: number;
  size: number;
  /** Selected task ids in canonical (sorted) order. */
  taskIds: string[];
}

export function sampleSizeFor(population: number, sizing: SampleSizing): number {
  if (sizing.kind === 'fixed') return Math.min(population, sizing.size);
  return statisticalSampleSize(population, sizing);
}

/**
 * @param frameBySr in-scope task ids concluded in the month, grouped by SR (any order: they are sorted here).
 */
export function drawMonthlySample(
  frameBySr: ReadonlyMap<string, string[]>,
  month: string,
  sizing: SampleSizing,
  seed: string,
): SrSample[] {
  const srs = [...frameBySr.keys()].sort(compareIds);
  const out: SrSample[] = [];
  for (const sr of srs) {
    const ids = frameBySr.get(sr)!;
    ids.sort(compareIds);
    const size = sampleSizeFor(ids.length, sizing);
    const rng = Xoshiro128.fromSeed(seed, `monthly|${month}|${sr}`);
    const taskIds = sampleWithoutReplacement(ids, size, rng).sort(compareIds);
    out.push({ sr, population: ids.length, size, taskIds });
  }
  return out;
}

/**
 * Targeted selections (art. 7 §1, art. 8) are recorded with the criterion that chose them and
 * never enter the indicators (art. 9 §1). This builds the record; the criterion is mandatory.
 */
export interface TargetedSelection {
  taskIds: string[];
  criterion: string;
  origin: 'targeted';
}

export function targetedSelection(taskIds: readonly string[], criterion: string): TargetedSelection {
  const c = criterion.trim();
  if (c.length < 5) throw new RangeError('Informe o critério da seleção direcionada (art. 8).');
  return { taskIds: [...new Set(taskIds)].sort(compareIds), criterion: c, origin: 'targeted' };
}
