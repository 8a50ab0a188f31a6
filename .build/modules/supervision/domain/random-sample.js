import { compareIds, sampleWithoutReplacement, Xoshiro128 } from "./prng.js";
import { statisticalSampleSize } from "./sample-size.js";
function sampleSizeFor(population, sizing) {
  if (sizing.kind === "fixed") return Math.min(population, sizing.size);
  return statisticalSampleSize(population, sizing);
}
function drawMonthlySample(frameBySr, month, sizing, seed) {
  const srs = [...frameBySr.keys()].sort(compareIds);
  const out = [];
  for (const sr of srs) {
    const ids = frameBySr.get(sr);
    ids.sort(compareIds);
    const size = sampleSizeFor(ids.length, sizing);
    const rng = Xoshiro128.fromSeed(seed, `monthly|${month}|${sr}`);
    const taskIds = sampleWithoutReplacement(ids, size, rng).sort(compareIds);
    out.push({ sr, population: ids.length, size, taskIds });
  }
  return out;
}
function targetedSelection(taskIds, criterion) {
  const c = criterion.trim();
  if (c.length < 5) throw new RangeError("Informe o crit\xE9rio da sele\xE7\xE3o direcionada (art. 8).");
  return { taskIds: [...new Set(taskIds)].sort(compareIds), criterion: c, origin: "targeted" };
}
export {
  drawMonthlySample,
  sampleSizeFor,
  targetedSelection
};
