/**
 * Registry import benchmark (issue 3, "Registry"): imports N monthly remuneration rows from a CSV
 * file into the real PostgreSQL with the module's importer, and compares its throughput with a
 * raw COPY of the same file (every line into a one-column text table: the floor of getting those
 * bytes into PostgreSQL) measured in the same run. Each measurement runs in its own child process
 * so its peak RSS is its own.
 *
 *   CONTRIB_BENCH_ROWS=1000000,10000000 node --import tsx bench/contrib-import.ts
 *   CONTRIB_BENCH_DB=postgres://postgres@127.0.0.1:5432/contrib_bench (default; created if missing)
 *   CONTRIB_BENCH_REPEAT=3 (interleaved runs of each variant; medians reported, peak RSS = max)
 *
 * Prints one JSON object; target: ratio ≥ 0.5 and peak RSS ≤ 300 MB at every size.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { syntheticCnpj, syntheticCpf, syntheticNit } from '../src/modules/contributions/domain/synthetic';
import { importContributions } from '../src/modules/contributions/import-contributions';
import { fileSource } from '../src/modules/contributions/import-sources';
import { openDatabase } from '../src/platform/db/database';
import { migrate } from '../src/platform/db/migrate';
import type { Deps } from '../src/platform/deps';

const DB = process.env.CONTRIB_BENCH_DB ?? 'postgres://postgres@127.0.0.1:5432/contrib_bench';
const MONTHS = 360;
const REPEAT = Math.max(1, Number(process.env.CONTRIB_BENCH_REPEAT ?? '3'));
const MIGRATIONS = join(import.meta.dirname, '../src/modules/contributions/migrations');

async function ensureDatabase() {
  const u = new URL(DB);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!r.rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await c.end();
}

/** N remuneration rows: one person and one employee link per 360 months, amounts varying, some indicators. */
async function generate(path: string, rows: number) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let buf = '';
  const write = async (s: string) => {
    buf += s;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  };
  const people = Math.ceil(rows / MONTHS);
  let left = rows;
  for (let p = 0; p < people; p++) {
    const cpf = syntheticCpf(700_000_000 + p);
    await write(
      `P,${cpf},${syntheticNit(700_000_000 + p)},PESSOA SINTETICA ${p},1970-01-15,${p % 2 ? 'F' : 'M'}\n`,
    );
    await write(
      `V,${cpf},1,${syntheticCnpj(10_000_000 + (p % 5000))},employee,1994-07-01,,EMPRESA ${p % 5000},\n`,
    );
    const n = Math.min(MONTHS, left);
    left -= n;
    for (let m = 0; m < n; m++) {
      const idx = 1994 * 12 + 6 + m;
      const c = `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
      const cents = 100_000 + ((p * 7919 + m * 104_729) % 900_000);
      const ind = m % 97 === 0 ? ',PEXT' : '';
      await write(
        `R,${cpf},1,${c},${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}${ind}\n`,
      );
    }
  }
  out.end(buf);
  await new Promise<void>((r) => out.on('close', () => r()));
}

/**
 * The same remuneration rows already in contrib_remunerations' own COPY text format (link id =
 * person number + 1, which is what a fresh import assigns): the "COPY-speed" reference — what
 * PostgreSQL needs to store those rows in the same table with the same indexes, with no parsing,
 * validation or id resolution on our side.
 */
async function generateTarget(path: string, rows: number) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let buf = '';
  let left = rows;
  for (let p = 0; left > 0; p++) {
    const n = Math.min(MONTHS, left);
    left -= n;
    for (let m = 0; m < n; m++) {
      const idx = 1994 * 12 + 6 + m;
      const c = `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-01`;
      const cents = 100_000 + ((p * 7919 + m * 104_729) % 900_000);
      buf += `${p + 1}\t${c}\t0\t${cents}\t${m % 97 === 0 ? '{PEXT}' : '\\N'}\n`;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
        buf = '';
      }
    }
  }
  out.end(buf);
  await new Promise<void>((r) => out.on('close', () => r()));
}

async function resetSchema(pool: pg.Pool) {
  await pool.query(
    `DROP TABLE IF EXISTS contrib_remunerations, contrib_benefits, contrib_links, contrib_people, bench_raw CASCADE`,
  );
  await pool.query(`DELETE FROM platform_migrations WHERE module = 'contributions'`).catch(() => {});
  await migrate(pool, [{ module: 'contributions', dir: MIGRATIONS }]);
  await pool.query('CREATE TABLE bench_raw (line text)');
  await pool.query('CHECKPOINT');
}

// ---- child modes: one measurement each, prints {seconds, maxRssMb, ...}
async function childRaw(file: string) {
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const t0 = performance.now();
  await c.query('BEGIN');
  await pipeline(
    createReadStream(file, { highWaterMark: 1 << 20 }),
    c.query(copyFrom('COPY bench_raw (line) FROM STDIN')),
  );
  await c.query('COMMIT');
  const seconds = (performance.now() - t0) / 1000;
  await c.end();
  console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function childTarget(file: string) {
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const t0 = performance.now();
  await c.query('BEGIN');
  await pipeline(
    createReadStream(file, { highWaterMark: 1 << 20 }),
    c.query(
      copyFrom('COPY contrib_remunerations (link_id, competence, part, amount_cents, indicators) FROM STDIN'),
    ),
  );
  await c.query('COMMIT');
  const seconds = (performance.now() - t0) / 1000;
  await c.end();
  console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function childImport(file: string) {
  const db = await openDatabase({ url: DB, poolSize: 2 });
  let audited = 0;
  const deps = {
    db,
    audit: {
      record: async () => {
        audited++;
      },
      recordNow: async () => {},
    },
  } as unknown as Deps;
  const ctx = {
    actor: {
      accountId: 'bench',
      role: 'integration',
      name: 'bench',
      unitId: null,
      cpf: null,
      partnerEntityId: null,
      staffId: null,
      via: 'system',
      sessionId: null,
    },
    requestId: randomUUID(),
  } as const;
  const t0 = performance.now();
  const summary = await importContributions(deps, ctx, fileSource(file, 'csv'));
  const seconds = (performance.now() - t0) / 1000;
  await db.close();
  const cpu = process.cpuUsage();
  // Diagnostic: what the importer still holds at the end (its per-link state) after a full GC.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const retainedHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    JSON.stringify({
      seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      retainedHeapMb,
      summary,
      audited,
    }),
  );
}

function runChild(mode: string, file: string) {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', import.meta.filename, mode, file],
    {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`${mode} falhou: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

async function main() {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'raw') return childRaw(file!);
  if (mode === 'import') return childImport(file!);
  if (mode === 'target') return childTarget(file!);

  const sizes = (process.env.CONTRIB_BENCH_ROWS ?? '1000000').split(',').map((s) => Number(s.trim()));
  await ensureDatabase();
  const pool = new pg.Pool({ connectionString: DB, max: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'contrib-bench-'));
  const results = [];
  try {
    for (const rows of sizes) {
      const path = join(dir, `rem_${rows}.csv`);
      const g0 = performance.now();
      await generate(path, rows);
      const genSeconds = (performance.now() - g0) / 1000;
      const bytes = statSync(path).size;
      const targetPath = join(dir, `rem_${rows}.tsv`);
      await generateTarget(targetPath, rows);
      // Interleaved repetitions (the machine is shared: noise hits every variant alike); medians reported.
      const raws: { seconds: number; maxRssMb: number }[] = [];
      const targets: { seconds: number; maxRssMb: number }[] = [];
      const imps: { seconds: number; maxRssMb: number; summary: { method: string; people: number } }[] = [];
      for (let k = 0; k < REPEAT; k++) {
        await resetSchema(pool);
        raws.push(runChild('raw', path));
        await resetSchema(pool);
        targets.push(runChild('target', targetPath));
        await resetSchema(pool);
        imps.push(runChild('import', path));
      }
      rmSync(targetPath);
      const med = <T extends { seconds: number }>(xs: T[]) =>
        [...xs].sort((a, b) => a.seconds - b.seconds)[xs.length >> 1]!;
      const raw = { ...med(raws), maxRssMb: Math.max(...raws.map((x) => x.maxRssMb)) };
      const target = { ...med(targets), maxRssMb: Math.max(...targets.map((x) => x.maxRssMb)) };
      const imp = { ...med(imps), maxRssMb: Math.max(...imps.map((x) => x.maxRssMb)) };
      const stored = Number(
        (await pool.query('SELECT count(*)::int8 AS n FROM contrib_remunerations')).rows[0].n,
      );
      if (stored !== rows) throw new Error(`esperadas ${rows} linhas, gravadas ${stored}`);
      results.push({
        rows,
        file_mb: +(bytes / 2 ** 20).toFixed(1),
        generate_s: +genSeconds.toFixed(1),
        raw_copy: {
          seconds: +raw.seconds.toFixed(2),
          rows_per_s: Math.round(rows / raw.seconds),
          peak_rss_mb: Math.round(raw.maxRssMb),
        },
        import: {
          seconds: +imp.seconds.toFixed(2),
          rows_per_s: Math.round(rows / imp.seconds),
          peak_rss_mb: Math.round(imp.maxRssMb),
          method: imp.summary.method,
          cpu_s: +(imp as unknown as { cpuSeconds: number }).cpuSeconds.toFixed(1),
          retained_heap_after_gc_mb: Math.round(
            (imp as unknown as { retainedHeapMb: number }).retainedHeapMb,
          ),
          people: imp.summary.people,
        },
        raw_copy_target_table: {
          seconds: +target.seconds.toFixed(2),
          rows_per_s: Math.round(rows / target.seconds),
          peak_rss_mb: Math.round(target.maxRssMb),
        },
        ratio_vs_raw_copy: +(raw.seconds / imp.seconds).toFixed(3),
        ratio_vs_copy_into_target_table: +(target.seconds / imp.seconds).toFixed(3),
      });
      rmSync(path);
    }
    await pool.query('DROP TABLE IF EXISTS bench_raw');
  } finally {
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    JSON.stringify(
      {
        benchmark: 'contrib-import',
        baselines: {
          raw_copy: 'the same CSV file, each line into a one-column text table (no parsing, no index)',
          raw_copy_target_table:
            'the same rows pre-converted to the table format, COPY into contrib_remunerations (same indexes, no validation)',
        },
        target: { ratio_min: 0.5, peak_rss_mb_max: 300 },
        node: process.version,
        repeat: REPEAT,
        load_average_at_end: os.loadavg().map((x) => +x.toFixed(1)),
        results,
      },
      null,
      2,
    ),
  );
}

await main();
