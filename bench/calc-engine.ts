/**
 * Engine benchmark (issue 3): RMI for N synthetic histories of 360 monthly salaries each, single
 * thread, compared with a plain loop that only sums the same 360 numbers per history (the
 * physical floor), measured in the same run. Prints one JSON object.
 *
 *   node --import tsx bench/calc-engine.ts            # N = 100000
 *   BENCH_N=20000 node --import tsx bench/calc-engine.ts
 */

import os from 'node:os';
import { calculateParsed, calculateRmi } from '../src/modules/calculation/calculate-rmi';
import type { RmiInput, RmiRequest } from '../src/modules/calculation/domain/input';
import { parseRmiRequest } from '../src/modules/calculation/domain/input';
import { loadParameterTables } from '../src/modules/calculation/load-parameter-tables';
import { Competence } from '../src/platform/values/competence';

const N = Number(process.env.BENCH_N ?? 100_000);
const MONTHS = 360;

// deterministic PRNG (mulberry32)
let seed = 20_251_122;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Synthetic {
  parsed: RmiInput;
  wire: () => RmiRequest;
}

// competências of the 360 months before each of the 24 DIB months, shared by the histories
const monthsByDib = new Map<number, Int32Array>();

function synthetic(i: number): Synthetic {
  // DIB between 01/2024 and 12/2025; 360 months ending the month before the DIB
  const dibIndex = Competence.index('2024-01' as Competence) + (i % 24);
  const first = dibIndex - MONTHS;
  let months = monthsByDib.get(dibIndex);
  if (!months) {
    months = new Int32Array(MONTHS);
    for (let k = 0; k < MONTHS; k++) months[k] = first + k;
    monthsByDib.set(dibIndex, months);
  }
  const base = 150_000 + Math.floor(rnd() * 600_000); // R$ 1.500 … 7.500 in cents
  const amounts = new Int32Array(MONTHS);
  for (let k = 0; k < MONTHS; k++) amounts[k] = Math.max(10_000, Math.floor(base * (0.6 + rnd() * 0.8)));
  const sex = i % 2 === 0 ? 'M' : 'F';
  const birthYear = 1955 + (i % 12);
  const links = [
    {
      start: `${Competence.fromIndex(first)}-01`,
      end: `${Competence.fromIndex(dibIndex - 1)}-28`,
      category: 'employee' as const,
    },
  ];
  const common = {
    benefit: i % 3 === 0 ? 'B41' : 'B42',
    sex,
    birth_date: `${birthYear}-0${1 + (i % 9)}-15`,
    request_date: `${Competence.fromIndex(dibIndex)}-10`,
    rule: 'auto',
  } as const;
  const wire = (): RmiRequest => ({
    ...common,
    links,
    contributions: Array.from(months!, (m, k) => ({
      month: Competence.fromIndex(m),
      amount: `${Math.floor(amounts[k]! / 100)}.${String(amounts[k]! % 100).padStart(2, '0')}`,
    })),
  });
  // the parsed form is what the validator produces from the wire form (checked below on a sample)
  const parsed: RmiInput = {
    species: common.benefit,
    sex,
    birthDate: common.birth_date,
    dib: common.request_date,
    rule: 'auto',
    links,
    months,
    amounts,
    dependents: null,
    accident: false,
    disabledDependent: false,
  };
  return { parsed, wire };
}

const tables = await loadParameterTables();
const t0 = performance.now();
const parsed: RmiInput[] = [];
const WIRE_N = Math.min(N, 5_000);
const requests: RmiRequest[] = [];
for (let i = 0; i < N; i++) {
  const h = synthetic(i);
  parsed.push(h.parsed);
  if (i < WIRE_N) {
    const w = h.wire();
    requests.push(w);
    const p = parseRmiRequest(w);
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    if (
      i < 50 &&
      JSON.stringify(calculateParsed(p.input, tables)) !== JSON.stringify(calculateParsed(h.parsed, tables))
    ) {
      throw new Error('a forma pré-validada difere da validada');
    }
  }
}
const genMs = performance.now() - t0;

// warm-up (JIT, per-DIB factor arrays)
for (let i = 0; i < Math.min(N, 2000); i++) calculateParsed(parsed[i]!, tables, { explain: false });

/**
 * Wall time and process CPU time: the machines are shared, and under contention the wall clock
 * counts time spent waiting for a core; CPU time (user + system, all threads of the process,
 * so garbage-collector helper threads are included) is the fairer single-thread figure.
 */
