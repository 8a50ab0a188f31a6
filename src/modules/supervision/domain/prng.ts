import { createHash } from 'node:crypto';

/**
 * Reproducible pseudo-random numbers for the samples (art. 7, art. 11 §1, art. 18), documented so
 * an auditor can re-run a draw with any implementation:
 *
 * 1. seed material = SHA-256 (UTF-8) of the string `<seed>|<stream>` where `stream` names the
 *    draw (e.g. `monthly|2025-10|SR1`). One independent stream per stratum, so adding or removing
 *    one SR or server never changes the draw of another.
 * 2. state = the first 16 bytes of the digest read as four little-endian uint32 (s0, s1, s2, s3);
 *    an all-zero state (probability 2^-128) is replaced by (1, 2, 3, 4).
 * 3. generator = xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c):
 *    result = rotl(s1 * 5, 7) * 9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
 *    s3 = rotl(s3, 11) — all arithmetic modulo 2^32.
 * 4. uniform integer in [0, bound) by rejection, no modulo bias: threshold = (2^32 − bound) mod
 *    bound; draw r until r ≥ threshold; return r mod bound.
 * 5. sample without replacement of k out of a frame of N (sorted canonically by the caller):
 *    partial Fisher–Yates — for i = 0 … k−1: j = i + uniform(N − i); swap(frame[i], frame[j]);
 *    the sample is frame[0 … k−1].
 * (SHA-256 is the node:crypto implementation, the only IO-free dependency; the sha is a pure function.)
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((x) => x >>> 0) as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) [this.s0, this.s1, this.s2, this.s3] = [1, 2, 3, 4];
  }

  static fromSeed(seed: string, stream: string): Xoshiro128 {
    const d = createHash('sha256').update(`${seed}|${stream}`, 'utf8').digest();
    return new Xoshiro128([d.readUInt32LE(0), d.readUInt32LE(4), d.readUInt32LE(8), d.readUInt32LE(12)]);
  }

  /** Next uint32. */
  next(): number {
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
  uniform(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > 0x100000000)
      throw new RangeError(`bound inválido: ${bound}`);
    const threshold = (0x100000000 - bound) % bound;
    for (;;) {
      const r = this.next();
      if (r >= threshold) return r % bound;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Simple random sample without replacement (partial Fisher–Yates, step 5 above) of `k` items of
 * `frame`, which must already be in canonical order. Returns the drawn items in draw order; the
 * input array is not modified. k ≥ N returns the whole frame (census).
 */
export function sampleWithoutReplacement<T>(frame: readonly T[], k: number, rng: Xoshiro128): T[] {
  const n = frame.length;
  if (k >= n) return frame.slice();
  // Sparse Fisher–Yates: only the touched positions are materialised (k ≪ N for a national frame).
  const swapped = new Map<number, number>();
  const out: T[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + rng.uniform(n - i);
    const vj = swapped.get(j) ?? j;
    const vi = swapped.get(i) ?? i;
    swapped.set(j, vi);
    out.push(frame[vj]!);
  }
  return out;
}

/** Canonical order of identifiers: by code units (same as a byte-wise sort of ASCII ids). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
