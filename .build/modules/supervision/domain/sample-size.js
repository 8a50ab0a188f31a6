const DEFAULT_SAMPLE_SIZE = { confidence: 0.95, margin: 0.05, expected: 0.5 };
function zForConfidence(confidence) {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError("confian\xE7a deve estar entre 0 e 1 (exclusive).");
  if (confidence === 0.95) return 1.96;
  return inverseNormal((1 + confidence) / 2);
}
function infiniteSampleSize(p) {
  if (!(p.margin > 0 && p.margin < 1)) throw new RangeError("margem deve estar entre 0 e 1 (exclusive).");
  if (!(p.expected >= 0 && p.expected <= 1))
    throw new RangeError("propor\xE7\xE3o esperada deve estar entre 0 e 1.");
  const z = zForConfidence(p.confidence);
  return z * z * p.expected * (1 - p.expected) / (p.margin * p.margin);
}
function statisticalSampleSize(population, p = DEFAULT_SAMPLE_SIZE) {
  if (population <= 0) return 0;
  const n0 = infiniteSampleSize(p);
  const n = n0 / (1 + (n0 - 1) / population);
  const snapped = Math.abs(n - Math.round(n)) < 1e-9 ? Math.round(n) : n;
  return Math.min(population, Math.max(1, Math.ceil(snapped)));
}
function inverseNormal(q) {
  if (!(q > 0 && q < 1)) throw new RangeError("quantil fora de (0, 1).");
  const a = [
    -39.69683028665376,
    220.9460984245205,
    -275.9285104469687,
    138.357751867269,
    -30.66479806614716,
    2.506628277459239
  ];
  const b = [
    -54.47609879822406,
    161.5858368580409,
    -155.6989798598866,
    66.80131188771972,
    -13.28068155288572
  ];
  const c = [
    -0.007784894002430293,
    -0.3223964580411365,
    -2.400758277161838,
    -2.549732539343734,
    4.374664141464968,
    2.938163982698783
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x;
  if (q < lo) {
    const t = Math.sqrt(-2 * Math.log(q));
    x = (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
  } else if (q <= 1 - lo) {
    const t = q - 0.5;
    const r = t * t;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * t / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const t = Math.sqrt(-2 * Math.log(1 - q));
    x = -(((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
  }
  const e = 0.5 * erfc(-x / Math.SQRT2) - q;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}
function erfc(x) {
  const ax = Math.abs(x);
  let r;
  if (ax < 2) {
    let sum = ax;
    let term = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    r = 1 - 2 / Math.sqrt(Math.PI) * sum;
  } else {
    let f = ax;
    let C = ax;
    let D = 0;
    for (let n = 1; n < 200; n++) {
      const an = n / 2;
      D = ax + an * D;
      D = D === 0 ? 1e-300 : 1 / D;
      C = ax + an / C;
      if (C === 0) C = 1e-300;
      const delta = C * D;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    r = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? r : 2 - r;
}
export {
  DEFAULT_SAMPLE_SIZE,
  erfc,
  infiniteSampleSize,
  inverseNormal,
  statisticalSampleSize,
  zForConfidence
};
