import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSupervisionCli } from './cli';

// Contract tests of `previdencia supervision …` (issue 5). They run the command in-process; the
// same arguments are what bin/previdencia passes.
let dir: string;
const HEADER =
  'task_id,protocol,service_code,species,sr,gex,server_id,queue,system,subtasks,concluded_at,decision';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runSupervisionCli(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    today: () => '2025-11-05',
  });
  return { code, out, err, json: code === 0 && out ? JSON.parse(out) : null };
}

function file(name: string, text: string) {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sup-cli-'));
  const rows: string[] = [HEADER];
  for (let i = 0; i < 60; i++)
    rows.push(
      `T${String(i).padStart(3, '0')},P${i},2002,B41,SR1,G1,S${i % 3},regular,PAT,,2025-10-${String(1 + (i % 28)).padStart(2, '0')},granted`,
    );
  for (let i = 0; i < 5; i++) rows.push(`U${i},P${i},2002,B21,SR2,G2,S9,regular,PAT,,2025-10-10,denied`);
  rows.push('OUT1,P,1001,B31,SR2,G2,S9,regular,SABI,17436,2025-10-10,granted'); // §5: out of scope
  rows.push('OUT2,P,1001,B31,SR2,G2,S9,regular,PAT,,2025-10-10,granted'); // §4: out of scope
  rows.push('IN1,P,1001,B31,SR2,G2,S9,regular,PAT,"17436;99",2025-10-10,granted'); // §4: in scope, quoted
  rows.push('SEP,P,2002,B41,SR2,G2,S9,regular,PAT,,2025-09-30,granted'); // other month
  file('frame.csv', `${rows.join('\n')}\n`);
});

describe('supervision sample', () => {
  it('fixed size: JSON fields of the contract, population per SR after the scope rules (art. 4)', async () => {
    const r = await run(
      'sample',
      '--frame',
      join(dir, 'frame.csv'),
      '--month',
      '2025-10',
      '--size',
      '10',
      '--seed',
      'abc',
    );
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ month: '2025-10', seed: 'abc' });
    expect(r.json.frame_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      r.json.srs.map((s: { sr: string; population: number; size: number }) => [s.sr, s.population, s.size]),
    ).toEqual([
      ['SR1', 60, 10],
      ['SR2', 6, 6],
    ]);
    expect(r.json.srs[1].task_ids).toEqual(['IN1', 'U0', 'U1', 'U2', 'U3', 'U4']);
  });
  it('statistical size: N = 60 → 384.16/(1 + 383.16/60) = 52.01… → 53', async () => {
    const r = await run(
      'sample',
      '--frame',
      join(dir, 'frame.csv'),
      '--month',
      '2025-10',
      '--confidence',
      '0.95',
      '--margin',
      '0.05',
      '--seed',
      'abc',
    );
    expect(r.json.srs[0].size).toBe(53);
  });
  it('reproducible with the same seed; another seed draws another sample', async () => {
    const a = await run(
      'sample',
      '--frame',
      join(dir, 'frame.csv'),
      '--month',
      '2025-10',
      '--size',
      '10',
      '--seed',
      'abc',
    );
    const b = await run(
      'sample',
      '--frame',
      join(dir, 'frame.csv'),
      '--month',
      '2025-10',
      '--size',
      '10',
      '--seed',
      'abc',
    );
    const c = await run(
      'sample',
      '--frame',
      join(dir, 'frame.csv'),
      '--month',
      '2025-10',
      '--size',
      '10',
      '--seed',
      'xyz',
    );
    expect(b.out).toBe(a.out);
    expect(c.json.srs[0].task_ids).not.toEqual(a.json.srs[0].task_ids);
  });
  it('bad input → exit 2 with a pt-BR message naming the line', async () => {
    const bad = (name: string, line: string) =>
      file(name, `${HEADER}\nT1,P,1,B41,SR1,G1,S1,regular,PAT,,2025-10-01,granted\n${line}\n`);
    let r = await run(
      'sample',
      '--frame',
      bad('q.csv', 'T2,P,1,B41,SR1,G1,S1,vip,PAT,,2025-10-01,granted'),
      '--month',
      '2025-10',
      '--size',
      '1',
      '--seed',
      's',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Linha 3: valor desconhecido "vip" na coluna queue/);
    r = await run(
      'sample',
      '--frame',
      bad('d.csv', 'T2,P,1,B41,SR1,G1,S1,regular,PAT,,2025-02-30,granted'),
      '--month',
      '2025-10',
      '--size',
      '1',
      '--seed',
      's',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Linha 3: data inválida "2025-02-30"/);
    r = await run(
      'sample',
      '--frame',
      file('h.csv', `${HEADER},extra\n`),
      '--month',
      '2025-10',
      '--size',
      '1',
      '--seed',
      's',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Linha 1: coluna desconhecida "extra"/);
    r = await run(
      'sample',
      '--frame',
      join(dir, 'frame.csv'),
      '--month',
      '2025-13',
      '--size',
      '1',
      '--seed',
      's',
    );
    expect(r.code).toBe(2);
    r = await run('sample', '--frame', join(dir, 'frame.csv'), '--month', '2025-10', '--seed', 's');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--size/);
  });
});

