/**
 * Requests benchmark (real PostgreSQL; its own database, dropped at the end). Prints one JSON
 * object. Baseline: the trivial route GET /health of the same app in the same run.
 *   BENCH_DATABASE_URL  server to use (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_SECONDS       duration of each HTTP phase (default 10)
 *   BENCH_TASKS         open tasks for take-next (default 1,000,000)
 *   BENCH_CONNECTIONS   concurrent connections / analysts (default 50)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { createAccount } from '../src/modules/identity/accounts';
import { createStaff } from '../src/modules/organization/create-staff';
import { createUnit } from '../src/modules/organization/create-unit';
import { modules } from '../src/modules/registry';
import { FILEABLE_SPECIES } from '../src/modules/requests/domain/species';
import { takeNextTask } from '../src/modules/requests/take-next-task';
import { cpfFrom, seeded } from '../src/modules/requests/testing';
import { createAuditLog } from '../src/platform/audit/audit';
import type { Ctx } from '../src/platform/auth/roles';
import { migrateAll } from '../src/platform/bootstrap';
import { loadTestConfig } from '../src/platform/config/config';
import { openDatabase } from '../src/platform/db/database';
import type { Deps } from '../src/platform/deps';
import { createLogger } from '../src/platform/log/logger';
import { createOutbox } from '../src/platform/outbox/outbox';
import { buildPlatformApp } from '../src/platform/server';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const CONN = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PASSWORD = 'senha-de-bench-123';
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

const name = `req_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: BASE });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(BASE);
url.pathname = `/${name}`;
const db = await openDatabase({ url: url.toString(), poolSize: CONN + 10 });
const clock = { now: () => new Date() };
const deps: Deps = {
  config: { ...loadTestConfig({ DATABASE_URL: url.toString() }), DATABASE_URL: url.toString() },
  log: createLogger({ level: 'silent' }),
  db,
  audit: createAuditLog(db, clock),
  outbox: createOutbox(),
  clock,
};
const out: Record<string, unknown> = { database: 'postgresql', connections: CONN, seconds: SECONDS };
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

  const built = await buildPlatformApp(deps, modules);
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = built.app.server.address() as { port: number };
  const base = `http://127.0.0.1:${addr.port}`;
  const login = async (loginName: string) => {
    const r = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: loginName, password: PASSWORD },
    });
    const cookie = r.cookies.find((c) => c.name === 'pd_session')!;
    return { cookie: `pd_session=${cookie.value}`, 'x-csrf-token': r.json().csrfToken as string };
  };
  const staff = await createStaff(deps, null, {
    registration: 'B1',
    name: 'Analista Bench',
    unitId: 'APS0',
    roles: ['analyst'],
    startDate: '2015-01-05',
  });
  await createAccount(deps, null, {
    login: 'analista.bench',
    name: 'Analista Bench',
    role: 'analyst',
    unitId: 'APS0',
    staffId: staff.id,
    password: PASSWORD,
  });
  const cpf = cpfFrom(seeded(1));
  await createAccount(deps, null, { login: cpf, name: 'Cidadã Bench', role: 'citizen', password: PASSWORD });
  const analystH = await login('analista.bench');
  const citizenH = await login(cpf);

  const run = (opts: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      autocannon({ connections: CONN, duration: SECONDS, ...opts }, (err, res) =>
        err ? reject(err) : resolve(res),
      );
    });
  const summary = (r: autocannon.Result) => ({
    reqPerSec: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    total: r.requests.total,
  });

  log('baseline GET /health');
  const health = summary(await run({ url: `${base}/health` }));
  out.health = health;

  log('filing POST /api/v1/requests with Idempotency-Key');
  let k = 0;
  const body = JSON.stringify({ cpf, species: '41', unitId: 'APS0', declared: { bench: true } });
  // Filing with a fresh Idempotency-Key per request, against the app listening at `url`.
  const fileLoad = async (url: string, keyPrefix: string) =>
    summary(
      await run({
        url: `${url}/api/v1/requests`,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              headers: {
                ...analystH,
                'content-type': 'application/json',
                'idempotency-key': `${keyPrefix}-${process.pid}-${++k}-${randomUUID().slice(0, 8)}`,
              },
              body,
            }),
          },
        ],
      }),
    );
  const filing = await fileLoad(base, 'bench');
  const filed = await db.pool.query(`SELECT count(*)::int AS n FROM req_requests`);
  const ev = await db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE type = 'request.filed'`);
  out.filing = {
    ...summary0(filing),
    requestsStored: filed.rows[0].n,
    requestFiledEvents: ev.rows[0].n,
    ratioToHealth: ratio(filing.reqPerSec, health.reqPerSec),
  };

  log('status reads GET /api/v1/requests/:id/status');
  const ids = (await db.pool.query(`SELECT id FROM req_requests LIMIT 5000`)).rows.map((r) => r.id as string);
  let j = 0;
  const status = summary(
    await run({
      url: `${base}/api/v1/requests`,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/requests/${ids[j++ % ids.length]}/status`,
            headers: citizenH,
          }),
        },
      ],
    }),
  );
  out.statusReads = { ...summary0(status), ratioToHealth: ratio(status.reqPerSec, health.reqPerSec) };
  await built.app.close();

  // Diagnostic: the same filing with the audit log replaced by a no-op, to show how much of the
  // filing cost is the audit insert (the chain itself is sealed off the request path).
  log('filing without the audit chain (diagnostic)');
  const noAudit = await buildPlatformApp(
    { ...deps, audit: { record: async () => {}, recordNow: async () => {} } },
    modules,
  );
  await noAudit.app.listen({ port: 0, host: '127.0.0.1' });
  const base2 = `http://127.0.0.1:${(noAudit.app.server.address() as { port: number }).port}`;
  const filing2 = await fileLoad(base2, 'bench2');
  out.filingWithoutAuditChain = { ...filing2, ratioToHealth: ratio(filing2.reqPerSec, health.reqPerSec) };
  await noAudit.app.close();

  log(`take-next: loading ${TASKS} open tasks`);
  const species = FILEABLE_SPECIES;
  const t0 = Date.now();
  const chunk = 200_000;
  for (let start = 0; start < TASKS; start += chunk) {
    const n = Math.min(chunk, TASKS - start);
    await db.pool.query(
      `WITH r AS (
         INSERT INTO req_requests (id, protocol, citizen_cpf, species, service_code, channel, filed_by_kind, filed_by_account_id, der, unit_id, status, max_days)
         SELECT gen_random_uuid(), '2026.' || lpad((90000000 - $1 - g)::text, 8, '0') || '-0', $3, ($4::text[])[1 + g % 16], 'RI-B' || ($4::text[])[1 + g % 16],
                'in_person', 'staff', 'bench', DATE '2026-01-01' + (g % 300), 'APS' || (g % 10), 'filed', 90
           FROM generate_series(1, $2::int) g
         RETURNING id, species, unit_id, der)
       INSERT INTO req_tasks (id, request_id, kind, service_code, species, unit_id, queue, queue_key, system, status, due_date, created_at, created_on)
       SELECT gen_random_uuid(), r.id, 'analysis', 'RI-B' || r.species, r.species, r.unit_id, 'regular', 'regular:' || r.unit_id || ':' || r.species,
              'PAT', 'open', r.der + 90, now(), r.der
         FROM r`,
      [start, n, cpf, species],
    );
    log(`  ${start + n} tarefas`);
  }
  await db.pool.query('ANALYZE req_tasks; ANALYZE req_requests');
  out.loadSeconds = Math.round((Date.now() - t0) / 1000);
  const analysts: Ctx[] = [];
  for (let i = 0; i < CONN; i++) {
    const staffId = randomUUID();
    await db.pool.query(
      `INSERT INTO req_queue_grants (staff_id, queue, unit_id) VALUES ($1, 'regular', $2)`,
      [staffId, units[i % units.length]],
    );
    analysts.push({
      actor: {
        accountId: `bench-${i}`,
        role: 'analyst',
        name: 'Analista',
        unitId: units[i % units.length]!,
        cpf: null,
        partnerEntityId: null,
        staffId,
        via: 'session',
        sessionId: null,
      },
      requestId: `bench-${i}`,
    });
  }
  log('take-next: 50 concurrent analysts');
  const lat: number[] = [];
  const seen = new Set<string>();
  let dup = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    analysts.map(async (ctx) => {
      while (Date.now() < until) {
        const s = performance.now();
        const t = await takeNextTask(deps, ctx);
        lat.push(performance.now() - s);
        if (!t) break;
        if (seen.has(t.id)) dup++;
        seen.add(t.id);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? 0) * 10) / 10;
  out.takeNext = {
    openTasks: TASKS,
    analysts: CONN,
    taken: lat.length,
    perSecond: Math.round(lat.length / SECONDS),
    p50ms: pct(50),
    p95ms: pct(95),
    p99ms: pct(99),
    duplicates: dup,
  };
} finally {
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);

function ratio(a: number, b: number) {
  return b > 0 ? Math.round((a / b) * 1000) / 1000 : null;
}
function summary0<T>(x: T) {
  return x;
}
