import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/platform/testing/cli';
import { freshTestDatabase } from '../src/platform/testing/fresh-database';

/** The CLI as an operator runs it: a real process, on a fresh embedded database or a fresh PostgreSQL database. */
let dataDir: string;
let databaseUrl: string | undefined;
let dropDb: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pd-cli-'));
  const fresh = await freshTestDatabase('pd_cli');
  databaseUrl = fresh?.url;
  dropDb = fresh?.drop;
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDb?.();
});

function cli(args: string[], input?: string) {
  return runCli(args, {
    input,
    env: { REQUESTS_DEMO_COUNT: '60', DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' },
  });
}

describe('bin/previdencia', () => {
  it('shows help in pt-BR', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Uso: previdencia/);
    expect(r.out).toMatch(/Comandos:/);
    expect(r.out).toMatch(/serve/);
    expect(r.out).toMatch(/audit/);
  });

  it('answers unknown options with a pt-BR error and exit code 2', () => {
    const r = cli(['db', 'migrate', '--nao-existe']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/opção desconhecida/);
  });

  it('migrates, seeds the demo, creates users from stdin and verifies the audit chain', () => {
    expect(cli(['db', 'migrate']).out).toMatch(/Migrações aplicadas: \d+/);
    const seed = cli(['demo', 'seed']);
    expect(seed.code, seed.err).toBe(0);
    expect(seed.out).toMatch(/Dados de demonstração carregados/);
    expect(cli(['demo', 'seed']).out).toMatch(/já estavam carregados/);
    const created = cli(
      [
        'users',
        'create',
        '--login',
        'ana.analista',
        '--name',
        'Ana Analista',
        '--role',
        'analyst',
        '--unit',
        'CEAB-SR1',
      ],
      'uma-senha-forte-1\n',
    );
    expect(created.code, created.err).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({
      login: 'ana.analista',
      role: 'analyst',
      unitId: 'CEAB-SR1',
    });
    const citizen = cli(
      ['users', 'create', '--login', '111.444.777-35', '--name', 'João Cidadão', '--role', 'citizen'],
      'outra-senha-forte\n',
    );
    expect(citizen.code, citizen.err).toBe(0);
    const badCpf = cli(
      ['users', 'create', '--login', '111.444.777-36', '--name', 'CPF Errado', '--role', 'citizen'],
      'outra-senha-forte\n',
    );
    expect(badCpf.code).toBe(2);
    expect(badCpf.err).toMatch(/CPF é inválido/);
    const badRole = cli(
      ['users', 'create', '--login', 'x.y', '--name', 'X Y', '--role', 'rei'],
      'uma-senha-forte-1\n',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/papel inválido/);
    const weak = cli(
      ['users', 'create', '--login', 'fraca', '--name', 'Senha Fraca', '--role', 'analyst', '--unit', 'BR'],
      'curta\n',
    );
    expect(weak.code).toBe(2);
    expect(weak.err).toMatch(/pelo menos 10 caracteres/);
    const verify = cli(['audit', 'verify']);
    expect(verify.code, verify.err).toBe(0);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, brokenAt: null });
  }, 240_000);
});
