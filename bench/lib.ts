import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
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

/** Starts `previdencia serve` in a child process and waits for /ready. */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/previdencia'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.resume();
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
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/**
 * Closed-loop clients, each with its own headers (session) and its own keep-alive connection,
 * sending the next request as soon as the previous answer arrives: "N analysts pressing the
 * button back to back". Latency is measured per request, from send to the end of the body.
 */
export async function closedLoop(opts: {
  url: string;
  method: string;
  clients: Record<string, string>[];
  seconds: number;
}): Promise<LoadResult & { p95Ms: number; maxMs: number; total: number; statuses: Record<string, number> }> {
  const u = new URL(opts.url);
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const until = performance.now() + opts.seconds * 1000;
  await Promise.all(
    opts.clients.map(async (headers) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (performance.now() < until) {
          const t = performance.now();
          try {
            const status = await new Promise<number>((resolve, reject) => {
              const req = http.request(
                {
                  host: u.hostname,
                  port: u.port,
                  path: u.pathname + u.search,
                  method: opts.method,
                  agent,
                  headers: { ...headers, 'content-length': '0' },
                },
                (res) => {
                  res.resume();
                  res.on('end', () => resolve(res.statusCode ?? 0));
                  res.on('error', reject);
                },
              );
              req.on('error', reject);
              req.end();
            });
            lat.push(performance.now() - t);
            statuses[status] = (statuses[status] ?? 0) + 1;
          } catch {
            errors++;
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  lat.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0) * 10) / 10;
  const non2xx = Object.entries(statuses)
    .filter(([s]) => !s.startsWith('2'))
    .reduce((a, [, n]) => a + n, 0);
  return {
    requestsPerSecond: Math.round(lat.length / opts.seconds),
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    p99Ms: pct(0.99),
    maxMs: pct(1),
    non2xx,
    errors,
    total: lat.length,
    statuses,
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
