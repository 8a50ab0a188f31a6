/**
 * Supervision benchmarks (issue 5). Prints one JSON object.
 *
 *   node --import tsx bench/supervision.ts            # full size
 *   SUP_BENCH_SCALE=0.1 node --import tsx bench/supervision.ts
 *
 * 1. national month: 1.5M concluded tasks → monthly random sample per SR (target ≤ 3 s, peak RSS ≤ 1.5 GB)
 * 2. quarter of extraordinary queues: 600,000 tasks, 5,000 servers → stratified sample (≤ 3 s)
 * 3. indicators over 200,000 supervisions (≤ 1 s)
 * Each is also run in DuckDB (@duckdb/node-api) on the same files, in the same run; ratio =
 * ours / DuckDB. Every measurement runs in its own child process (so peak RSS is that task's
 * alone); the time excludes process start-up and module loading, includes reading the CSV.
 * Input files are generated deterministically under bench/out/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeExtraordinaryQuarter, writeNationalMonth, writeSupervisions } from './data/supervision-data';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, 'out');
const scale = Number(process.env.SUP_BENCH_SCALE ?? '1');
const N_MONTH = Math.round(1_500_000 * scale);
const N_EXTRA = Math.round(600_000 * scale);
const N_SERVERS = Math.max(50, Math.round(5_000 * Math.min(1, scale)));
const N_SUP = Math.round(200_000 * scale);
const files = {
  month: join(OUT, `frame-month-${N_MONTH}.csv`),
  extra: join(OUT, `frame-extra-${N_EXTRA}-${N_SERVERS}.csv`),
  history: join(OUT, `history-${N_SERVERS}.csv`),
  sup: join(OUT, `supervisions-${N_SUP}.csv`),
};

// ---------------------------------------------------------------- child measurements
async function child(task: string): Promise<void> {
  const t0 = performance.now();
  let cpu0 = 0;
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let summary: unknown;
  if (task === 'ours-month') {
    const { sampleFromFiles } = await import('../src/modules/supervision/files/sample-from-files');
    const t = performance.now();
    cpu0 = cpuNow();
    const r = await sampleFromFiles({
      frame: files.month,
      month: '2025-10',
      sizing: { kind: 'statistical', confidence: 0.95, margin: 0.05, expected: 0.5 },
      seed: 'bench',
    });
    summary = {
      ms: performance.now() - t,
      srs: r.srs.length,
      population: r.srs.reduce((s, x) => s + x.population, 0),
      sample: r.srs.reduce((s, x) => s + x.size, 0),
    };
  } else if (task === 'ours-extra') {
    const { extraordinaryFromFiles } = await import(
      '../src/modules/supervision/files/extraordinary-from-files'
    );
    const t = performance.now();
    cpu0 = cpuNow();
    const r = await extraordinaryFromFiles({
      frame: files.extra,
      history: files.history,
      quarter: '2025-Q3',
      seed: 'bench',
    });
    summary = {
      ms: performance.now() - t,
      servers: r.servers.length,
      flagged: r.servers.filter((s) => s.flags.length > 0).length,
      sample: r.servers.reduce((s, x) => s + x.size, 0),
    };
  } else if (task === 'ours-ind') {
    const { indicatorsFromFiles } = await import('../src/modules/supervision/files/indicators-from-files');
    const t = performance.now();
    cpu0 = cpuNow();
    const r = await indicatorsFromFiles({ supervisions: files.sup, by: 'sr' });
    summary = {
      ms: performance.now() - t,
      groups: r.groups.length,
      total: r.groups.reduce((s, g) => s + g.total, 0),
    };
  } else if (task.startsWith('duck-')) {
    const { DuckDBInstance } = loadDuckDb();
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const q = DUCK[task]!;
    const t = performance.now();
    cpu0 = cpuNow();
    const r = await con.runAndReadAll(q);
    const rows = r.getRowObjects();
    summary = {
      ms: performance.now() - t,
      rows: rows.length,
      threads: String((await con.runAndReadAll("SELECT current_setting('threads') AS t")).getRows()[0]![0]),
    };
  } else throw new Error(`tarefa desconhecida: ${task}`);
  // CPU time of the whole process (all threads: the hashing worker, DuckDB's threads) during the task.
  const cpuMs = Math.round(cpuNow() - cpu0);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      ...(summary as object),
      cpuMs,
      maxRssMB: Math.round(maxRssMB),
      wallMs: Math.round(performance.now() - t0),
    }),
  );
}

const FRAME_COLUMNS = `columns = {'task_id':'VARCHAR','protocol':'VARCHAR','service_code':'VARCHAR','species':'VARCHAR','sr':'VARCHAR','gex':'VARCHAR','server_id':'VARCHAR','queue':'VARCHAR','system':'VARCHAR','subtasks':'VARCHAR','concluded_at':'DATE','decision':'VARCHAR'}`;
// Scope of art. 4 in SQL (same rules as domain/scope.ts).
const SCOPE = `(
  regexp_replace(upper(species), '^B?0*', '') IN ('41','42','46','57','21','93','25','80','87','88','CTC','SDPA')
  OR (regexp_replace(upper(species), '^B?0*', '') IN ('31','91','32','92') AND system <> 'SABI'
      AND len(list_intersect(string_split(subtasks, ';'), ['17436','17456','17775','17776'])) > 0))`;

const DUCK: Record<string, string> = {
  // Same work: read, validate types, scope filter, month filter, per-SR statistical size, random pick.
  'duck-month': `
    WITH f AS (
      SELECT task_id, sr FROM read_csv('${files.month}', header = true, ${FRAME_COLUMNS})
      WHERE ${SCOPE} AND concluded_at BETWEEN DATE '2025-10-01' AND DATE '2025-10-31'),
    n AS (SELECT sr, count(*) AS pop FROM f GROUP BY sr),
    s AS (SELECT sr, pop, least(pop, ceil(384.16 / (1 + (384.16 - 1) / pop)))::BIGINT AS size FROM n),
    r AS (SELECT f.task_id, f.sr, row_number() OVER (PARTITION BY f.sr ORDER BY hash(f.task_id || 'bench')) AS rn FROM f)
    SELECT r.sr, r.task_id FROM r JOIN s USING (sr) WHERE r.rn <= s.size`,
  'duck-extra': `
    WITH f AS (
      SELECT * FROM read_csv('${files.extra}', header = true, ${FRAME_COLUMNS})
      WHERE queue = 'extraordinary' AND concluded_at BETWEEN DATE '2025-07-01' AND DATE '2025-09-30'),
    h AS (
      SELECT server_id,
             count(*) FILTER (WHERE outcome IN ('ratified_with_revision','not_ratified')) AS revisions,
             bool_or(origin = 'extraordinary') AS supervised
      FROM read_csv('${files.history}', header = true, all_varchar = true)
      WHERE cycle < '2025-07' OR (cycle LIKE '%-Q%' AND cycle < '2025-Q3') GROUP BY server_id),
    p AS (
      SELECT server_id, count(*) AS prod,
             count(*) FILTER (WHERE decision = 'denied') / count(*) AS den,
             count(*) FILTER (WHERE decision = 'granted') / count(*) AS gra
      FROM f GROUP BY server_id),
    ref AS (
      SELECT avg(prod) AS pm, stddev_pop(prod) AS ps, avg(den) AS dm, stddev_pop(den) AS ds, avg(gra) AS gm, stddev_pop(gra) AS gs
      FROM p WHERE prod >= 150),
    z AS (
      SELECT p.server_id,
             CASE WHEN p.prod > ref.pm + 2 * ref.ps OR coalesce(h.revisions, 0) >= 3 OR p.den > ref.dm + 2 * ref.ds OR p.gra > ref.gm + 2 * ref.gs THEN 10
                  WHEN NOT coalesce(h.supervised, false) THEN 1 ELSE 0 END AS size
      FROM p CROSS JOIN ref LEFT JOIN h USING (server_id)),
    r AS (SELECT task_id, server_id, row_number() OVER (PARTITION BY server_id ORDER BY hash(task_id || 'bench')) AS rn FROM f WHERE ${SCOPE})
    SELECT r.server_id, r.task_id FROM r JOIN z USING (server_id) WHERE r.rn <= z.size`,
  'duck-ind': `
    SELECT sr, count(*) AS total,
      count(*) FILTER (WHERE outcome = 'full_ratification') AS full,
      count(*) FILTER (WHERE outcome = 'ratified_with_revision') AS revision,
      count(*) FILTER (WHERE outcome = 'not_ratified') AS not_ratified,
      round(100.0 * count(*) FILTER (WHERE outcome = 'full_ratification') / count(*), 2) AS icon,
      round(100.0 * count(*) FILTER (WHERE outcome <> 'not_ratified') / count(*), 2) AS idr,
      round(100.0 * count(*) FILTER (WHERE outcome <> 'full_ratification') / count(*), 2) AS ipr,
      round(100.0 * count(*) FILTER (WHERE outcome = 'not_ratified') / count(*), 2) AS idnr
    FROM read_csv('${files.sup}', header = true, all_varchar = true)
    WHERE origin = 'random' AND outcome IS NOT NULL AND outcome <> ''
    GROUP BY sr ORDER BY sr`,
};

// DuckDB is the baseline only: it is installed on demand under bench/out/duckdb instead of being a
// devDependency, because its optional per-platform bindings (darwin, win32, linux-arm64) are not on
// this project's registry, so a lockfile with it makes `npm ci` fail everywhere (same reason as
// docs/decisions/0003 for Biome).
const DUCKDB = '@duckdb/node-api@1.5.6-r.1';
const DUCKDB_DIR = join(OUT, 'duckdb');

function ensureDuckDb(): void {
  if (existsSync(join(DUCKDB_DIR, 'node_modules', '@duckdb', 'node-api', 'package.json'))) return;
  process.stderr.write(`instalando ${DUCKDB} em ${DUCKDB_DIR} (linha de base do benchmark)…\n`);
  execFileSync(
    'npm',
    ['install', '--prefix', DUCKDB_DIR, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', DUCKDB],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** The part of @duckdb/node-api the benchmark uses (typed here: the package is not a dependency). */
