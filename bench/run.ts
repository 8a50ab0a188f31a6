/**
 * npm run bench [-- name…]: runs each benchmark script of bench/ (or the named ones) in its own
 * process, one after the other, and prints their JSON figures. Record them in docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = import.meta.dirname;
const skip = new Set(['run.ts', 'lib.ts']);
const wanted = process.argv.slice(2);
const all = readdirSync(dir).filter((f) => f.endsWith('.ts') && !skip.has(f) && !f.endsWith('.test.ts'));
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
let failed = 0;
for (const f of chosen) {
  process.stderr.write(`\n== ${f}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