function timeIt(fn: () => number): { ms: number; cpuMs: number; check: number } {
  const c = process.cpuUsage();
  const s = performance.now();
  const check = fn();
  const ms = performance.now() - s;
  const used = process.cpuUsage(c);
  return { ms, cpuMs: (used.user + used.system) / 1000, check };
}

// baseline: sum the same 360 numbers per history (best of 5 runs: it is short, so noise matters)
const sumAll = () => {
  let total = 0;
  for (let i = 0; i < N; i++) {
    const a = parsed[i]!.amounts;
    let s = 0;
    for (let k = 0; k < a.length; k++) s += a[k]!;
    total += s;
  }
  return total;
};
let baseline = timeIt(sumAll);
for (let r = 0; r < 4; r++) {
  const again = timeIt(sumAll);
  if (again.ms < baseline.ms) baseline = again;
}

let eligible = 0;
const engine = timeIt(() => {
  let total = 0;
  for (let i = 0; i < N; i++) {
    const r = calculateParsed(parsed[i]!, tables, { explain: false });
    if (r.eligible) eligible++;
    total += r.rmi ? Number(r.rmi) : 0;
  }
  return total;
});

const single = parsed.map((p) => ({ ...p, rule: 'ec103_art18' as const }));
const engineSingle = timeIt(() => {
  let total = 0;
  for (let i = 0; i < N; i++)
    total += Number(calculateParsed(single[i]!, tables, { explain: false }).rmi ?? 0);
  return total;
});

const withParse = timeIt(() => {
  let total = 0;
  for (let i = 0; i < WIRE_N; i++)
    total += Number(calculateRmi(requests[i]!, tables, { explain: false }).rmi ?? 0);
  return total;
});

const explainN = Math.min(N, 5_000);
const withMemoria = timeIt(() => {
  let steps = 0;
  for (let i = 0; i < explainN; i++) steps += calculateParsed(parsed[i]!, tables).steps.length;
  return steps;
});

const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000);
console.log(
  JSON.stringify(
    {
      benchmark: 'calc-engine',
      histories: N,
      monthsPerHistory: MONTHS,
      rule: 'auto (B41/B42: arts. 15–20 and pre-EC 103, with the §6º discard)',
      eligibleShare: Number((eligible / N).toFixed(3)),
      generateMs: Math.round(genMs),
      baseline: {
        what: 'plain loop summing the 360 amounts of each history',
        ms: Number(baseline.ms.toFixed(1)),
        cpuMs: Number(baseline.cpuMs.toFixed(1)),
        perSec: perSec(N, baseline.ms),
      },
      engine: {
        what: 'calculateParsed, explain:false (memória off)',
        ms: Math.round(engine.ms),
        cpuMs: Math.round(engine.cpuMs),
        perSec: perSec(N, engine.ms),
        perSecCpu: perSec(N, engine.cpuMs),
      },
      engineSingleRule: {
        what: 'calculateParsed with rule ec103_art18 (a decided rule, as the requests module calls it)',
        ms: Math.round(engineSingle.ms),
        cpuMs: Math.round(engineSingle.cpuMs),
        perSec: perSec(N, engineSingle.ms),
        perSecCpu: perSec(N, engineSingle.cpuMs),
      },
      ratioSingleRuleToBaseline: Number((engineSingle.ms / baseline.ms).toFixed(1)),
      engineWithParsing: {
        what: 'calculateRmi from the wire JSON (validation + engine)',
        histories: WIRE_N,
        ms: Math.round(withParse.ms),
        perSec: perSec(WIRE_N, withParse.ms),
      },
      engineWithMemoria: {
        what: 'calculateParsed with the full memória (steps)',
        histories: explainN,
        ms: Math.round(withMemoria.ms),
        perSec: perSec(explainN, withMemoria.ms),
      },
      ratioEngineToBaseline: Number((engine.ms / baseline.ms).toFixed(1)),
      ratioEngineToBaselineCpu: Number((engine.cpuMs / Math.max(baseline.cpuMs, 0.001)).toFixed(1)),
      target: '≥ 50 000 calculations/s',
      meetsTargetWall: perSec(N, engine.ms) >= 50_000,
      meetsTargetCpu: perSec(N, engine.cpuMs) >= 50_000,
      loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
      cores: os.cpus().length,
      node: process.version,
    },
    null,
    2,
  ),
);
