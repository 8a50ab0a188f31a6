import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import { type Coalescer, createCoalescer } from '../../platform/db/coalescer';
import { statement } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, unprocessable } from '../../platform/errors';
import { OUTBOX_INSERT } from '../../platform/outbox/outbox';
import type { ClockEvent } from './domain/deadline';
import { ACTION_TARGET, availableActions, isActionAllowed, type Status } from './domain/lifecycle';
import {
  type Eligibility,
  eligibleQueues,
  isEligibilityEmpty,
  type QueueGrant,
  type QueueKind,
} from './domain/queues';
import { clockOf, type RequestRow, rows, type TaskRow, today } from './store';
import { presentTask } from './views';

// The claim below moves the request filed → in_analysis in SQL (one round trip); it is only
// valid while the lifecycle table says so. Checked when the module loads.
if (!isActionAllowed('filed', 'ASSIGN') || ACTION_TARGET.ASSIGN !== 'in_analysis') {
  throw new Error(
    'take-next-task: a tabela do ciclo de vida mudou para ASSIGN; revise a reivindicação em SQL.',
  );
}

const GRANTS_TTL_MS = 30_000;
const grantCache = new WeakMap<object, Map<string, { at: number; eligibility: Eligibility }>>();

/**
 * The queues a server may take from: their grants, or by default the regular queue of their own
 * unit. Cached for 30 s per server; grant changes through this instance apply at once
 * (forgetQueueGrants), through another within that.
 */
export async function queuesOf(
  deps: Pick<Deps, 'db'>,
  staffId: string,
  unitId: string | null,
): Promise<Eligibility> {
  let cache = grantCache.get(deps.db);
  if (!cache) {
    cache = new Map();
    grantCache.set(deps.db, cache);
  }
  const hit = cache.get(staffId);
  if (hit && Date.now() - hit.at < GRANTS_TTL_MS) return hit.eligibility;
  const grants = await rows<{ queue: QueueKind; unit_id: string; species: string }>(
    deps.db.orm,
    sql`SELECT queue, unit_id, species FROM req_queue_grants WHERE staff_id = ${staffId}`,
  );
  const list: QueueGrant[] = grants.map((g) => ({
    queue: g.queue,
    unitId: g.unit_id,
    species: g.species === '*' ? null : g.species,
  }));
  if (list.length === 0 && unitId) list.push({ queue: 'regular', unitId, species: null });
  const eligibility = eligibleQueues(list);
  cache.set(staffId, { at: Date.now(), eligibility });
  return eligibility;
}

export function forgetQueueGrants(deps: Pick<Deps, 'db'>, staffId: string) {
  grantCache.get(deps.db)?.delete(staffId);
}

/**
 * The claim, given `picked` (the tasks locked for this statement, each with the analyst it goes
 * to: ord, staff_id, account_id, role): move each request filed → in_analysis (ASSIGN), and only
 * then assign the task, write both histories and the task.assigned event. An analysis task whose
 * request is not "filed" any more (inconsistent, or changed a moment ago) is not assigned: the
 * statement reports it instead. $1 is the time of the take.
 */
