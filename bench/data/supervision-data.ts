import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/**
 * Deterministic synthetic inputs for bench/supervision.ts (same sizes → same bytes): a national
 * month of concluded tasks, a quarter of extraordinary queues and a file of supervisions.
 * Generator: mulberry32 seeded with a constant (benchmark data only, not the audit PRNG).
 */
function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIES = [
  'B41',
  'B42',
  'B46',
  'B57',
  'B21',
  'B93',
  'B25',
  'B80',
  'B87',
  'B88',
  'CTC',
  'SDPA',
  'B31',
  'B91',
  'B32',
  'B92',
  'B36',
  'B94',
];
const SUBTASKS = ['', '', '17436', '17456', '17775', '17776', '17436;12345', '99999'];
const DECISIONS = ['granted', 'granted', 'granted', 'denied', 'denied', 'other'];

async function writeLines(path: string, header: string, n: number, row: (i: number) => string) {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += row(i);
    buf += '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
}

const FRAME_HEADER =
  'task_id,protocol,service_code,species,sr,gex,server_id,queue,system,subtasks,concluded_at,decision';

/** A national month: `rows` tasks concluded in `month`, 27 SRs, 100 GEX, 20,000 servers. */
export async function writeNationalMonth(path: string, rows: number, month = '2025-10') {
  const rnd = mulberry32(20251021);
  await writeLines(path, FRAME_HEADER, rows, (i) => {
    const sr = 1 + Math.floor(rnd() * 27);
    const gex = sr * 10 + Math.floor(rnd() * 4);
    const sp = SPECIES[Math.floor(rnd() * SPECIES.length)]!;
    const inc = sp === 'B31' || sp === 'B91' || sp === 'B32' || sp === 'B92';
    const sub = inc ? SUBTASKS[Math.floor(rnd() * SUBTASKS.length)]! : '';
    const sys = inc && rnd() < 0.3 ? 'SABI' : 'PAT';
    const day = 1 + Math.floor(rnd() * 28);
    const q = rnd();
    const queue = q < 0.8 ? 'regular' : q < 0.95 ? 'extraordinary' : 'training';
    return `T${String(i).padStart(8, '0')},P${String(i * 7 + 13).padStart(10, '0')},${inc ? '1001' : '2002'},${sp},SR${sr},GEX${gex},S${String(Math.floor(rnd() * 20000)).padStart(5, '0')},${queue},${sys},${sub},${month}-${String(day).padStart(2, '0')},${DECISIONS[Math.floor(rnd() * DECISIONS.length)]}`;
  });
}

/** A quarter of extraordinary queues: `rows` tasks over `servers` professionals (skewed production). */
export async function writeExtraordinaryQuarter(
  path: string,
  rows: number,
  servers: number,
  quarterStart = '2025-07',
) {
  const rnd = mulberry32(20250701);
  const weight = Array.from({ length: servers }, () => 0.2 + rnd() * rnd() * 3);
  const cum: number[] = [];
  let s = 0;
  for (const w of weight) {
    s += w;
    cum.push(s);
  }
  const pick = () => {
    const x = rnd() * s;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const y = Number(quarterStart.slice(0, 4));
  const m0 = Number(quarterStart.slice(5, 7));
  await writeLines(path, FRAME_HEADER, rows, (i) => {
    const srv = pick();
    const sp = SPECIES[Math.floor(rnd() * 12)]!;
    const month = m0 + Math.floor(rnd() * 3);
    const day = 1 + Math.floor(rnd() * 28);
    const bias = srv % 97 === 0 ? 0.9 : 0.45;
    const dec = rnd() < bias ? 'denied' : rnd() < 0.9 ? 'granted' : 'other';
    return `X${String(i).padStart(8, '0')},P${String(i).padStart(10, '0')},2002,${sp},SR${1 + (srv % 27)},GEX${srv % 100},S${String(srv).padStart(5, '0')},extraordinary,PAT,,${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${dec}`;
  });
}

const SUP_HEADER = 'supervision_id,task_id,server_id,sr,gex,origin,cycle,concluded_at,outcome';
const ORIGINS = [
  'random',
  'random',
  'random',
  'random',
  'targeted',
  'error_indication',
  'extraordinary',
  'training_track',
];
const OUTCOMES = [
  'full_ratification',
  'full_ratification',
  'full_ratification',
  'ratified_with_revision',
  'not_ratified',
];

/** `rows` supervisions over 12 monthly cycles of 2025, with earlier-quarter history for the extraordinary run. */
export async function writeSupervisions(path: string, rows: number, servers = 5000) {
  const rnd = mulberry32(1309);
  await writeLines(path, SUP_HEADER, rows, (i) => {
    const srv = Math.floor(rnd() * servers);
    const m = 1 + Math.floor(rnd() * 6);
    const origin = ORIGINS[Math.floor(rnd() * ORIGINS.length)]!;
    const pending = rnd() < 0.05;
    const cycle =
      origin === 'extraordinary'
        ? `2025-Q${1 + Math.floor((m - 1) / 3)}`
        : `2025-${String(m).padStart(2, '0')}`;
    return `SUP${i},T${i},S${String(srv).padStart(5, '0')},SR${1 + (srv % 27)},GEX${srv % 100},${origin},${cycle},${pending ? '' : `2025-${String(m).padStart(2, '0')}-20`},${pending ? '' : OUTCOMES[Math.floor(rnd() * OUTCOMES.length)]}`;
  });
}
