import { compareIds } from './prng';

/**
 * Assignment of supervisions within the SR's supervisor team (art. 6; art. 7 §3): never to the
 * server who concluded the request; the least-loaded supervisor first (pending supervisions),
 * ties broken by id, so the result is deterministic.
 */
export function pickSupervisor(
  team: readonly string[],
  concludedBy: string | null,
  load: Map<string, number>,
): string | null {
  let best: string | null = null;
  for (const s of [...team].sort(compareIds)) {
    if (s === concludedBy) continue;
    if (best === null || (load.get(s) ?? 0) < (load.get(best) ?? 0)) best = s;
  }
  if (best !== null) load.set(best, (load.get(best) ?? 0) + 1);
  return best;
}
