import { compareIds } from './prng';
import type { Origin, Outcome } from './types';

/**
 * Quality indicators (art. 9; formulas of Anexo III as the issue states them), computed only over
 * supervisions whose origin is the random sample (art. 9 §1) and that have an outcome:
 *   ICON = full / total                                  (§2, Índice de Conformidade)
 *   IDR  = (full + ratified_with_revision) / total       (§3, Índice de Decisões Ratificadas)
 *   IPR  = (ratified_with_revision + not_ratified) / total (§4, Índice de Processos a Serem Reanalisados)
 *   IDNR = not_ratified / total                          (§5, Índice de Decisões Não Ratificadas)
 * Percentages rounded half-up to 2 decimals in exact integer arithmetic; each with its 95% Wilson
 * score interval (z = 1.96).
 */
export interface Counts {
  total: number;
  full: number;
  revision: number;
  notRatified: number;
}

export interface IndicatorGroup extends Counts {
  key: string;
  icon: number | null;
  idr: number | null;
  ipr: number | null;
  idnr: number | null;
  ci95: { icon: Interval; idr: Interval; ipr: Interval; idnr: Interval } | null;
}

export interface Interval {
  low: number;
  high: number;
}

export const WILSON_Z = 1.96;

/** 100·num/den rounded half-up to 2 decimals, exactly: round(10000·num/den) / 100. */
export function percent(num: number, den: number): number | null {
  if (den <= 0) return null;
  const scaled = Math.floor((2 * num * 10000 + den) / (2 * den));
  return scaled / 100;
}

/**
 * Wilson score interval for x successes in n trials, in percent rounded to 2 decimals:
 * centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
 */
export function wilson(x: number, n: number, z: number = WILSON_Z): Interval {
  if (n <= 0) return { low: 0, high: 100 };
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const r = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 100;
  return { low: r(centre - half), high: r(centre + half) };
}

export function emptyCounts(): Counts {
  return { total: 0, full: 0, revision: 0, notRatified: 0 };
}

export function addOutcome(c: Counts, outcome: Outcome): void {
  c.total++;
  if (outcome === 'full_ratification') c.full++;
  else if (outcome === 'ratified_with_revision') c.revision++;
  else c.notRatified++;
}

export function indicatorsOf(key: string, c: Counts): IndicatorGroup {
  const idrNum = c.full + c.revision;
  const iprNum = c.revision + c.notRatified;
  return {
    key,
    ...c,
    icon: percent(c.full, c.total),
    idr: percent(idrNum, c.total),
    ipr: percent(iprNum, c.total),
    idnr: percent(c.notRatified, c.total),
    ci95:
      c.total > 0
        ? {
            icon: wilson(c.full, c.total),
            idr: wilson(idrNum, c.total),
            ipr: wilson(iprNum, c.total),
            idnr: wilson(c.notRatified, c.total),
          }
        : null,
  };
}

export type GroupBy = 'sr' | 'gex' | 'server' | 'cycle' | 'all';

export interface IndicatorInput {
  origin: Origin;
  outcome: Outcome | null;
  cycle: string;
  sr: string;
  gex: string;
  serverId: string;
}

/** art. 9 §1: only random-sample supervisions with an outcome count. */
export function countsForIndicators(
  base: Iterable<IndicatorInput>,
  by: GroupBy,
  cycle?: string,
): Map<string, Counts> {
  const groups = new Map<string, Counts>();
  for (const s of base) {
    if (s.origin !== 'random' || s.outcome === null) continue;
    if (cycle !== undefined && s.cycle !== cycle) continue;
    const key =
      by === 'sr'
        ? s.sr
        : by === 'gex'
          ? s.gex
          : by === 'server'
            ? s.serverId
            : by === 'cycle'
              ? s.cycle
              : 'all';
    let c = groups.get(key);
    if (!c) {
      c = emptyCounts();
      groups.set(key, c);
    }
    addOutcome(c, s.outcome);
  }
  return groups;
}

export function computeIndicators(
  base: Iterable<IndicatorInput>,
  by: GroupBy,
  cycle?: string,
): IndicatorGroup[] {
  const groups = countsForIndicators(base, by, cycle);
  return [...groups.keys()].sort(compareIds).map((k) => indicatorsOf(k, groups.get(k)!));
}