const CLAIM = `
   req AS (
     UPDATE req_requests r
        SET status = 'in_analysis', holder_staff_id = p.staff_id, version = r.version + 1, updated_at = $1::timestamptz
       FROM picked p
      WHERE r.id = p.request_id AND p.kind = 'analysis' AND r.status = 'filed'
     RETURNING r.id, r.protocol, r.status, r.version, r.max_days),
   claimed AS (
     UPDATE req_tasks t
        SET status = 'assigned', assignee_staff_id = p.staff_id, assigned_at = $1::timestamptz, version = t.version + 1
       FROM picked p
      WHERE t.id = p.id AND (p.kind <> 'analysis' OR EXISTS (SELECT 1 FROM req WHERE req.id = p.request_id))
     RETURNING p.ord, p.staff_id AS by_staff_id, p.account_id AS by_account_id, p.role AS by_role,
               t.id, t.request_id, t.kind, t.service_code, t.species, t.unit_id, t.queue, t.queue_key, t.system, t.status,
               t.assignee_staff_id, t.assigned_at, t.due_date, t.is_overdue, t.escalated_to_unit_id, t.escalated_at,
               t.subtasks, t.supervision_id, t.reason, t.concluded_at, t.concluded_on, t.concluded_by_staff_id,
               t.concluded_queue, t.conclusion, t.is_automatic, t.version, t.created_at, t.created_on),
   ra AS (
     INSERT INTO req_request_actions (request_id, seq, action, status_after, actor_account_id, actor_role, staff_id, at, details)
     SELECT req.id, req.version, 'ASSIGN', 'in_analysis', c.by_account_id, c.by_role, c.by_staff_id, $1::timestamptz,
            jsonb_build_object('taskId', c.id, 'via', 'take_next')
       FROM req JOIN claimed c ON c.request_id = req.id),
   ta AS (
     INSERT INTO req_task_actions (task_id, action, actor_account_id, staff_id, to_staff_id, at, details)
     SELECT c.id, 'assigned', c.by_account_id, c.by_staff_id, c.by_staff_id, $1::timestamptz, '{"via":"take_next"}'::jsonb
       FROM claimed c),
   ev AS (
     ${OUTBOX_INSERT}
     SELECT uuid_v7(), 'task.assigned', 'task', c.id::text,
            jsonb_build_object('taskId', c.id, 'requestId', c.request_id, 'staffId', c.by_staff_id,
                               'unitId', c.unit_id, 'queue', c.queue, 'via', 'take_next'), 1
       FROM claimed c)
   SELECT c.ord, false AS inconsistent, row_to_json(c.*) AS task,
          COALESCE((SELECT row_to_json(req.*) FROM req WHERE req.id = c.request_id),
                   (SELECT json_build_object('id', r2.id, 'protocol', r2.protocol, 'status', r2.status, 'version', r2.version,
                                             'max_days', r2.max_days)
                      FROM req_requests r2 WHERE r2.id = c.request_id)) AS request,
          COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'on', e.on_date) ORDER BY e.id)
                      FROM req_clock_events e WHERE e.request_id = c.request_id), '[]'::json) AS clock
     FROM claimed c
   UNION ALL
   SELECT p.ord, true, NULL, json_build_object('id', r3.id, 'status', r3.status), NULL
     FROM picked p JOIN req_requests r3 ON r3.id = p.request_id
    WHERE NOT EXISTS (SELECT 1 FROM claimed c WHERE c.id = p.id)`;

/**
 * The candidates of a set of queues: the top `limit` open tasks of each whole queue (`units`:
 * [{queue, unit_id}], through req_tasks_take_unit_idx) and of each species queue (`keys`:
 * [key], through req_tasks_take_idx), then the `limit` most urgent of them all. A take touches a
 * handful of index pages whatever the backlog.
 */
const candidatesOf = (units: string, keys: string, limit: string) => `
     SELECT x.id, x.due_date, x.created_at FROM (
       SELECT c.id, c.due_date, c.created_at
         FROM jsonb_to_recordset(${units}) u(queue text, unit_id text)
        CROSS JOIN LATERAL (
          SELECT id, due_date, created_at FROM req_tasks
           WHERE status = 'open' AND queue = u.queue AND unit_id = u.unit_id
           ORDER BY due_date NULLS LAST, created_at LIMIT ${limit}) c
       UNION ALL
       SELECT c.id, c.due_date, c.created_at
         FROM jsonb_array_elements_text(${keys}) k(key)
        CROSS JOIN LATERAL (
          SELECT id, due_date, created_at FROM req_tasks
           WHERE status = 'open' AND queue_key = k.key
           ORDER BY due_date NULLS LAST, created_at LIMIT ${limit}) c) x
      ORDER BY x.due_date NULLS LAST, x.created_at LIMIT ${limit}`;

/**
 * Many takes in one statement (the coalesced path). $2: groups of analysts with the same queues
 * [{grp, n, units, keys}], whose queues do not overlap between groups (so no task is a candidate
 * of two groups); $3: the analysts [{ord, grp, pos, staff_id, account_id, role}], pos = order of
 * arrival within the group. Each group locks, among its n + 4 most urgent open tasks, the first
 * n nobody else is taking (SKIP LOCKED; exactly as many as it will assign, so that no one else
 * skips a task this statement leaves), and the i-th most urgent goes to the i-th analyst to
 * arrive. An analyst left without one (those were being taken by other statements) retries on
 * the single path, with its deeper tiers.
 *
 * The statements here are prepared once per connection and must run on their cached generic
 * plan (planning costs more than executing them): nothing the planner estimates from depends on
 * the values — lists come as jsonb (the same row estimate for any value), limits are in the text
 * or computed from the rows.
 */
