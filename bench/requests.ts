/**
 * Requests benchmark (issue 4), on the real PostgreSQL, in a database of its own (dropped at the
 * end). The platform runs as `previdencia serve` in a child process (as deployed: an API instance
 * with WORKERS=false), the load comes from this process over HTTP; prints one JSON object.
 * Baseline: the trivial route GET /health of the same server in the same run.
 *
 *   BENCH_DATABASE_URL  server to use (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_SECONDS       duration of each phase (default 10)
 *   BENCH_TASKS         open tasks for take-next (default 1,000,000)
 *   BENCH_CONNECTIONS   concurrent connections / analysts (default 50)
 *   BENCH_ROUNDS        rounds of baseline + phase for filing and status reads (default 3)
 *   BENCH_BURSTS        bursts of take-next, one request per analyst at once (default 200)
 *   BENCH_PHASES        which phases to run (default filing,status,take)
 *   BENCH_LAYOUT        chronological (default) or scattered: how the open tasks are laid out
 */
import { randomUUID } from 'node:crypto';
import { createAccount } from '../src/modules/identity/accounts';
import { createStaff } from '../src/modules/organization/create-staff';
import { createUnit } from '../src/modules/organization/create-unit';
import { modules } from '../src/modules/registry';
import { FILEABLE_SPECIES } from '../src/modules/requests/domain/species';
import { stfDeadlines } from '../src/modules/requests/reference';
import { cpfFrom, seeded } from '../src/modules/requests/testing';
import { createAuditLog } from '../src/platform/audit/audit';
import { migrateAll } from '../src/platform/bootstrap';
import { loadTestConfig } from '../src/platform/config/config';
import { openDatabase } from '../src/platform/db/database';
import type { Deps } from '../src/platform/deps';
import { createLogger } from '../src/platform/log/logger';
import { createOutbox, dispatchOnce } from '../src/platform/outbox/outbox';
import {
  bursts,
  closedLoop,
  cpuMeter,
  freshDatabase,
  type LoadResult,
  load,
  loginCookie,
  startServer,
  stopServer,
} from './lib';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const CONN = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 200);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'filing,status,take').split(','));
const LAYOUT = process.env.BENCH_LAYOUT === 'scattered' ? 'scattered' : 'chronological';

/**
 * The open backlog as it forms: requests filed one after another over 300 days (1 M of them:
 * one every 26 s), each with its task, ids made at filing (version 7, as the application makes
 * them), the DER the filing day, the legal deadline of its species (30/45/60/90 days), 10
 * agencies and 16 species in turn. The most urgent tasks of a queue are then the ones filed
 * earliest in each deadline class: four runs of neighbouring rows.
 * $1 offset, $2 count, $3 CPF, $4 species, $5 total, $6 days per species.
 */
const CHRONOLOGICAL_LOAD = `
  WITH src AS (
    SELECT g, ($4::text[])[1 + g % 16] AS species, ($6::int[])[1 + g % 16] AS days,
           TIMESTAMPTZ '2026-01-01 03:00:00+00' + make_interval(secs => g::float8 * 300 * 86400 / $5::int) AS filed_at
      FROM generate_series($1::int + 1, $1::int + $2::int) g),
  r AS (
    INSERT INTO req_requests (id, protocol, citizen_cpf, species, service_code, channel, filed_by_kind, filed_by_account_id, der, unit_id, status, max_days, created_at, updated_at)
    SELECT uuid_v7(filed_at), '2026.' || lpad((90000000 - g)::text, 8, '0') || '-0', $3, species, 'RI-B' || species,
           'in_person', 'staff', 'bench', (filed_at AT TIME ZONE 'America/Sao_Paulo')::date, 'APS' || (g % 10), 'filed', days, filed_at, filed_at
      FROM src ORDER BY g
    RETURNING id, species, unit_id, der, max_days, created_at)
  INSERT INTO req_tasks (id, request_id, kind, service_code, species, unit_id, queue, queue_key, system, status, due_date, created_at, created_on)
  SELECT uuid_v7(r.created_at), r.id, 'analysis', 'RI-B' || r.species, r.species, r.unit_id, 'regular', 'regular:' || r.unit_id || ':' || r.species,
         'PAT', 'open', r.der + r.max_days, r.created_at, r.der
    FROM r ORDER BY r.id`;

