import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../cli/main';

/** Contract tests of `previdencia calc rmi` (issue 3, "Contract"). */
const BIN = resolve(import.meta.dirname, '../../../bin/previdencia');
const dir = mkdtempSync(join(tmpdir(), 'calc-cli-'));
const valid = {
  benefit: 'B41',
  sex: 'M',
  birth_date: '1960-04-20',
  request_date: '2025-06-10',
  rule: 'auto',
  links: [{ start: '1986-03-01', end: '2025-05-31', category: 'employee' }],
  contributions: [
    { month: '1994-07', amount: '582.86' },
    { month: '2025-05', amount: '3499.95' },
  ],
};
const file = (name: string, body: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

describe('bin/previdencia calc rmi (spawned)', () => {
  it('prints the result JSON with exactly the contract fields', () => {
    const r = spawnSync(BIN, ['calc', 'rmi', '--input', file('ok.json', valid), '--somente-arquivos'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'rule',
      'eligible',
      'dib',
      'contribution_time',
      'qualifying_months',
      'average',
      'benefit_salary',
      'coefficient',
      'fator_previdenciario',
      'rmi',
      'steps',
      'alternatives',
    ]);
    expect(out.dib).toBe('2025-06-10');
    expect(out.rmi).toMatch(/^\d+\.\d{2}$/);
    expect(Object.keys(out.steps[0])).toEqual(['what', 'value', 'legal']);
  });

  it('reads stdin with "-" and answers bad input with exit 2 and a pt-BR message naming the field', () => {
    const r = spawnSync(BIN, ['calc', 'rmi', '--input', '-', '--somente-arquivos'], {
      encoding: 'utf8',
      input: JSON.stringify({ ...valid, benefit: 'B99' }),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/benefit: espécie de benefício desconhecida: "B99"/);
    expect(r.stdout).toBe('');
  });

  it('renders the memória as PDF with --format pdf --out', () => {
    const out = join(dir, 'memoria.pdf');
    const r = spawnSync(
      BIN,
      [
        'calc',
        'rmi',
        '--input',
        file('ok2.json', valid),
        '--format',
        'pdf',
        '--out',
        out,
        '--somente-arquivos',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('calc rmi bad input (in process)', () => {
  let stderr = '';
  let stdout = '';
  afterEach(() => vi.restoreAllMocks());
  const run = async (body: unknown, extra: string[] = []) => {
    stderr = '';
    stdout = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      stderr += String(s);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      stdout += String(s);
      return true;
    });
    return runCli([
      'node',
      'previdencia',
      'calc',
      'rmi',
      '--input',
      file('in.json', body),
      '--somente-arquivos',
      ...extra,
    ]);
  };

  it.each([
    ['unknown species', { ...valid, benefit: 'B00' }, 'benefit'],
    [
      'malformed month',
      { ...valid, contributions: [{ month: '2020-13', amount: '10.00' }] },
      'contributions.0.month',
    ],
    [
      'end before start',
      { ...valid, links: [{ start: '2000-05-01', end: '2000-04-30', category: 'employee' }] },
      'links.0.end',
    ],
    [
      'negative amount',
      { ...valid, contributions: [{ month: '2020-01', amount: '-10.00' }] },
      'contributions.0.amount',
    ],
    [
      'duplicated competence',
      {
        ...valid,
        contributions: [
          { month: '2020-01', amount: '10.00' },
          { month: '2020-01', amount: '20.00' },
        ],
      },
      'contributions.1.month',
    ],
    ['malformed date', { ...valid, birth_date: '20/04/1960' }, 'birth_date'],
  ])('%s → exit 2 naming the field', async (_name, body, field) => {
    expect(await run(body)).toBe(2);
    expect(stderr).toContain(`${field}:`);
    expect(stdout).toBe('');
  });

  it('a file that is not JSON → exit 2', async () => {
    expect(await run('{ not json')).toBe(2);
    expect(stderr).toMatch(/não é um JSON válido/);
  });

  it('text memória cites the norm in every step', async () => {
    expect(await run(valid, ['--format', 'text'])).toBe(0);
    expect(stdout).toMatch(/^MEMÓRIA DE CÁLCULO/);
    expect(stdout).toContain('Base legal: EC 103/2019, art. 26');
  });
});