describe('supervision extraordinary', () => {
  it('stratified sample with the reference statistics and flags', async () => {
    const rows = [HEADER];
    // 5 professionals ≥ 150: productions 150×4 and 400 (μ = 200, σ = 100); P6 with 20 tasks, never supervised.
    const prods: [string, number][] = [
      ['P1', 150],
      ['P2', 150],
      ['P3', 150],
      ['P4', 150],
      ['P5', 400],
      ['P6', 20],
    ];
    let n = 0;
    for (const [id, count] of prods) {
      for (let i = 0; i < count; i++) {
        const dec = id === 'P6' ? 'denied' : i % 5 === 0 ? 'denied' : 'granted';
        rows.push(`X${n++},P,2002,B41,SR1,G1,${id},extraordinary,PAT,,2025-08-15,${dec}`);
      }
    }
    rows.push(`R1,P,2002,B41,SR1,G1,P1,regular,PAT,,2025-08-15,denied`); // not an extraordinary queue
    file('xframe.csv', `${rows.join('\n')}\n`);
    file(
      'hist.csv',
      [
        'supervision_id,task_id,server_id,sr,gex,origin,cycle,concluded_at,outcome',
        ...['P1', 'P2', 'P3', 'P4', 'P5'].map(
          (s, i) => `H${i},Z${i},${s},SR1,G1,extraordinary,2025-Q2,2025-06-30,full_ratification`,
        ),
        'H10,Z10,P2,SR1,G1,random,2025-04,2025-04-30,not_ratified',
        'H11,Z11,P2,SR1,G1,random,2025-05,2025-05-30,ratified_with_revision',
        'H12,Z12,P2,SR1,G1,random,2025-06,2025-06-30,not_ratified',
        'H13,Z13,P2,SR1,G1,random,2025-08,,',
      ].join('\n'),
    );
    const r = await run(
      'extraordinary',
      '--frame',
      join(dir, 'xframe.csv'),
      '--history',
      join(dir, 'hist.csv'),
      '--quarter',
      '2025-Q3',
      '--seed',
      's',
    );
    expect(r.code).toBe(0);
    expect(r.json.quarter).toBe('2025-Q3');
    expect(r.json.reference).toMatchObject({ servers: 5, production_mean: 200, production_sd: 100 });
    const by = Object.fromEntries(r.json.servers.map((s: { server_id: string }) => [s.server_id, s]));
    expect(by.P5).toMatchObject({ production: 400, flags: [], size: 0, never_supervised: false });
    expect(by.P2).toMatchObject({ revisions_identified: 3, flags: ['revisions'], size: 10 });
    // P6: denial rate 1.0 > 0.2 + 2·0 → flagged (tested although production < 150), 10 of its 20 tasks
    expect(by.P6).toMatchObject({
      production: 20,
      denial_rate: 1,
      never_supervised: true,
      flags: ['denial_rate'],
      size: 10,
    });
    expect(by.P6.task_ids).toHaveLength(10);
  });
});