/**
 * BENCH_LAYOUT=scattered, the layout of the measurements before 03/12/2026: creation order
 * unrelated to the DER (task g filed on day g mod 300, random ids, 90 days for every species),
 * so the most urgent tasks are spread over the whole table and every take touches pages no
 * other take touched — the worst case for the page cache and the WAL.
 */
const SCATTERED_LOAD = `
  WITH r AS (
    INSERT INTO req_requests (id, protocol, citizen_cpf, species, service_code, channel, filed_by_kind, filed_by_account_id, der, unit_id, status, max_days)
    SELECT gen_random_uuid(), '2026.' || lpad((90000000 - $1 - g)::text, 8, '0') || '-0', $3, ($4::text[])[1 + g % 16], 'RI-B' || ($4::text[])[1 + g % 16],
           'in_person', 'staff', 'bench', DATE '2026-01-01' + (g % 300), 'APS' || (g % 10), 'filed', 90
      FROM generate_series(1, $2::int) g
    RETURNING id, species, unit_id, der)
  INSERT INTO req_tasks (id, request_id, kind, service_code, species, unit_id, queue, queue_key, system, status, due_date, created_at, created_on)
  SELECT gen_random_uuid(), r.id, 'analysis', 'RI-B' || r.species, r.species, r.unit_id, 'regular', 'regular:' || r.unit_id || ':' || r.species,
         'PAT', 'open', r.der + 90, now(), r.der
    FROM r`;
const PASSWORD = 'senha-de-bench-123';
const PORT = 3303;
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

