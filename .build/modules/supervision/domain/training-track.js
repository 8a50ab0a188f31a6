import { LocalDate } from "../../../platform/values/dates.js";
import { compareIds, Xoshiro128 } from "./prng.js";
import { normalizeSpecies } from "./scope.js";
const TRAINING_POINTS = [30, 45, 60, 75, 90, 105, 120, 135, 150, 165];
const TRAINING_CYCLE_DAYS = 15;
const TRAINING_DAYS = 180;
const DEFAULT_TASKS_PER_POINT = 1;
function currentSamplePoint(startDate, date) {
  const elapsed = LocalDate.daysBetween(startDate, date);
  let chosen = null;
  for (const p of TRAINING_POINTS) if (elapsed >= p && elapsed < p + TRAINING_CYCLE_DAYS) chosen = p;
  if (chosen === null) return null;
  return samplePoint(startDate, chosen);
}
function samplePoint(startDate, days) {
  const idx = TRAINING_POINTS.indexOf(days);
  if (idx < 0) throw new RangeError(`ponto de amostra inv\xE1lido: ${days} dias (art. 18).`);
  const prev = idx === 0 ? 0 : TRAINING_POINTS[idx - 1];
  const windowEnd = LocalDate.addDays(startDate, days);
  return {
    days,
    windowStart: LocalDate.addDays(startDate, prev),
    windowEnd,
    dueDate: LocalDate.addDays(windowEnd, TRAINING_CYCLE_DAYS)
  };
}
function inWindow(point, concludedAt) {
  return concludedAt > point.windowStart && concludedAt <= point.windowEnd;
}
function drawTrainingTasks(serverId, point, windowTasks, supervisedSpecies, seed, count = DEFAULT_TASKS_PER_POINT) {
  const remaining = [...windowTasks].sort((a, b) => compareIds(a.taskId, b.taskId));
  const covered = new Set([...supervisedSpecies].map(normalizeSpecies));
  const rng = Xoshiro128.fromSeed(seed, `training|${serverId}|${point.days}`);
  const out = [];
  while (out.length < count && remaining.length > 0) {
    const fresh = remaining.filter((t) => !covered.has(normalizeSpecies(t.species)));
    const pool = fresh.length > 0 ? fresh : remaining;
    const pick = pool[rng.uniform(pool.length)];
    out.push(pick.taskId);
    covered.add(normalizeSpecies(pick.species));
    remaining.splice(remaining.indexOf(pick), 1);
  }
  return out.sort(compareIds);
}
export {
  DEFAULT_TASKS_PER_POINT,
  TRAINING_CYCLE_DAYS,
  TRAINING_DAYS,
  TRAINING_POINTS,
  currentSamplePoint,
  drawTrainingTasks,
  inWindow,
  samplePoint
};
