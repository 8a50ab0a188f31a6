/**
 * Foundation benchmark (issue 2): the HTTP ceiling of a trivial route against an authenticated,
 * audited read of one personal record, on the real PostgreSQL, 50 connections, same run; and the
 * server's resident memory idle on the embedded database and at the end of the load.
 *
 *   node --import tsx bench/http.ts   (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ROUNDS,
 *                                      BENCH_SLICE_SECONDS, BENCH_SLICE_PAIRS, BENCH_WORKERS to change)
 *
 * The server runs as `npm start` runs it, workers included (BENCH_WORKERS=true): the audit
 * sealer's work on the rows the load writes is part of what an audited read costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  cpuMeter,
  freshDatabase,
  type LoadResult,
  load,
  loginCookie,
  rssMb,
  startServer,
  stopServer,
} from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 2.5);
const SLICE_PAIRS = Number(process.env.BENCH_SLICE_PAIRS ?? 12);
const WORKERS = process.env.BENCH_WORKERS ?? 'true';

/**
 * Resident memory of `previdencia serve` on the embedded database, idle: 3 s after /ready and
 * again after BENCH_IDLE_SECONDS (30) without requests, on the first start (which loads the
 * demo) and on a restart of the same data directory.
 */
async function embeddedIdleMemory() {
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-'));
  const idle = async () => {
    const s = await startServer({ DATA_DIR: dir, DATABASE_URL: '', DEMO_SEED: 'true' }, 3301);
    await new Promise((r) => setTimeout(r, 3_000));
    const after3s = rssMb(s.pid!);
    await new Promise((r) => setTimeout(r, (IDLE_SECONDS - 3) * 1000));
    const idleMb = rssMb(s.pid!);
    await stopServer(s);
    return { after3s, [`after${IDLE_SECONDS}s`]: idleMb, max: Math.max(after3s, idleMb) };
  };
  try {
    const firstStart = await idle();
    const restart = await idle();
    return { firstStart, restart };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const embeddedIdleRssMb = await embeddedIdleMemory();
  const db = await freshDatabase('pd_bench_http');
  const port = 3302;
  const child = await startServer(
    { DATABASE_URL: db.url, DEMO_SEED: 'true', WORKERS, DB_POOL_SIZE: '20' },
    port,
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const postgresIdleRssMb = rssMb(child.pid!);
    const session = await loginCookie(base, 'gestor.nacional', 'previdencia-demo');
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const staffId = (await c.query('SELECT id FROM org_staff ORDER BY registration LIMIT 1')).rows[0].id;
    const auditBefore = Number((await c.query('SELECT count(*) FROM audit_log')).rows[0].count);
    // Checkpoints of the server during the load (cluster-wide counter): a checkpoint's writes and
    // fsyncs delay the audited read's COMMIT, so they show in its p99.
    const checkpoints = async () =>
      Number(
        (await c.query('SELECT checkpoints_timed + checkpoints_req AS n FROM pg_stat_bgwriter')).rows[0].n,
      );
    const checkpointsBefore = await checkpoints();
    const readUrl = `${base}/api/v1/staff/${staffId}`;
    const check = await fetch(readUrl, { headers: { cookie: session.cookie } });
    if (check.status !== 200) throw new Error(`leitura auditada: ${check.status}`);
    const loadTrivial = (seconds: number) =>
      load({ url: `${base}/health`, connections: CONNECTIONS, seconds });
    const loadAudited = (seconds: number) =>
      load({ url: readUrl, connections: CONNECTIONS, seconds, headers: { cookie: session.cookie } });
    // warm-up
    await loadTrivial(2);
    await loadAudited(2);
    // Rounds alternate baseline and audited read, so that a change in the machine's speed (2
    // shared cores) hits both: each round gives a ratio, the result is the median round.
    const rounds: {
      trivial: LoadResult;
      audited: LoadResult;
      ratio: number;
      cpu: ReturnType<ReturnType<typeof cpuMeter>['per']>;
    }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const trivial = await loadTrivial(SECONDS);
      const m = cpuMeter(child.pid!);
      const audited = await loadAudited(SECONDS);
      const cpu = m.per(audited.total);
      const ratio = Math.round((audited.requestsPerSecond / trivial.requestsPerSecond) * 1000) / 1000;
      rounds.push({ trivial, audited, ratio, cpu });
      process.stderr.write(
        `[bench] rodada ${i + 1}: /health ${trivial.requestsPerSecond}/s, leitura auditada ${audited.requestsPerSecond}/s (p99 ${audited.p99Ms} ms), razão ${ratio}; CPU por leitura: servidor ${cpu.serverUs} µs, PostgreSQL ${cpu.postgresUs} µs, carga ${cpu.loadGeneratorUs} µs\n`,
      );
    }
    // A second estimate of the same ratio: short slices of the two routes interleaved (ABBA), the
    // ratio of the totals. The machine's speed changes from one second to the next (the trivial
    // route alone: 23-41 k/s in consecutive seconds), so a 10 s round can catch a fast or a slow
    // stretch for one route only; slices of 2.5 s put both routes in the same stretches.
    const slices = {
      trivialTotal: 0,
      auditedTotal: 0,
      pairRatios: [] as number[],
      auditedP99Ms: [] as number[],
      auditedP99MaxMs: 0,
    };
    for (let i = 0; i < SLICE_PAIRS; i++) {
      let t: LoadResult;
      let a: LoadResult;
      if (i % 2 === 0) {
        t = await loadTrivial(SLICE_SECONDS);
        a = await loadAudited(SLICE_SECONDS);
      } else {
        a = await loadAudited(SLICE_SECONDS);
        t = await loadTrivial(SLICE_SECONDS);
      }
      slices.trivialTotal += t.total;
      slices.auditedTotal += a.total;
      slices.auditedP99Ms.push(a.p99Ms);
      slices.auditedP99MaxMs = Math.max(slices.auditedP99MaxMs, a.p99Ms);
      slices.pairRatios.push(Math.round((a.total / t.total) * 1000) / 1000);
    }
    const slicedRatio = Math.round((slices.auditedTotal / slices.trivialTotal) * 1000) / 1000;
    process.stderr.write(
      `[bench] fatias intercaladas (${SLICE_PAIRS} pares de ${SLICE_SECONDS} s): razão dos totais ${slicedRatio}; pares ${slices.pairRatios.join(' · ')}; p99 da leitura auditada ${slices.auditedP99Ms.join(' · ')} ms\n`,
    );
    const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
    const { trivial, audited } = median;
    const endRssMb = rssMb(child.pid!);
    const auditAfter = Number((await c.query('SELECT count(*) FROM audit_log')).rows[0].count);
    const checkpointsDuringLoad = (await checkpoints()) - checkpointsBefore;
    // Whether the sealer kept up: rows not sealed yet when the load stops, and how long it took to
    // seal them (at most 60 s).
    const unsealed = async () =>
      Number(
        (
          await c.query(
            'SELECT count(*)::int8 AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_sealed s WHERE s.seq = a.seq)',
          )
        ).rows[0].n,
      );
    const unsealedAtEnd = await unsealed();
    const drainStart = Date.now();
    let unsealedAfterDrain = unsealedAtEnd;
    while (WORKERS === 'true' && unsealedAfterDrain > 0 && Date.now() - drainStart < 60_000) {
      await new Promise((r) => setTimeout(r, 500));
      unsealedAfterDrain = await unsealed();
    }
    const sealer = {
      unsealedAtEnd,
      unsealedAfterDrain,
      drainSeconds: Math.round((Date.now() - drainStart) / 100) / 10,
    };
    await c.end();
    const result = {
      benchmark: 'http-foundation',
      connections: CONNECTIONS,
      seconds: SECONDS,
      trivial,
      auditedRead: audited,
      ratio: median.ratio,
      rounds,
      sliced: { seconds: SLICE_SECONDS, pairs: SLICE_PAIRS, ratio: slicedRatio, ...slices },
      auditRowsWritten: auditAfter - auditBefore,
      checkpointsDuringLoad,
      workers: WORKERS === 'true',
      sealer,
      targets: { ratioAtLeast: 0.4, auditedP99MsBelow: 25, idleRssMbAtMost: 250, endRssMbAtMost: 512 },
      memory: { embeddedIdleRssMb, postgresIdleRssMb, endOfBenchmarkRssMb: endRssMb },
      met: {
        ratio: median.ratio >= 0.4,
        slicedRatio: slicedRatio >= 0.4,
        p99: Math.max(...rounds.map((r) => r.audited.p99Ms), slices.auditedP99MaxMs) < 25,
        idle: embeddedIdleRssMb.firstStart.max <= 250 && embeddedIdleRssMb.restart.max <= 250,
        end: endRssMb <= 512,
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await stopServer(child);
    await db.drop();
  }
}

await main();
