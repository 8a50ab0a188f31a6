/**
 * The JavaScript build of src/ that bin/previdencia runs: each .ts file transpiled by esbuild to a
 * .js file at the same place (imports kept, relative ones pointed at the .js files, packages left
 * to node_modules), and every other file of src/ (migrations, data, fixtures) copied beside them.
 *
 * Running plain JavaScript instead of transpiling on the fly (tsx) keeps the server's memory
 * down by ~85 MB (no loader thread, no source maps kept for every module) and starts the CLI
 * faster. The build lives in node_modules/.cache/previdencia/<hash of src>/: it is made again
 * only when a file of src/ changes, atomically (a directory renamed into place), so processes
 * started at once — a test suite spawning the CLI — share one build and never see half of one.
 *
 *   node bin/build.mjs         builds if needed and prints the build directory
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const CACHE = join(ROOT, 'node_modules', '.cache', 'previdencia');
/** Changes to how the build is made (this file) must invalidate earlier builds. */
const RECIPE = '3';
const KEEP_MS = 24 * 3600 * 1000;

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const isTest = (f) => /\.test\.ts$/.test(f);

/** The build directory for the current sources (made first if it does not exist). */
export async function ensureBuild() {
  const files = walk(SRC).filter((f) => !isTest(f));
  const h = createHash('sha256').update(`recipe ${RECIPE}\n`);
  for (const f of files)
    h.update(`${relative(SRC, f)}\0`)
      .update(readFileSync(f))
      .update('\0');
  const dir = join(CACHE, h.digest('hex').slice(0, 20));
  if (existsSync(join(dir, '.complete'))) {
    touch(dir);
    return dir;
  }
  mkdirSync(CACHE, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await transpile(files, tmp);
    writeFileSync(join(tmp, '.complete'), new Date().toISOString());
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process finished the same build first: use theirs.
      if (!existsSync(join(dir, '.complete'))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(dir);
  return dir;
}

async function transpile(files, out) {
  const esbuild = await import('esbuild');
  const entryPoints = files.filter((f) => f.endsWith('.ts'));
  await esbuild.build({
    entryPoints,
    outdir: out,
    outbase: SRC,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    logLevel: 'error',
    plugins: [keepRelativeImports()],
  });
  for (const f of files) {
    if (f.endsWith('.ts')) continue;
    const to = join(out, relative(SRC, f));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(f, to);
  }
}

/**
 * Bundling with every relative import left external: each entry point becomes its own file, and
 * its imports point at the other files of the build (".ts" and extension-less specifiers
 * resolved as tsx does, then written with ".js").
 */
function keepRelativeImports() {
  return {
    name: 'keep-relative-imports',
    setup(build) {
      build.onResolve({ filter: /^\.\.?(\/|$)/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const target = resolveSource(resolve(args.resolveDir, args.path));
        if (!target)
          return { errors: [{ text: `import não encontrado: ${args.path} (em ${args.importer})` }] };
        let spec = relative(dirname(args.importer), target).split(sep).join('/');
        if (!spec.startsWith('.')) spec = `./${spec}`;
        return { path: spec.replace(/\.ts$/, '.js'), external: true };
      });
    },
  };
}

function resolveSource(abs) {
  for (const candidate of [abs, `${abs}.ts`, join(abs, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  if (abs.endsWith('.js') && existsSync(`${abs.slice(0, -3)}.ts`)) return `${abs.slice(0, -3)}.ts`;
  return null;
}

function touch(dir) {
  try {
    const now = new Date();
    utimesSync(dir, now, now);
  } catch {
    // read-only install: nothing to record
  }
}

/** Removes builds of other sources not used for a day (a running process keeps its own). */
function prune(current) {
  for (const name of readdirSync(CACHE)) {
    const p = join(CACHE, name);
    if (p === current) continue;
    try {
      if (Date.now() - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // removed by another process
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${await ensureBuild()}\n`);
}
