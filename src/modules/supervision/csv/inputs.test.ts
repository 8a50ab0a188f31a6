import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { F, readFrame } from './inputs';

const HEADER =
  'task_id,protocol,service_code,species,sr,gex,server_id,queue,system,subtasks,concluded_at,decision';
const dir = mkdtempSync(join(tmpdir(), 'sup-inputs-'));
const frame = (...dates: string[]) => {
  const p = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(
    p,
    `${HEADER}\n${dates.map((d, i) => `T${i},P,1,B41,SR1,G1,S1,regular,PAT,,${d},granted`).join('\n')}\n`,
  );
  return p;
};

describe('frame dates are validated in place (no string per row)', () => {
  it('accepts real calendar dates, leap days included', async () => {
    const keys: number[] = [];
    await readFrame(frame('1925-10-10', '2024-02-29', '2025-12-31'), (r) => keys.push(r.concludedKey));
    expect(keys).toEqual([19251010, 20240229, 20251231]);
  });
  it.each([
    ['2025-10-1x'],
    ['2025-02-29'],
    ['2025-13-01'],
    ['2025-1-01'],
    ['25-10-2025'],
    ['2025/10/01'],
    [''],
  ])('rejects %j with the line number, even after a valid date with a similar key', async (bad) => {
    await expect(readFrame(frame('1925-10-10', bad), () => {})).rejects.toThrow(/^Linha 3: data inválida/);
  });
  it('scope decision and lazy fields', async () => {
    const p = join(dir, 'scope.csv');
    writeFileSync(
      p,
      `${HEADER}\nA,P,1,B31,SR1,G1,S1,regular,SABI,17436,2025-10-01,granted\nB,P,1,B31,SR1,G1,S1,regular,PAT,"17436;1",2025-10-01,denied\n`,
    );
    const seen: [string, boolean, string][] = [];
    await readFrame(p, (r) => seen.push([r.row.get(F.taskId), r.inScope, r.decision]));
    expect(seen).toEqual([
      ['A', false, 'granted'],
      ['B', true, 'denied'],
    ]);
  });
});
