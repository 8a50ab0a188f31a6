import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root folder (the one with this package's package.json), found from this file:
 * the same from the TypeScript sources and from their JavaScript build (bin/build.mjs, under
 * node_modules/.cache), which sit at different depths. Files outside src/ (data/reference, docs)
 * are reached through it.
 */
function findRoot(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'previdencia-digital'
    )
      return d;
    if (dirname(d) === d) throw new Error(`pasta do projeto não encontrada acima de ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
