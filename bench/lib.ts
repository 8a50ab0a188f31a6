import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { createFreshDatabase } from '../src/platform/testing/fresh-database';

export const ROOT = resolve(import.meta.dirname, '..');
export const PG_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh database on the benchmark server; drop() removes it. */
export const freshDatabase = (prefix: string) => createFreshDatabase(PG_BASE, prefix);

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** CPU time (user + system, or system only, ms) of a process, from /proc; 0 when it is gone. */
function cpuMs(pid: number, only?: 'system'): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = only === 'system' ? Number(f[12]) : Number(f[11]) + Number(f[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres');
      } catch {
        return false;
      }
    });
}

/**
 * Where the CPU of a phase went, per request: the server process, the PostgreSQL processes
 * (every backend of the machine's server) and this process (the load generator). On 2 shared
 * cores this is what explains a throughput: the three compete for the same cores.
 */
export function cpuMeter(serverPid: number) {
  const snap = () => {
    const pg = postgresPids();
    return {
      server: cpuMs(serverPid),
      serverSystem: cpuMs(serverPid, 'system'),
      postgres: pg.reduce((a, p) => a + cpuMs(p), 0),
      load: cpuMs(process.pid),
    };
  };
  const a = snap();
  const t0 = performance.now();
  return {
    /** µs of CPU per request for `requests` requests since the meter started, and the cores used. */
    per(requests: number) {
      const b = snap();
      const seconds = (performance.now() - t0) / 1000;
      const us = (ms: number) => Math.round((ms * 1000) / Math.max(1, requests));
      return {
        serverUs: us(b.server - a.server),
        serverSystemUs: us(b.serverSystem - a.serverSystem),
        postgresUs: us(b.postgres - a.postgres),
        loadGeneratorUs: us(b.load - a.load),
        coresBusy:
          Math.round(
            ((b.server - a.server + b.postgres - a.postgres + b.load - a.load) / 1000 / seconds) * 100,
          ) / 100,
      };
    },
  };
}

/**
 * Starts `previdencia serve` in a child process and waits for /ready. BENCH_SERVER_NODE_ARGS adds
 * Node options to that process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it, or
 * "--trace-gc"); BENCH_SERVER_LOG=<file> keeps its standard output there instead of discarding it.
 */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // As `npm start` runs it: the executable, whose first line sets the process's malloc arenas.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const bin = resolve(ROOT, 'bin/previdencia');
  const [cmd, args] = nodeArgs.length ? [process.execPath, [...nodeArgs, bin, 'serve']] : [bin, ['serve']];
  const child = spawn(cmd, args, {
    env: {
      ...process.env,
      ...(nodeArgs.length ? { MALLOC_ARENA_MAX: '1' } : {}),
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (process.env.BENCH_SERVER_LOG) child.stdout?.pipe(createWriteStream(process.env.BENCH_SERVER_LOG));
  else child.stdout?.resume();
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/ready`);
      if (r.status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('o servidor não ficou pronto em 180 s');
}

export async function stopServer(child: ChildProcess) {
  await new Promise<void>((res) => {
    child.once('exit', () => res());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Requests answered in the phase. */
  total: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export async function load(opts: {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  /** Changes each request before it is sent (a new Idempotency-Key, another path). */
  setupRequest?: (req: autocannon.Request) => autocannon.Request;
}): Promise<LoadResult> {
  const r = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers,
    method: (opts.method ?? 'GET') as 'GET',
    body: opts.body,
    ...(opts.setupRequest
      ? { requests: [{ method: (opts.method ?? 'GET') as 'GET', setupRequest: opts.setupRequest }] }
      : {}),
  });
  return {
    requestsPerSecond: Math.round(r.requests.average),
    total: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

type LoopResult = LoadResult & { p95Ms: number; maxMs: number; statuses: Record<string, number> };

/**
 * A minimal keep-alive HTTP/1.1 client for one connection: the request bytes are built once,
 * and of the answer only the status line and Content-Length are parsed. The load generator
 * shares the 2 cores with the server and PostgreSQL, so it must cost as little as autocannon's
 * client (Node's http client costs ~4 times as much CPU per request).
 */
class LeanConnection {
  private socket: net.Socket | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private waiting: { resolve(status: number): void; reject(e: Error): void } | null = null;
  constructor(
    private readonly u: URL,
    private readonly request: Buffer,
  ) {}

  static build(u: URL, method: string, headers: Record<string, string>) {
    const lines = [`${method} ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, 'Content-Length: 0'];
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    return new LeanConnection(u, Buffer.from(`${lines.join('\r\n')}\r\n\r\n`));
  }

  private connect(): net.Socket {
    const s = net.connect(Number(this.u.port), this.u.hostname);
    s.setNoDelay(true);
    s.on('data', (chunk: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
      this.parse();
    });
    const fail = (e: Error) => {
      this.socket = null;
      this.buf = Buffer.alloc(0);
      const w = this.waiting;
      this.waiting = null;
      w?.reject(e);
    };
    s.on('error', fail);
    s.on('close', () => fail(new Error('conexão encerrada')));
    return s;
  }

  private parse() {
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const head = this.buf.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!m && /\r\ntransfer-encoding:/i.test(head)) throw new Error('resposta em chunks: não suportada');
    const total = end + 4 + (m ? Number(m[1]) : 0);
    if (this.buf.length < total) return;
    this.buf = this.buf.subarray(total);
    const w = this.waiting;
    this.waiting = null;
    w.resolve(status);
  }

  /** Opens the connection (TCP handshake done) before any request is timed on it. */
  open(): Promise<void> {
    if (this.socket) return Promise.resolve();
    const s = this.connect();
    this.socket = s;
    return new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('error', reject);
    });
  }

  send(): Promise<number> {
    this.socket ??= this.connect();
    return new Promise<number>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket!.write(this.request);
    });
  }

  close() {
    this.socket?.removeAllListeners('close');
    this.socket?.destroy();
    this.socket = null;
  }
}

