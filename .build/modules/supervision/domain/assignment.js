import { compareIds } from "./prng.js";
function pickSupervisor(team, concludedBy, load) {
  let best = null;
  for (const s of [...team].sort(compareIds)) {
    if (s === concludedBy) continue;
    if (best === null || (load.get(s) ?? 0) < (load.get(best) ?? 0)) best = s;
  }
  if (best !== null) load.set(best, (load.get(best) ?? 0) + 1);
  return best;
}
export {
  pickSupervisor
};