describe('supervision training-track', () => {
  it('server at its first point draws one task of the window (start, day 30]', async () => {
    file('servers.csv', 'server_id,sr,gex,start_date\nN1,SR1,G1,2025-09-01\nN2,SR1,G1,2025-10-20\n');
    file(
      'tframe.csv',
      [
        HEADER,
        'A1,P,2002,B41,SR1,G1,N1,training,PAT,,2025-09-01,granted', // start date itself: outside
        'A2,P,2002,B41,SR1,G1,N1,training,PAT,,2025-09-10,granted',
        'A3,P,2002,B21,SR1,G1,N1,training,PAT,,2025-10-01,granted', // day 30: inside
        'A4,P,2002,B21,SR1,G1,N1,training,PAT,,2025-10-02,granted', // after the point
      ].join('\n'),
    );
    file('thist.csv', 'supervision_id,task_id,server_id,sr,gex,origin,cycle,concluded_at,outcome\n');
    const r = await run(
      'training-track',
      '--frame',
      join(dir, 'tframe.csv'),
      '--servers',
      join(dir, 'servers.csv'),
      '--history',
      join(dir, 'thist.csv'),
      '--date',
      '2025-10-01',
      '--seed',
      's',
    );
    expect(r.code).toBe(0);
    expect(r.json.date).toBe('2025-10-01');
    expect(r.json.servers).toHaveLength(1);
    expect(r.json.servers[0]).toMatchObject({
      server_id: 'N1',
      sample_point_days: 30,
      window_start: '2025-09-01',
    });
    expect(['A2', 'A3']).toContain(r.json.servers[0].task_ids[0]);
    const bad = file('badservers.csv', 'server_id,sr,gex,start_date\nN1,SR1,G1,01/09/2025\n');
    const e = await run(
      'training-track',
      '--frame',
      join(dir, 'tframe.csv'),
      '--servers',
      bad,
      '--history',
      join(dir, 'thist.csv'),
      '--date',
      '2025-10-01',
      '--seed',
      's',
    );
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/Linha 2: data inválida/);
  });
});

