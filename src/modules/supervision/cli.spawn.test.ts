import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The contract through the real binary: `bin/previdencia supervision …` (JSON on stdout, exit 2
// with a pt-BR message naming the line on bad input).
const BIN = resolve(import.meta.dirname, '../../../bin/previdencia');
const HEADER =
  'task_id,protocol,service_code,species,sr,gex,server_id,queue,system,subtasks,concluded_at,decision';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'supervision', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('bin/previdencia supervision', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sup-bin-'));
  it('sample prints the contract JSON; a bad enum exits 2 naming the line', () => {
    const good = join(dir, 'f.csv');
    writeFileSync(
      good,
      `${HEADER}\nT1,P1,2002,B41,SR1,G1,S1,regular,PAT,,2025-10-02,granted\nT2,P2,2002,B87,SR1,G1,S1,regular,PAT,,2025-10-03,denied\n`,
    );
    const ok = run(['sample', '--frame', good, '--month', '2025-10', '--size', '1', '--seed', 'abc']);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.out);
    expect(json).toMatchObject({
      month: '2025-10',
      seed: 'abc',
      srs: [{ sr: 'SR1', population: 2, size: 1 }],
    });
    expect(json.srs[0].task_ids).toHaveLength(1);
    const bad = join(dir, 'b.csv');
    writeFileSync(
      bad,
      `${HEADER}\nT1,P1,2002,B41,SR1,G1,S1,regular,PAT,,2025-10-02,granted\nT2,P2,2002,B87,SR1,G1,S1,regular,PAT,,2025-10-03,maybe\n`,
    );
    const ko = run(['sample', '--frame', bad, '--month', '2025-10', '--size', '1', '--seed', 'abc']);
    expect(ko.code).toBe(2);
    expect(ko.err).toMatch(/Linha 3: valor desconhecido "maybe" na coluna decision/);
    expect(ko.out).toBe('');
  });
});
