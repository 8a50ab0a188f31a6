import { cycleStart } from './periods';
import { compareIds, sampleWithoutReplacement, Xoshiro128 } from './prng';
import type { SupervisionRecord } from './types';

/**
 * Quarterly stratified sample of the extraordinary queues (arts. 10–12; strata = professionals,
 * art. 11 §1).
 *
 * - art. 11 §2: every professional who worked the extraordinary queues and was never supervised in
 *   an earlier extraordinary cycle gets at least 1 process.
 * - art. 11 §3: at least 10 processes (all of them when fewer) for a professional who meets any of
 *   I   production in the quarter > mean + 2σ,
 *   II  3 or more revisions identified in supervisions of earlier periods,
 *   III denial rate > mean + 2σ,
 *   IV  grant rate > mean + 2σ,
 *   mean and σ being population statistics (σ = √(Σ(x−μ)²/N)) over the professionals with
 *   production ≥ 150 in the quarter; every professional is tested against those references.
 * - art. 12: the cycle must be concluded in 90 days.
 */
export const REFERENCE_MIN_PRODUCTION = 150; // art. 11 §3, I, III, IV
export const FLAGGED_MIN_SIZE = 10; // art. 11 §3
export const NEVER_SUPERVISED_MIN_SIZE = 1; // art. 11 §2
export const REVISIONS_THRESHOLD = 3; // art. 11 §3, II
export const EXTRAORDINARY_CYCLE_DAYS = 90; // art. 12
/** Tolerance for the rate comparisons (rates are ratios in [0,1] computed in binary floating point). */
export const RATE_EPSILON = 1e-12;

export type ExtraordinaryFlag = 'production' | 'revisions' | 'denial_rate' | 'grant_rate';

export interface ProfessionalQuarter {
  serverId: string;
  /** Tasks concluded in the extraordinary queues in the quarter. */
  production: number;
  denied: number;
  granted: number;
  /** In-scope (art. 4) task ids the sample may draw from. */
  candidates: string[];
  /** Supervisions of earlier periods concluded with revision or not ratified (art. 11 §3, II). */
  revisionsIdentified: number;
  /** No supervision of origin extraordinary in an earlier cycle (art. 11 §2). */
  neverSupervised: boolean;
}

export interface ReferenceStats {
  servers: number;
  productionMean: number | null;
  productionSd: number | null;
  denialRateMean: number | null;
  denialRateSd: number | null;
  grantRateMean: number | null;
  grantRateSd: number | null;
  /** Exact sums for the production test (integers). */
  productionSum: number;
  productionSumSq: bigint;
}

export interface ProfessionalSample {
  serverId: string;
  production: number;
  denialRate: number;
  grantRate: number;
  revisionsIdentified: number;
  neverSupervised: boolean;
  flags: ExtraordinaryFlag[];
  size: number;
  taskIds: string[];
}

function meanSd(xs: number[]): { mean: number; sd: number } {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, sd: Math.sqrt(ss / n) };
}

export function referenceStats(profs: readonly ProfessionalQuarter[]): ReferenceStats {
  // Canonical order (server id) so that floating-point sums do not depend on the input order.
  const ref = profs
    .filter((p) => p.production >= REFERENCE_MIN_PRODUCTION)
    .sort((a, b) => compareIds(a.serverId, b.serverId));
  if (ref.length === 0) {
    return {
      servers: 0,
      productionMean: null,
      productionSd: null,
      denialRateMean: null,
      denialRateSd: null,
      grantRateMean: null,
      grantRateSd: null,
      productionSum: 0,
      productionSumSq: 0n,
    };
  }
  const prod = meanSd(ref.map((p) => p.production));
  const den = meanSd(ref.map((p) => p.denied / p.production));
  const gra = meanSd(ref.map((p) => p.granted / p.production));
  let sum = 0;
  let sumSq = 0n;
  for (const p of ref) {
    sum += p.production;
    sumSq += BigInt(p.production) * BigInt(p.production);
  }
  return {
    servers: ref.length,
    productionMean: prod.mean,
    productionSd: prod.sd,
    denialRateMean: den.mean,
    denialRateSd: den.sd,
    grantRateMean: gra.mean,
    grantRateSd: gra.sd,
    productionSum: sum,
    productionSumSq: sumSq,
  };
}

/**
 * art. 11 §3, I, decided in exact integer arithmetic: with N reference professionals, S1 = Σp,
 * S2 = Σp², x > μ + 2σ ⇔ N·x − S1 > 0 and (N·x − S1)² > 4·(N·S2 − S1²).
 */