const fresh = await freshDatabase('pd_bench_req');
const db = await openDatabase({ url: fresh.url, poolSize: 4 });
const clock = { now: () => new Date() };
const deps: Deps = {
  config: { ...loadTestConfig({ DATABASE_URL: fresh.url }), DATABASE_URL: fresh.url },
  log: createLogger({ level: 'silent' }),
  db,
  audit: createAuditLog(db, clock),
  outbox: createOutbox(),
  clock,
};
const out: Record<string, unknown> = { database: 'postgresql', connections: CONN, seconds: SECONDS };
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  await migrateAll(deps, modules);
  await createUnit(deps, null, {
    id: 'BR',
    kind: 'national',
    code: 'BR',
    name: 'Direção Central',
    parentId: null,
  });
  await createUnit(deps, null, { id: 'SR1', kind: 'sr', code: 'SR1', name: 'SR', parentId: 'BR' });
  await createUnit(deps, null, { id: 'GEX1', kind: 'gex', code: 'GEX1', name: 'GEX', parentId: 'SR1' });
  const units = Array.from({ length: 10 }, (_, i) => `APS${i}`);
  for (const u of units)
    await createUnit(deps, null, { id: u, kind: 'aps', code: u, name: `APS ${u}`, parentId: 'GEX1' });
  // 50 analysts, 5 per agency, each with the regular queue of their agency (every species).
  const analystLogins: string[] = [];
  for (let i = 0; i < CONN; i++) {
    const unitId = units[i % units.length]!;
    const staff = await createStaff(deps, null, {
      registration: String(70_000 + i),
      name: `Analista Bench ${i}`,
      unitId,
      roles: ['analyst'],
      startDate: '2015-01-05',
    });
    const login = `analista.bench.${i}`;
    await createAccount(deps, null, {
      login,
      name: staff.name,
      role: 'analyst',
      unitId,
      staffId: staff.id,
      password: PASSWORD,
    });
    await db.pool.query(
      `INSERT INTO req_queue_grants (staff_id, queue, unit_id) VALUES ($1, 'regular', $2)`,
      [staff.id, unitId],
    );
    analystLogins.push(login);
  }
  const cpf = cpfFrom(seeded(1));
  await createAccount(deps, null, { login: cpf, name: 'Cidadã Bench', role: 'citizen', password: PASSWORD });

  // 52 logins from one address: above the per-IP login limit meant for people.
  server = await startServer(
    { DATABASE_URL: fresh.url, DEMO_SEED: 'false', WORKERS: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    PORT,
  );
  const base = `http://127.0.0.1:${PORT}`;
  const header = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
  const analyst = header(await loginCookie(base, analystLogins[0]!, PASSWORD));
  const citizen = header(await loginCookie(base, cpf, PASSWORD));

  const meter = () => cpuMeter(server!.pid!);
  // Between phases: vacuum and analyze what the previous phase wrote, and checkpoint, so that
  // autovacuum and checkpoint I/O triggered by the bulk writes of one phase do not run during
  // the measurement of the next (they compete for the same 2 cores).
  const quiesce = async () => {
    await db.pool.query('VACUUM ANALYZE');
    await db.pool.query('CHECKPOINT');
  };
  const ratioRounds = async (phase: () => Promise<LoadResult>) => {
    // Rounds alternate the baseline and the phase, so that a change in the machine's speed (2
    // shared cores) hits both; the result is the round with the median ratio.
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const health = await load({ url: `${base}/health`, connections: CONN, seconds: SECONDS });
      const m = meter();
      const r = await phase();
      rounds.push({
        health,
        ...r,
        cpu: m.per(r.total),
        ratioToHealth: ratio(r.requestsPerSecond, health.requestsPerSecond)!,
      });
    }
    const median = [...rounds].sort((a, b) => a.ratioToHealth - b.ratioToHealth)[
      Math.floor(rounds.length / 2)
    ]!;
    return {
      ...median,
      rounds: rounds.map((r) => ({
        health: r.health.requestsPerSecond,
        perSecond: r.requestsPerSecond,
        p99Ms: r.p99Ms,
        ratio: r.ratioToHealth,
      })),
    };
  };

  log('warm-up');
  await load({ url: `${base}/health`, connections: CONN, seconds: 2 });
  const count = async (q: string) => Number((await db.pool.query(q)).rows[0].n);
  // WAL written per operation (pg_stat_wal, cluster-wide: this benchmark is the only writer).
  const walMeter = async () => {
    const snap = async () =>
      (
        await db.pool.query(
          'SELECT wal_records::float8 AS r, wal_fpi::float8 AS f, wal_bytes::float8 AS b FROM pg_stat_wal',
        )
      ).rows[0] as { r: number; f: number; b: number };
    const a = await snap();
    return {
      async per(ops: number) {
        const b = await snap();
        const n = Math.max(1, ops);
        return {
          records: Math.round(((b.r - a.r) / n) * 10) / 10,
          fullPageImages: Math.round(((b.f - a.f) / n) * 100) / 100,
          bytes: Math.round((b.b - a.b) / n),
        };
      },
    };
  };

  let filingOk = true;
  let statusOk = true;
  if (PHASES.has('filing')) {
    log('filing POST /api/v1/requests, a new Idempotency-Key each (rounds with /health)');
    const body = JSON.stringify({ cpf, species: '41', unitId: 'APS0', declared: { bench: true } });
    let k = 0;
    const filing = await ratioRounds(() =>
      load({
        url: `${base}/api/v1/requests`,
        connections: CONN,
        seconds: SECONDS,
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          headers: {
            ...analyst,
            'content-type': 'application/json',
            'idempotency-key': `bench-${process.pid}-${++k}-${randomUUID().slice(0, 8)}`,
          },
          body,
        }),
      }),
    );
    out.filing = {
      ...filing,
      requestsStored: await count('SELECT count(*)::int AS n FROM req_requests'),
      outboxEvents: await count(
        "SELECT count(*)::int AS n FROM outbox WHERE type IN ('request.filed', 'task.created')",
      ),
      auditRows: await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'create'"),
      idempotencyKeys: await count('SELECT count(*)::int AS n FROM idempotency_keys WHERE status_code = 201'),
    };
    filingOk = filing.requestsPerSecond >= 500 && filing.non2xx === 0;

    // The events the filing phase wrote, drained by one outbox worker (what WORKERS=true runs), to
    // show the dispatch keeps pace with filing.
    log('outbox: draining the filing events');
    const pending = await count('SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL');
    const consumers = modules.flatMap((m) => m.consumers ?? []);
    const d0 = performance.now();
    for (;;) {
      const r = await dispatchOnce(deps, consumers, 500);
      if (r.claimed === 0) break;
    }
    const drainSeconds = (performance.now() - d0) / 1000;
    out.outboxDrain = {
      events: pending,
      seconds: Math.round(drainSeconds * 100) / 100,
      eventsPerSecond: Math.round(pending / drainSeconds),
    };
  }

  if (PHASES.has('status')) {
    await quiesce();
    log('status reads GET /api/v1/requests/:id/status (citizen; rounds with /health)');
    if ((await count('SELECT count(*)::int AS n FROM req_requests')) === 0) {
      for (let i = 0; i < 200; i++) {
        const r = await fetch(`${base}/api/v1/requests`, {
          method: 'POST',
          headers: { ...analyst, 'content-type': 'application/json' },
          body: JSON.stringify({ cpf, species: '41', unitId: 'APS0' }),
        });
        if (r.status !== 201) throw new Error(`protocolo: ${r.status}`);
      }
    }
    const ids = (await db.pool.query('SELECT id FROM req_requests LIMIT 5000')).rows.map(
      (r) => r.id as string,
    );
    let j = 0;
    const status = await ratioRounds(() =>
      load({
        url: `${base}/api/v1/requests`,
        connections: CONN,
        seconds: SECONDS,
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/requests/${ids[j++ % ids.length]}/status`,
          headers: citizen,
        }),
      }),
    );
    out.statusReads = status;
    statusOk = status.requestsPerSecond >= 3000 && status.p99Ms < 50 && status.non2xx === 0;
  }

  let takeOk = true;
  if (PHASES.has('take')) {
    log(`take-next: loading ${TASKS} open tasks (${LAYOUT})`);
    const t0 = Date.now();
    const chunk = 200_000;
    const days = FILEABLE_SPECIES.map((s) => stfDeadlines().get(s) ?? 90);
    for (let start = 0; start < TASKS; start += chunk) {
      const n = Math.min(chunk, TASKS - start);
      await db.pool.query(LAYOUT === 'scattered' ? SCATTERED_LOAD : CHRONOLOGICAL_LOAD, [
        start,
        n,
        cpf,
        FILEABLE_SPECIES,
        ...(LAYOUT === 'scattered' ? [] : [TASKS, days]),
      ]);
      log(`  ${start + n} tarefas`);
    }
    await quiesce();
    out.loadSeconds = Math.round((Date.now() - t0) / 1000);
    out.layout = LAYOUT;
    const openBefore = await count("SELECT count(*)::int AS n FROM req_tasks WHERE status = 'open'");

    const sessions = [];
    for (const l of analystLogins) sessions.push(header(await loginCookie(base, l, PASSWORD)));
    const url = `${base}/api/v1/tasks/take-next`;
    await closedLoop({ url, method: 'POST', clients: sessions, seconds: 2 });
    log(`take-next: ${CONN} analysts pressing together, ${BURSTS} times`);
    let m = meter();
    let w = await walMeter();
    const burst = await bursts({ url, method: 'POST', clients: sessions, rounds: BURSTS });
    const burstCpu = m.per(burst.total);
    const burstWal = await w.per(burst.total);
    log(`take-next: ${CONN} analysts back to back for ${SECONDS} s (saturation)`);
    m = meter();
    w = await walMeter();
    const loop = await closedLoop({ url, method: 'POST', clients: sessions, seconds: SECONDS });
    const loopCpu = m.per(loop.total);
    const loopWal = await w.per(loop.total);
    const duplicates = await count(
      `SELECT count(*)::int AS n FROM (SELECT task_id FROM req_task_actions WHERE action = 'assigned'
         GROUP BY task_id HAVING count(*) > 1) d`,
    );
    // Share of updates that were HOT (heap-only: no index entry written), per table.
    await new Promise((r) => setTimeout(r, 1500)); // the server's backends flush their statistics
    const hot = (
      await db.pool.query(
        `SELECT relname, n_tup_upd::int AS updates, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables
          WHERE relname IN ('req_requests', 'req_tasks') ORDER BY relname`,
      )
    ).rows;
    out.takeNext = {
      openTasks: openBefore,
      hotUpdates: hot,
      analysts: CONN,
      bursts: { ...burst, cpu: burstCpu, walPerTake: burstWal },
      backToBack: { ...loop, cpu: loopCpu, walPerTake: loopWal },
      tasksAssignedTwice: duplicates,
    };
    takeOk = burst.p99Ms < 50 && burst.non2xx === 0 && loop.non2xx === 0 && duplicates === 0;
  }
  out.targets = {
    filingPerSecondAtLeast: 500,
    statusReadsPerSecondAtLeast: 3000,
    statusP99MsBelow: 50,
    takeNextP99MsBelow: 50,
  };
  out.met = { filing: filingOk, statusReads: statusOk, takeNext: takeOk };
} finally {
  if (server) await stopServer(server);
  await db.close();
  await fresh.drop();
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