const TAKE_BATCH = statement(
  'req_take_next_batch',
  `WITH g AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS g(grp int, n int, units jsonb, keys jsonb)),
   a AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS a(ord int, grp int, pos int, staff_id text, account_id text, role text)),
   locked AS (
     SELECT g.grp, x.id, x.kind, x.request_id, x.due_date, x.created_at
       FROM g CROSS JOIN LATERAL (
         SELECT t.id, t.kind, t.request_id, c.due_date, c.created_at
           FROM (${candidatesOf('g.units', 'g.keys', 'g.n + 4')}) c
           JOIN req_tasks t ON t.id = c.id
          WHERE t.status = 'open'
          ORDER BY c.due_date NULLS LAST, c.created_at
          LIMIT g.n
          FOR UPDATE OF t SKIP LOCKED) x),
   numbered AS (
     SELECT l.*, row_number() OVER (PARTITION BY l.grp ORDER BY l.due_date NULLS LAST, l.created_at, l.id) AS pos
       FROM locked l),
   picked AS (
     SELECT a.ord, a.staff_id, a.account_id, a.role, nb.id, nb.kind, nb.request_id
       FROM numbered nb JOIN a ON a.grp = nb.grp AND a.pos = nb.pos),
   ${CLAIM}`,
);

/**
 * One take on its own: the fallback of an analyst the batch left without a task. Tiers of 8 and
 * 64 candidates, then, when every one of those was being taken by someone else, all open tasks
 * of the queues. $2 staff id, $3 account id, $4 role, $5 units, $6 keys.
 */
const single = (top: string) => `WITH top AS (${top}),
   picked AS (
     SELECT 1 AS ord, $2::text AS staff_id, $3::text AS account_id, $4::text AS role, t.id, t.kind, t.request_id
       FROM req_tasks t JOIN top ON top.id = t.id
      WHERE t.status = 'open'
      ORDER BY top.due_date NULLS LAST, top.created_at
      LIMIT 1
      FOR UPDATE OF t SKIP LOCKED),
   ${CLAIM}`;
const TAKE_SINGLE = [
  statement('req_take_next_8', single(candidatesOf('$5::jsonb', '$6::jsonb', '8'))),
  statement('req_take_next_64', single(candidatesOf('$5::jsonb', '$6::jsonb', '64'))),
  statement(
    'req_take_next_any',
    single(`SELECT t.id, t.due_date, t.created_at FROM req_tasks t
             WHERE t.status = 'open'
               AND (EXISTS (SELECT 1 FROM jsonb_to_recordset($5::jsonb) u(queue text, unit_id text)
                             WHERE u.queue = t.queue AND u.unit_id = t.unit_id)
                    OR t.queue_key IN (SELECT jsonb_array_elements_text($6::jsonb)))
             ORDER BY t.due_date NULLS LAST, t.created_at`),
  ),
];

interface ClaimRow {
  ord: number;
  inconsistent: boolean;
  task: TaskRow | null;
  request: Pick<RequestRow, 'id' | 'protocol' | 'status' | 'version' | 'max_days'>;
  clock: ClockEvent[] | null;
}

interface Take {
  staffId: string;
  accountId: string;
  role: string;
  queues: Eligibility;
}

const unitsJson = (q: Eligibility) =>
  JSON.stringify(q.units.map((u) => ({ queue: u.queue, unit_id: u.unitId })));

/** Whether two sets of queues can share a task (a species queue lies inside its unit's whole queue). */
function overlaps(a: Eligibility, b: Eligibility): boolean {
  const whole = (q: Eligibility) => new Set(q.units.map((u) => `${u.queue}:${u.unitId}`));
  const wa = whole(a);
  const wb = whole(b);
  const inWhole = (key: string, w: Set<string>) => w.has(key.slice(0, key.lastIndexOf(':')));
  if ([...wa].some((u) => wb.has(u))) return true;
  const kb = new Set(b.keys);
  return a.keys.some((k) => kb.has(k) || inWhole(k, wb)) || b.keys.some((k) => inWhole(k, wa));
}

/**
 * Analysts per statement. The statements of one turn run at the same time, each in its own
 * backend on one core: more of them than the database has cores only makes them compete for the
 * cores (with this server too, when it shares the machine). Measured on 2 cores with 50 analysts
 * in bursts over 1 M open tasks: 12 per statement (5 statements) p99 36-49 ms and 305-347 µs of
 * PostgreSQL CPU per task; 25 (2 statements) p99 23-26 ms, 195-237 µs; 50 (1 statement) p99
 * 36-39 ms, 238-258 µs (docs/performance.md).
 */
const STATEMENT_TAKES = 25;

async function takeOne(deps: Deps, t: Take): Promise<ClaimRow | undefined> {
  for (const st of TAKE_SINGLE) {
    const values = [
      deps.clock.now(),
      t.staffId,
      t.accountId,
      t.role,
      unitsJson(t.queues),
      JSON.stringify(t.queues.keys),
    ];
    const row = (await deps.db.query<ClaimRow>(st, values)).rows[0];
    if (row) return row;
  }
  return undefined;
}

