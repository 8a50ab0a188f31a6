import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../platform/testing/cli';
import { freshTestDatabase } from '../../platform/testing/fresh-database';

/**
 * `calc params add` as an operator runs it (a real process, on a fresh embedded database or a
 * fresh PostgreSQL database), and the next `calc rmi` using the new monthly index.
 */
let dataDir: string;
let databaseUrl: string | undefined;
let dropDb: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'calc-cli-db-'));
  const fresh = await freshTestDatabase('calc_cli');
  databaseUrl = fresh?.url;
  dropDb = fresh?.drop;
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDb?.();
});

function cli(args: string[]) {
  return runCli(args, { env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' } });
}

describe('previdencia calc params', () => {
  it('adds the next Portaria index (idempotent), refuses another value, and calc rmi --banco uses it', () => {
    const add = [
      'calc',
      'params',
      'add',
      '--kind',
      'monthly-index',
      '--competence',
      '2026-01',
      '--act',
      'Portaria de teste',
    ];
    const first = cli([...add, '--value', '1.003900']);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({
      kind: 'monthly_index',
      competence: '2026-01',
      value: '1.003900',
      created: true,
    });
    const again = cli([...add, '--value', '1.003900']);
    expect(JSON.parse(again.out).created).toBe(false);
    const other = cli([...add, '--value', '1.004000']);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/Já existe/);

    const input = join(dataDir, 'in.json');
    writeFileSync(
      input,
      JSON.stringify({
        benefit: 'B41',
        sex: 'F',
        birth_date: '1961-03-15',
        request_date: '2026-02-10',
        links: [{ start: '2005-01-01', end: '2024-12-31', category: 'employee' }],
        contributions: [{ month: '2024-12', amount: '9000.00' }],
      }),
    );
    const rmi = cli(['calc', 'rmi', '--input', input, '--banco']);
    expect(rmi.code, rmi.err).toBe(0);
    const step = JSON.parse(rmi.out).steps.find((s: { value: string }) => s.value.startsWith('12/2024'));
    expect(step.value).toContain('× 1,048037 =');
    if (!databaseUrl) {
      // without --banco the embedded database is not opened, and the message says where to look
      const files = cli(['calc', 'rmi', '--input', input]);
      expect(files.code).toBe(2);
      expect(files.err).toMatch(/repita com --banco/);
    }
  });
});