interface DuckDbApi {
  DuckDBInstance: {
    create(path: string): Promise<{
      connect(): Promise<{
        runAndReadAll(sql: string): Promise<{ getRowObjects(): unknown[]; getRows(): unknown[][] }>;
      }>;
    }>;
  };
}

function loadDuckDb(): DuckDbApi {
  return createRequire(join(DUCKDB_DIR, 'package.json'))('@duckdb/node-api') as DuckDbApi;
}

// ---------------------------------------------------------------- parent
function runChild(task: string): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', task],
    {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
      env: { ...process.env },
    },
  );
  return JSON.parse(out);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureDuckDb();
  const tg = performance.now();
  if (!existsSync(files.month)) await writeNationalMonth(files.month, N_MONTH);
  if (!existsSync(files.extra)) await writeExtraordinaryQuarter(files.extra, N_EXTRA, N_SERVERS);
  if (!existsSync(files.history)) await writeSupervisions(files.history, N_SERVERS * 4, N_SERVERS);
  if (!existsSync(files.sup)) await writeSupervisions(files.sup, N_SUP, N_SERVERS);
  const generationMs = performance.now() - tg;
  const result: Record<string, unknown> = {
    scale,
    generationMs: Math.round(generationMs),
    node: process.version,
    cpus: availableParallelism(),
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  };
  const cases: [string, string, string, number, string][] = [
    ['national_month_sample', 'ours-month', 'duck-month', 3000, files.month],
    ['extraordinary_quarter_sample', 'ours-extra', 'duck-extra', 3000, files.extra],
    ['indicators', 'ours-ind', 'duck-ind', 1000, files.sup],
  ];
  for (const [name, ours, duck, targetMs, file] of cases) {
    const a = runChild(ours);
    const b = runChild(duck);
    result[name] = {
      file: file.replace(`${here}/`, 'bench/'),
      fileMB: Math.round(statSync(file).size / 1e5) / 10,
      ours: { ...a, ms: Math.round(a.ms!) },
      duckdb: { ...b, ms: Math.round(b.ms!) },
      ratio_ours_over_duckdb: Math.round((a.ms! / b.ms!) * 100) / 100,
      cpu_ratio_ours_over_duckdb: Math.round((a.cpuMs! / b.cpuMs!) * 100) / 100,
      targetMs,
      withinTarget: a.ms! <= targetMs,
      ...(name === 'national_month_sample'
        ? { peakRssTargetMB: 1536, peakRssWithinTarget: a.maxRssMB! <= 1536 }
        : {}),
    };
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1]!);
else await main();
