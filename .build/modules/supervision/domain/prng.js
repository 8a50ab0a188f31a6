import { createHash } from "node:crypto";
class Xoshiro128 {
  s0;
  s1;
  s2;
  s3;
  constructor(state) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((x) => x >>> 0);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) [this.s0, this.s1, this.s2, this.s3] = [1, 2, 3, 4];
  }
  static fromSeed(seed, stream) {
    const d = createHash("sha256").update(`${seed}|${stream}`, "utf8").digest();
    return new Xoshiro128([d.readUInt32LE(0), d.readUInt32LE(4), d.readUInt32LE(8), d.readUInt32LE(12)]);
  }
  /** Next uint32. */
  next() {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }
  /** Uniform integer in [0, bound), 1 ≤ bound ≤ 2^32, by rejection (no modulo bias). */
  uniform(bound) {
    if (!Number.isInteger(bound) || bound < 1 || bound > 4294967296)
      throw new RangeError(`bound inv\xE1lido: ${bound}`);
    const threshold = (4294967296 - bound) % bound;
    for (; ; ) {
      const r = this.next();
      if (r >= threshold) return r % bound;
    }
  }
}
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}
function sampleWithoutReplacement(frame, k, rng) {
  const n = frame.length;
  if (k >= n) return frame.slice();
  const swapped = /* @__PURE__ */ new Map();
  const out = [];
  for (let i = 0; i < k; i++) {
    const j = i + rng.uniform(n - i);
    const vj = swapped.get(j) ?? j;
    const vi = swapped.get(i) ?? i;
    swapped.set(j, vi);
    out.push(frame[vj]);
  }
  return out;
}
function compareIds(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sha256Hex(text) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
export {
  Xoshiro128,
  compareIds,
  sampleWithoutReplacement,
  sha256Hex
};
