import { F, readFrame, readServers, readSupervisions } from "../csv/inputs.js";
import { compareIds } from "../domain/prng.js";
import { normalizeSpecies } from "../domain/scope.js";
import {
  currentSamplePoint,
  DEFAULT_TASKS_PER_POINT,
  drawTrainingTasks,
  inWindow
} from "../domain/training-track.js";
async function trainingTrackFromFiles(input) {
  const servers = await readServers(input.servers);
  const due = /* @__PURE__ */ new Map();
  for (const s of servers.sort((a, b) => compareIds(a.serverId, b.serverId))) {
    const point = currentSamplePoint(s.startDate, input.date);
    if (point) due.set(s.serverId, { point, tasks: [], allSpecies: /* @__PURE__ */ new Map() });
  }
  const supervisedTasks = /* @__PURE__ */ new Map();
  await readSupervisions(input.history, (h) => {
    if (h.origin !== "training_track" || !due.has(h.serverId)) return;
    let set = supervisedTasks.get(h.serverId);
    if (!set) {
      set = /* @__PURE__ */ new Set();
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
    const inThisWindow = new Set(d.tasks.map((t) => t.taskId));
    const covered = /* @__PURE__ */ new Set();
    for (const [taskId, species] of d.allSpecies)
      if (!inThisWindow.has(taskId)) covered.add(normalizeSpecies(species));
    const taskIds = drawTrainingTasks(
      serverId,
      d.point,
      d.tasks,
      covered,
      input.seed,
      input.perServer ?? DEFAULT_TASKS_PER_POINT
    );
    out.push({
      server_id: serverId,
      sample_point_days: d.point.days,
      window_start: d.point.windowStart,
      window_end: d.point.windowEnd,
      due_date: d.point.dueDate,
      window_tasks: d.tasks.length,
      species_already_supervised: [...covered].sort(compareIds),
      task_ids: taskIds
    });
  }
  return { date: input.date, seed: input.seed, frame_sha256: read.sha256, servers: out };
}
export {
  trainingTrackFromFiles
};