describe('supervision indicators and referrals', () => {
  const SUP = 'supervision_id,task_id,server_id,sr,gex,origin,cycle,concluded_at,outcome';
  it('indicators by SR over random-sample supervisions, percentages with 2 decimals', async () => {
    const f = file(
      'sup.csv',
      [
        SUP,
        '1,T1,S1,SR1,G1,random,2025-10,2025-10-20,full_ratification',
        '2,T2,S1,SR1,G1,random,2025-10,2025-10-20,full_ratification',
        '3,T3,S2,SR1,G1,random,2025-10,2025-10-20,not_ratified',
        '4,T4,S2,SR2,G2,random,2025-10,2025-10-20,ratified_with_revision',
        '5,T5,S2,SR2,G2,targeted,2025-10,2025-10-20,not_ratified',
        '6,T6,S2,SR2,G2,random,2025-10,,',
      ].join('\n'),
    );
    const r = await run('indicators', '--supervisions', f, '--cycle', '2025-10', '--by', 'sr');
    expect(r.code).toBe(0);
    expect(r.json.groups).toEqual([
      expect.objectContaining({
        key: 'SR1',
        total: 3,
        full: 2,
        revision: 0,
        not_ratified: 1,
        icon: 66.67,
        idr: 66.67,
        ipr: 33.33,
        idnr: 33.33,
      }),
      expect.objectContaining({
        key: 'SR2',
        total: 1,
        full: 0,
        revision: 1,
        not_ratified: 0,
        icon: 0,
        idr: 100,
        ipr: 100,
        idnr: 0,
      }),
    ]);
    const byCycle = await run('indicators', '--supervisions', f, '--by', 'cycle');
    expect(byCycle.json.groups.map((g: { key: string; total: number }) => [g.key, g.total])).toEqual([
      ['2025-10', 4],
    ]);
    const all = await run('indicators', '--supervisions', f);
    expect(all.json.groups).toEqual([expect.objectContaining({ key: 'all', total: 4, icon: 50, idnr: 25 })]);
    expect((await run('indicators', '--supervisions', f, '--by', 'uf')).code).toBe(2);
    const bad = file(
      'badsup.csv',
      `${SUP}\n1,T1,S1,SR1,G1,random,2025-10,2025-10-20,full_ratification\n2,T2,S1,SR1,G1,lottery,2025-10,2025-10-20,full_ratification\n`,
    );
    const e = await run('indicators', '--supervisions', bad);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/Linha 3: valor desconhecido "lottery" na coluna origin/);
  });
  it('referrals with previous referrals → proposed removal', async () => {
    const rows = [SUP];
    for (let i = 0; i < 5; i++)
      rows.push(
        `A${i},T,S1,SR1,G1,extraordinary,2025-Q3,2025-09-20,${i < 3 ? 'full_ratification' : 'ratified_with_revision'}`,
      );
    for (let i = 0; i < 3; i++)
      rows.push(`B${i},T,S2,SR1,G1,error_indication,2025-Q3,2025-09-20,not_ratified`);
    for (let i = 0; i < 5; i++)
      rows.push(`C${i},T,S3,SR1,G1,extraordinary,2025-Q3,2025-09-20,full_ratification`);
    const f = file('ref.csv', rows.join('\n'));
    const prev = file('prev.csv', 'server_id,cycle\nS2,2025-Q1\nS3,2025-Q2\n');
    const r = await run('referrals', '--supervisions', f, '--cycle', '2025-Q3', '--previous-referrals', prev);
    expect(r.code).toBe(0);
    expect(
      r.json.servers.map((s: Record<string, unknown>) => [
        s.server_id,
        s.supervised,
        s.performance_index,
        s.not_ratified,
        s.reasons,
        s.proposed_removal,
      ]),
    ).toEqual([
      ['S1', 5, 60, 0, ['performance_index_below_70'], false],
      ['S2', 3, 0, 3, ['not_ratified_3_or_more'], true],
      ['S3', 5, 100, 0, [], false],
    ]);
  });
  it('report: PDF and XLSX files for Coben/SGBEN', async () => {
    const f = join(dir, 'ref.csv');
    const pdf = join(dir, 'r.pdf');
    const xlsx = join(dir, 'r.xlsx');
    expect((await run('report', '--supervisions', f, '--format', 'pdf', '--out', pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await run('report', '--supervisions', f, '--format', 'xlsx', '--out', xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(statSync(xlsx).size).toBeGreaterThan(1000);
    // with the optional nonconformities column: most frequent nonconformities, labels from the checklist
    const nc = file(
      'nc.csv',
      [
        'supervision_id,task_id,server_id,sr,gex,origin,cycle,concluded_at,outcome,nonconformities',
        '1,T1,S1,SR1,G1,random,2025-10,2025-10-20,not_ratified,M02;F02',
        '2,T2,S1,SR1,G1,random,2025-10,2025-10-20,ratified_with_revision,M02',
        '3,T3,S1,SR1,G1,random,2025-11,2025-11-20,full_ratification,',
      ].join('\n'),
    );
    const x2 = join(dir, 'nc.xlsx');
    expect((await run('report', '--supervisions', nc, '--format', 'xlsx', '--out', x2)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x2);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Resumo',
      'Indicadores',
      'Evolução por ciclo',
      'Por SR',
      'Por GEX',
      'Não conformidades',
      'Encaminhamentos',
    ]);
    const ncSheet = wb.getWorksheet('Não conformidades')!;
    expect(ncSheet.getRow(2).values).toEqual([
      undefined,
      'M02',
      'Regra de direito aplicada corretamente (permanente, transição EC 103, direito adquirido)',
      2,
      66.67,
    ]);
    const trend = wb.getWorksheet('Evolução por ciclo')!;
    expect([trend.getRow(2).getCell(1).value, trend.getRow(3).getCell(1).value]).toEqual([
      '2025-10',
      '2025-11',
    ]);
    expect((await run('report', '--supervisions', f, '--format', 'doc', '--out', xlsx)).code).toBe(2);
  });
});