/**
 * The takes of one event-loop turn, in few statements: analysts with the same queues form a group
 * (they share candidates); groups whose queues overlap go to different statements.
 */
async function takeMany(deps: Deps, takes: readonly Take[]): Promise<(ClaimRow | undefined)[]> {
  const groups = new Map<string, { queues: Eligibility; members: number[] }>();
  takes.forEach((t, i) => {
    const key = `${unitsJson(t.queues)}|${JSON.stringify(t.queues.keys)}`;
    const g = groups.get(key);
    if (g) g.members.push(i);
    else groups.set(key, { queues: t.queues, members: [i] });
  });
  // Statements of up to STATEMENT_TAKES analysts, run at the same time: one statement's work runs
  // in one PostgreSQL backend, on one core.
  const statements: { queues: Eligibility; members: number[] }[][] = [];
  const size = (st: { members: number[] }[]) => st.reduce((n, g) => n + g.members.length, 0);
  for (const g of groups.values()) {
    const fits = statements.find(
      (st) =>
        size(st) + g.members.length <= STATEMENT_TAKES &&
        st.every((other) => !overlaps(other.queues, g.queues)),
    );
    if (fits) fits.push(g);
    else statements.push([g]);
  }
  const results: (ClaimRow | undefined)[] = new Array(takes.length).fill(undefined);
  const now = deps.clock.now();
  await Promise.all(
    statements.map(async (st) => {
      const gs = st.map((g, grp) => ({
        grp,
        n: g.members.length,
        units: g.queues.units.map((u) => ({ queue: u.queue, unit_id: u.unitId })),
        keys: g.queues.keys,
      }));
      const as = st.flatMap((g, grp) =>
        g.members.map((i, pos) => ({
          ord: i + 1,
          grp,
          pos: pos + 1,
          staff_id: takes[i]!.staffId,
          account_id: takes[i]!.accountId,
          role: takes[i]!.role,
        })),
      );
      const { rows } = await deps.db.query<ClaimRow>(TAKE_BATCH, [
        now,
        JSON.stringify(gs),
        JSON.stringify(as),
      ]);
      for (const r of rows) results[r.ord - 1] = { ...r, ord: 1 };
    }),
  );
  // Left without a task by this batch: the single path, with its deeper tiers.
  await Promise.all(
    results.map(async (r, i) => {
      if (!r) results[i] = await takeOne(deps, takes[i]!);
    }),
  );
  return results;
}

const takers = new WeakMap<object, Coalescer<Take, ClaimRow | undefined>>();

function takerOf(deps: Deps): Coalescer<Take, ClaimRow | undefined> {
  let c = takers.get(deps.db);
  if (!c) {
    c = createCoalescer((takes: readonly Take[]) =>
      takes.length === 1 ? takeOne(deps, takes[0]!).then((r) => [r]) : takeMany(deps, takes),
    );
    takers.set(deps.db, c);
  }
  return c;
}

/**
 * "Pegar próxima tarefa": the most urgent open task of the caller's queues — earliest legal due
 * date first, tasks whose clock has not started after those, then the oldest. SELECT … FOR UPDATE
 * SKIP LOCKED makes concurrent analysts skip a row another one is taking instead of waiting for
 * it, so no task is ever handed out twice.
 *
 * Takes arriving together are claimed together (platform/db/coalescer.ts): one statement — one
 * round trip and one commit — picks, claims, ASSIGNs, writes both histories and the
 * task.assigned events for all of them, the earlier arrival getting the more urgent task. No
 * audit row: taking a task reads no personal data (the view has no CPF, name or declared data)
 * and who took what is the append-only task and request history written here.
 */
export async function takeNextTask(deps: Deps, ctx: Ctx) {
  const staffId = ctx.actor.staffId;
  if (!staffId) {
    throw unprocessable(
      'Sua conta não está vinculada a um servidor (matrícula): não há filas para pegar tarefas.',
      [{ field: 'staffId', message: 'conta sem servidor vinculado' }],
    );
  }
  const queues = await queuesOf(deps, staffId, ctx.actor.unitId);
  if (isEligibilityEmpty(queues)) return null;
  const found = await takerOf(deps).submit({
    staffId,
    accountId: ctx.actor.accountId,
    role: ctx.actor.role,
    queues,
  });
  if (!found) return null;
  if (found.inconsistent || !found.task) {
    // The task is open but its request is not "filed": nothing was changed.
    const status = found.request.status as Status;
    throw actionNotAllowed('ASSIGN', status, availableActions(status));
  }
  const { task, request } = found;
  return presentTask(task, clockOf(request, found.clock ?? [], today(deps)), { protocol: request.protocol });
}
