import { dateKey, F, readFrame, readSupervisions } from "../csv/inputs.js";
import { drawExtraordinarySample, summariseHistory } from "../domain/extraordinary.js";
import { quarterRange } from "../domain/periods.js";
async function extraordinaryFromFiles(input) {
  const { start, end } = quarterRange(input.quarter);
  const startKey = dateKey(start);
  const endKey = dateKey(end);
  const history = [];
  await readSupervisions(input.history, (s) => history.push(s));
  const facts = summariseHistory(history, start);
  const profs = /* @__PURE__ */ new Map();
  const read = await readFrame(input.frame, (r) => {
    if (r.queue !== "extraordinary") return;
    if (r.concludedKey < startKey || r.concludedKey > endKey) return;
    const id = r.row.get(F.serverId);
    let p = profs.get(id);
    if (!p) {
      const h = facts.get(id);
      p = {
        serverId: id,
        production: 0,
        denied: 0,
        granted: 0,
        candidates: [],
        revisionsIdentified: h?.revisionsIdentified ?? 0,
        neverSupervised: !(h?.supervisedInEarlierExtraordinaryCycle ?? false)
      };
      profs.set(id, p);
    }
    p.production++;
    if (r.decision === "denied") p.denied++;
    else if (r.decision === "granted") p.granted++;
    if (r.inScope) p.candidates.push(r.row.get(F.taskId));
  });
  const { reference, servers } = drawExtraordinarySample([...profs.values()], input.quarter, input.seed);
  return {
    quarter: input.quarter,
    seed: input.seed,
    frame_sha256: read.sha256,
    due_in_days: 90,
    reference: {
      servers: reference.servers,
      production_mean: reference.productionMean,
      production_sd: reference.productionSd,
      denial_rate_mean: reference.denialRateMean,
      denial_rate_sd: reference.denialRateSd,
      grant_rate_mean: reference.grantRateMean,
      grant_rate_sd: reference.grantRateSd
    },
    servers: servers.map((s) => ({
      server_id: s.serverId,
      production: s.production,
      denial_rate: s.denialRate,
      grant_rate: s.grantRate,
      revisions_identified: s.revisionsIdentified,
      never_supervised: s.neverSupervised,
      flags: s.flags,
      size: s.size,
      task_ids: s.taskIds
    }))
  };
}
export {
  extraordinaryFromFiles
};
