import { LocalDate } from '../../../platform/values/dates';
import { compareIds, Xoshiro128 } from './prng';
import { normalizeSpecies } from './scope';

/**
 * Training track of new servers (arts. 16–21).
 * - art. 18: ten samples, 30, 45, 60, …, 165 days after the start of exercise;
 * - each sample draws from the tasks the server concluded in the window (previous point, this
 *   point] — for the first point (start date, day 30];
 * - art. 21: at least 1 process per server per fortnightly cycle (default 1), and within the 180
 *   days every species the server analysed must be covered: the draw prefers species the server has
 *   not had supervised in the training track yet, whenever the window has any;
 * - art. 20: the cycle closes in 15 days.
 */
export const TRAINING_POINTS = [30, 45, 60, 75, 90, 105, 120, 135, 150, 165] as const; // art. 18, I–X
export const TRAINING_CYCLE_DAYS = 15; // art. 20
export const TRAINING_DAYS = 180; // art. 21 parágrafo único
export const DEFAULT_TASKS_PER_POINT = 1; // art. 21

export interface SamplePoint {
  /** Days after the start date (30 … 165). */
  days: number;
  /** Exclusive lower bound of the window (previous point, or the start date for the first). */
  windowStart: string;
  /** Inclusive upper bound: start date + days. */
  windowEnd: string;
  /** Deadline to conclude the cycle (art. 20). */
  dueDate: string;
}

/**
 * The sample point a server is in on `date`: the latest point P with start + P ≤ date, while
 * date < start + P + 15 (the next point takes over after 15 days; nothing after day 180).
 */
export function currentSamplePoint(startDate: string, date: string): SamplePoint | null {
  const elapsed = LocalDate.daysBetween(startDate, date);
  let chosen: number | null = null;
  for (const p of TRAINING_POINTS) if (elapsed >= p && elapsed < p + TRAINING_CYCLE_DAYS) chosen = p;
  if (chosen === null) return null;
  return samplePoint(startDate, chosen);
}

export function samplePoint(startDate: string, days: number): SamplePoint {
  const idx = TRAINING_POINTS.indexOf(days as (typeof TRAINING_POINTS)[number]);
  if (idx < 0) throw new RangeError(`ponto de amostra inválido: ${days} dias (art. 18).`);
  const prev = idx === 0 ? 0 : TRAINING_POINTS[idx - 1]!;
  const windowEnd = LocalDate.addDays(startDate, days);
  return {
    days,
    windowStart: LocalDate.addDays(startDate, prev),
    windowEnd,
    dueDate: LocalDate.addDays(windowEnd, TRAINING_CYCLE_DAYS),
  };
}

/** True when `concludedAt` lies in (windowStart, windowEnd]. */
export function inWindow(point: SamplePoint, concludedAt: string): boolean {
  return concludedAt > point.windowStart && concludedAt <= point.windowEnd;
}

export interface WindowTask {
  taskId: string;
  species: string;
}

/**
 * Draws `count` tasks from the window. Each draw prefers the species not yet covered (species of
 * earlier training-track supervisions plus those drawn in this point); among the preferred tasks
 * (or all remaining, when every species is covered) the draw is uniform. PRNG stream
 * `training|<serverId>|<days>` (see prng.ts); tasks sorted by task_id first.
 */
export function drawTrainingTasks(
  serverId: string,
  point: SamplePoint,
  windowTasks: readonly WindowTask[],
  supervisedSpecies: ReadonlySet<string>,
  seed: string,
  count: number = DEFAULT_TASKS_PER_POINT,
): string[] {
  const remaining = [...windowTasks].sort((a, b) => compareIds(a.taskId, b.taskId));
  const covered = new Set([...supervisedSpecies].map(normalizeSpecies));
  const rng = Xoshiro128.fromSeed(seed, `training|${serverId}|${point.days}`);
  const out: string[] = [];
  while (out.length < count && remaining.length > 0) {
    const fresh = remaining.filter((t) => !covered.has(normalizeSpecies(t.species)));
    const pool = fresh.length > 0 ? fresh : remaining;
    const pick = pool[rng.uniform(pool.length)]!;
    out.push(pick.taskId);
    covered.add(normalizeSpecies(pick.species));
    remaining.splice(remaining.indexOf(pick), 1);
  }
  return out.sort(compareIds);
}
