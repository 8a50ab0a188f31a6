import { F, readFrame, readServers, readSupervisions } from '../csv/inputs';
import { compareIds } from '../domain/prng';
import { normalizeSpecies } from '../domain/scope';
import {
  currentSamplePoint,
  DEFAULT_TASKS_PER_POINT,
  drawTrainingTasks,
  inWindow,
  type SamplePoint,
  type WindowTask,
} from '../domain/training-track';

/**
 * `supervision training-track`: the new servers whose sample point (art. 18) is current on
 * `date`, each with the tasks drawn from its window (arts. 18 and 21).
 */
export interface TrainingTrackFromFilesInput {
  frame: string;
  servers: string;
  history: string;
  date: string;
  seed: string;
  perServer?: number;
}

export async function trainingTrackFromFiles(input: TrainingTrackFromFilesInput) {
  const servers = await readServers(input.servers);
  const due = new Map<string, { point: SamplePoint; tasks: WindowTask[]; allSpecies: Map<string, string> }>();
  for (const s of servers.sort((a, b) => compareIds(a.serverId, b.serverId))) {
    const point = currentSamplePoint(s.startDate, input.date);
    if (point) due.set(s.serverId, { point, tasks: [], allSpecies: new Map() });
  }
  const supervisedTasks = new Map<string, Set<string>>(); // server → task ids of training-track supervisions
  await readSupervisions(input.history, (h) => {
    if (h.origin !== 'training_track' || !due.has(h.serverId)) return;
    let set = supervisedTasks.get(h.serverId);
    if (!set) {
      set = new Set();
      supervisedTasks.set(h.serverId, set);
    }
    set.add(h.taskId);
  });
  const read = await readFrame(input.frame, (r) => {
    const id = r.row.get(F.serverId);
    const d = due.get(id);
    if (!d) return;
    const taskId = r.row.get(F.taskId);
    const species = r.row.get(F.species);
    if (supervisedTasks.get(id)?.has(taskId)) d.allSpecies.set(taskId, species);
    if (r.inScope && inWindow(d.point, r.row.get(F.concludedAt))) d.tasks.push({ taskId, species });
  });
  const out = [];
  for (const [serverId, d] of due) {
    // Species already supervised in the track: earlier supervisions whose task is not in this window.
    const inThisWindow = new Set(d.tasks.map((t) => t.taskId));
    const covered = new Set<string>();
    for (const [taskId, species] of d.allSpecies)
      if (!inThisWindow.has(taskId)) covered.add(normalizeSpecies(species));
    const taskIds = drawTrainingTasks(
      serverId,
      d.point,
      d.tasks,
      covered,
      input.seed,
      input.perServer ?? DEFAULT_TASKS_PER_POINT,
    );
    out.push({
      server_id: serverId,
      sample_point_days: d.point.days,
      window_start: d.point.windowStart,
      window_end: d.point.windowEnd,
      due_date: d.point.dueDate,
      window_tasks: d.tasks.length,
      species_already_supervised: [...covered].sort(compareIds),
      task_ids: taskIds,
    });
  }
  return { date: input.date, seed: input.seed, frame_sha256: read.sha256, servers: out };
}