export function productionAboveReference(x: number, ref: ReferenceStats): boolean {
  if (ref.servers === 0) return false;
  const n = BigInt(ref.servers);
  const d = n * BigInt(x) - BigInt(ref.productionSum);
  if (d <= 0n) return false;
  return d * d > 4n * (n * ref.productionSumSq - BigInt(ref.productionSum) * BigInt(ref.productionSum));
}

function rateAbove(x: number, mean: number | null, sd: number | null): boolean {
  if (mean === null || sd === null) return false;
  return x - (mean + 2 * sd) > RATE_EPSILON;
}

export function flagsOf(p: ProfessionalQuarter, ref: ReferenceStats): ExtraordinaryFlag[] {
  const flags: ExtraordinaryFlag[] = [];
  if (productionAboveReference(p.production, ref)) flags.push('production'); // §3, I
  if (p.revisionsIdentified >= REVISIONS_THRESHOLD) flags.push('revisions'); // §3, II
  if (p.production > 0 && rateAbove(p.denied / p.production, ref.denialRateMean, ref.denialRateSd))
    flags.push('denial_rate'); // §3, III
  if (p.production > 0 && rateAbove(p.granted / p.production, ref.grantRateMean, ref.grantRateSd))
    flags.push('grant_rate'); // §3, IV
  return flags;
}

/** Size of a professional's stratum: ≥10 (or all) when flagged (§3), ≥1 when never supervised (§2), else 0. */
export function stratumSize(
  flags: readonly ExtraordinaryFlag[],
  neverSupervised: boolean,
  available: number,
): number {
  if (flags.length > 0) return Math.min(FLAGGED_MIN_SIZE, available);
  if (neverSupervised) return Math.min(NEVER_SUPERVISED_MIN_SIZE, available);
  return 0;
}

export function drawExtraordinarySample(
  profs: readonly ProfessionalQuarter[],
  quarter: string,
  seed: string,
): { reference: ReferenceStats; servers: ProfessionalSample[] } {
  const reference = referenceStats(profs);
  const sorted = [...profs].sort((a, b) => compareIds(a.serverId, b.serverId));
  const servers = sorted.map((p): ProfessionalSample => {
    const flags = flagsOf(p, reference);
    const size = stratumSize(flags, p.neverSupervised, p.candidates.length);
    let taskIds: string[] = [];
    if (size > 0) {
      const frame = [...p.candidates].sort(compareIds);
      taskIds = sampleWithoutReplacement(
        frame,
        size,
        Xoshiro128.fromSeed(seed, `extraordinary|${quarter}|${p.serverId}`),
      ).sort(compareIds);
    }
    return {
      serverId: p.serverId,
      production: p.production,
      denialRate: p.production > 0 ? p.denied / p.production : 0,
      grantRate: p.production > 0 ? p.granted / p.production : 0,
      revisionsIdentified: p.revisionsIdentified,
      neverSupervised: p.neverSupervised,
      flags,
      size: taskIds.length,
      taskIds,
    };
  });
  return { reference, servers };
}

export interface HistoryFacts {
  revisionsIdentified: number;
  supervisedInEarlierExtraordinaryCycle: boolean;
}

/**
 * Summarises the supervision history for a quarter: a supervision belongs to an earlier period
 * when its cycle starts before the quarter (cycle labels YYYY-MM, YYYY-Qn or a date; other labels
 * fall back to the supervision's conclusion date). Revisions identified (art. 11 §3, II) are the
 * concluded supervisions of earlier periods with outcome ratified_with_revision or not_ratified;
 * "supervised in an earlier cycle" (art. 11 §2) is any supervision of origin extraordinary of an
 * earlier cycle, pending or not.
 */
export function summariseHistory(
  history: Iterable<SupervisionRecord>,
  quarterStart: string,
): Map<string, HistoryFacts> {
  const out = new Map<string, HistoryFacts>();
  for (const h of history) {
    const start = cycleStart(h.cycle) ?? h.concludedAt;
    if (start === null || start >= quarterStart) continue;
    let f = out.get(h.serverId);
    if (!f) {
      f = { revisionsIdentified: 0, supervisedInEarlierExtraordinaryCycle: false };
      out.set(h.serverId, f);
    }
    if (h.origin === 'extraordinary') f.supervisedInEarlierExtraordinaryCycle = true;
    if (h.outcome === 'ratified_with_revision' || h.outcome === 'not_ratified') f.revisionsIdentified++;
  }
  return out;
}
