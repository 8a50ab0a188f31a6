import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../../bin/previdencia');
const dataDir = mkdtempSync(join(tmpdir(), 'pd-req-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Bad input is refused before any database is opened: pt-BR message on stderr, exit code 2.
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
    },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('previdencia requerimentos', () => {
  it('lists its commands in pt-BR', () => {
    const r = cli(['requerimentos', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/expirar-exigencias/);
    expect(r.out).toMatch(/sinalizar-atrasos/);
  });

  it('refuses a bad queue, species or date with exit code 2', () => {
    const q = cli(['requerimentos', 'conceder-fila', '--servidor', 's', '--unidade', 'u', '--fila', 'vip']);
    expect(q.code).toBe(2);
    expect(q.err).toMatch(/Fila inválida/);
    const s = cli(['requerimentos', 'conceder-fila', '--servidor', 's', '--unidade', 'u', '--especie', '4']);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/Espécie inválida/);
    const d = cli([
      'requerimentos',
      'abrir-vagas',
      '--unidade',
      'u',
      '--tipo',
      'medical_exam',
      '--de',
      '31/12/2026',
      '--ate',
      '2027-01-10',
    ]);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/Data inválida/);
    const e = cli([
      'requerimentos',
      'regra-escalonamento',
      '--unidade',
      '*',
      '--destino',
      '@gex',
      '--dias',
      '-3',
    ]);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/dias inválido/);
  });
});