function summarize(
  lat: number[],
  statuses: Record<string, number>,
  errors: number,
  seconds: number,
): LoopResult {
  lat.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0) * 10) / 10;
  const non2xx = Object.entries(statuses)
    .filter(([s]) => !s.startsWith('2'))
    .reduce((a, [, n]) => a + n, 0);
  return {
    requestsPerSecond: Math.round(lat.length / seconds),
    total: lat.length,
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    p99Ms: pct(0.99),
    maxMs: pct(1),
    non2xx,
    errors,
    statuses,
  };
}

/**
 * Closed-loop clients, each with its own headers (session) and its own keep-alive connection,
 * sending the next request as soon as the previous answer arrives: "N analysts pressing the
 * button back to back", a saturation test. Latency is measured per request, from send to the
 * end of the body.
 */
export async function closedLoop(opts: {
  url: string;
  method: string;
  clients: Record<string, string>[];
  seconds: number;
}): Promise<LoopResult> {
  const u = new URL(opts.url);
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  // Connections are open before the clock starts: an analyst's browser keeps its connection.
  const conns = opts.clients.map((h) => LeanConnection.build(u, opts.method, h));
  await Promise.all(conns.map((c) => c.open()));
  const t0 = performance.now();
  const until = t0 + opts.seconds * 1000;
  await Promise.all(
    conns.map(async (conn) => {
      try {
        while (performance.now() < until) {
          const t = performance.now();
          try {
            const status = await conn.send();
            lat.push(performance.now() - t);
            statuses[status] = (statuses[status] ?? 0) + 1;
          } catch {
            errors++;
          }
        }
      } finally {
        conn.close();
      }
    }),
  );
  return summarize(lat, statuses, errors, (performance.now() - t0) / 1000);
}

/**
 * Bursts: every client sends one request at the same instant (each on its own warm keep-alive
 * connection), the burst ends when the last answer arrives, then the next burst starts — "N
 * analysts pressing the button together", the moment of most contention for the same tasks.
 */
export async function bursts(opts: {
  url: string;
  method: string;
  clients: Record<string, string>[];
  rounds: number;
}): Promise<LoopResult & { rounds: number; slowestBurstMs: number; slowestBurstsMs: number[] }> {
  const u = new URL(opts.url);
  const conns = opts.clients.map((h) => LeanConnection.build(u, opts.method, h));
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const durations: number[] = [];
  const starts: number[] = [];
  // Connections are open before the first burst: otherwise it also times 50 TCP handshakes
  // (measured: 81 ms, against 15-30 ms for the bursts after it).
  await Promise.all(conns.map((c) => c.open()));
  const t0 = performance.now();
  try {
    for (let r = 0; r < opts.rounds; r++) {
      const b0 = performance.now();
      await Promise.all(
        conns.map(async (_c, i) => {
          const t = performance.now();
          try {
            const status = await conns[i]!.send();
            lat.push(performance.now() - t);
            statuses[status] = (statuses[status] ?? 0) + 1;
          } catch {
            errors++;
          }
        }),
      );
      durations.push(performance.now() - b0);
      starts.push(Date.now() - (performance.now() - b0));
    }
  } finally {
    for (const c of conns) c.close();
  }
  // BENCH_BURST_TRACE=<file>: each burst's wall-clock start and duration, in order, to line the
  // slow ones up with what else ran at that moment (autovacuum, checkpoints, GC).
  if (process.env.BENCH_BURST_TRACE) {
    const lines = durations.map((d, i) => `${new Date(starts[i]!).toISOString()} ${i} ${d.toFixed(1)}`);
    writeFileSync(process.env.BENCH_BURST_TRACE, `${lines.join('\n')}\n`);
  }
  const slowest = durations
    .sort((a, b) => b - a)
    .slice(0, 5)
    .map((d) => Math.round(d * 10) / 10);
  return {
    ...summarize(lat, statuses, errors, (performance.now() - t0) / 1000),
    rounds: opts.rounds,
    slowestBurstMs: slowest[0] ?? 0,
    slowestBurstsMs: slowest,
  };
}

export async function loginCookie(base: string, login: string, password: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (r.status !== 200) throw new Error(`login ${login}: ${r.status} ${await r.text()}`);
  const cookie = /pd_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')![1]!;
  const body = (await r.json()) as { csrfToken: string };
  return { cookie: `pd_session=${cookie}`, csrf: body.csrfToken };
}
