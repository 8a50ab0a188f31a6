import { CsvInputError } from "../csv/csv-reader.js";
import { dateKey, F, readFrame } from "../csv/inputs.js";
import { monthRange } from "../domain/periods.js";
import { compareIds } from "../domain/prng.js";
import { drawMonthlySample } from "../domain/random-sample.js";
async function sampleFromFiles(input) {
  const { start, end } = monthRange(input.month);
  const startKey = dateKey(start);
  const endKey = dateKey(end);
  const bySr = /* @__PURE__ */ new Map();
  let lastSr = "";
  let lastList = [];
  const read = await readFrame(input.frame, (r) => {
    if (!r.inScope) return;
    if (r.concludedKey < startKey || r.concludedKey > endKey) return;
    if (!r.row.equals(F.sr, lastSr)) {
      const sr = r.row.get(F.sr);
      let l = bySr.get(sr);
      if (!l) {
        l = [];
        bySr.set(sr, l);
      }
      lastSr = sr;
      lastList = l;
    }
    lastList.push(r.row.get(F.taskId));
  });
  for (const ids of bySr.values()) {
    ids.sort(compareIds);
    for (let k = 1; k < ids.length; k++) {
      if (ids[k] === ids[k - 1])
        throw new CsvInputError(0, `task_id repetido no quadro de amostragem: "${ids[k]}".`);
    }
  }
  const srs = drawMonthlySample(bySr, input.month, input.sizing, input.seed);
  return {
    month: input.month,
    seed: input.seed,
    frame_sha256: read.sha256,
    frame_rows: read.rows,
    sizing: input.sizing,
    prng: 'xoshiro128** seeded with SHA-256("<seed>|monthly|<month>|<sr>"), partial Fisher-Yates over task_ids sorted',
    srs: srs.map((s) => ({ sr: s.sr, population: s.population, size: s.size, task_ids: s.taskIds }))
  };
}
export {
  sampleFromFiles
};
