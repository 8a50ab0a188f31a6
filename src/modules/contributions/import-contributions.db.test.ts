import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { importContributions } from './import-contributions';
import { fileSource, textSource } from './import-sources';
import { ctxAs } from './test-support';

const EXAMPLES = join(import.meta.dirname, '../../../docs/examples');
const CSV = readFileSync(join(EXAMPLES, 'contribuicoes_exemplo.csv'), 'utf8');
const JSON_TEXT = readFileSync(join(EXAMPLES, 'contribuicoes_exemplo.json'), 'utf8');

let deps: TestDeps;
const ctx = ctxAs('integration');

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps?.close();
});
beforeEach(async () => {
  await deps.db.pool.query('TRUNCATE contrib_remunerations, contrib_benefits, contrib_links, contrib_people');
});

async function counts() {
  const q = async (t: string) =>
    Number((await deps.db.pool.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n);
  return {
    people: await q('contrib_people'),
    links: await q('contrib_links'),
    remunerations: await q('contrib_remunerations'),
    benefits: await q('contrib_benefits'),
  };
}

async function snapshot() {
  const { rows } = await deps.db.pool.query(
    `SELECT p.cpf, l.seq, l.category, l.indicators AS link_ind, to_char(r.competence, 'YYYY-MM') AS c,
            r.amount_cents, r.indicators
       FROM contrib_remunerations r JOIN contrib_links l ON l.id = r.link_id JOIN contrib_people p ON p.id = l.person_id
      ORDER BY p.cpf, l.seq, r.competence`,
  );
  return rows;
}

/** Replaces line n (1-based) of the example CSV. */
const withLine = (n: number, text: string) => {
  const lines = CSV.split('\n');
  lines[n - 1] = text;
  return lines.join('\n');
};
const lineOf = (prefix: string) => CSV.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

async function expectLineError(text: string, line: number, pattern: RegExp, format: 'csv' | 'json' = 'csv') {
  const err = (await importContributions(deps, ctx, textSource(text, format)).then(
    () => null,
    (e) => e,
  )) as AppError | null;
  expect(err, 'a importação deveria falhar').not.toBeNull();
  expect(err!.code).toBe('unprocessable');
  expect(err!.detail).toMatch(new RegExp(`^Linha ${line}: `));
  expect(err!.detail).toMatch(pattern);
  expect(err!.detail).toMatch(/Nada foi importado/);
  expect(await counts()).toEqual({ people: 0, links: 0, remunerations: 0, benefits: 0 });
}

describe('importação em lote (CSV/JSON)', () => {
  it('importa o arquivo CSV de exemplo com indicadores, vínculos e benefícios', async () => {
    const s = await importContributions(
      deps,
      ctx,
      fileSource(join(EXAMPLES, 'contribuicoes_exemplo.csv'), 'csv'),
    );
    expect(s).toMatchObject({ people: 2, links: 3, remunerations: 12, benefits: 1 });
    expect(s.method).toBe(deps.db.kind === 'postgres' ? 'copy' : 'insert');
    expect(await counts()).toEqual({ people: 2, links: 3, remunerations: 12, benefits: 1 });
    const rows = await snapshot();
    expect(rows[0]).toMatchObject({
      cpf: '90000010138',
      seq: 1,
      c: '1994-07',
      amount_cents: 58286,
      indicators: null,
    });
    expect(rows.find((r) => r.c === '1994-11').indicators).toEqual(['PEXT', 'AEXT-VI']);
    expect(rows.find((r) => r.c === '2020-03').indicators).toEqual(['PSC-MEN-SM-EC103']);
    expect(rows.find((r) => r.c === '2020-03').link_ind).toEqual(['IREM-INDPEND']);
    const link = await deps.db.pool.query(
      'SELECT employer_doc, employer_doc_type, employer_name FROM contrib_links WHERE seq = 1 AND employer_doc IS NOT NULL',
    );
    expect(link.rows[0]).toEqual({
      employer_doc: '90000001000129',
      employer_doc_type: 'cnpj',
      employer_name: 'METALURGICA EXEMPLO, LTDA',
    });
    const audit = await deps.db.pool.query(
      "SELECT actor_role, details FROM audit_log WHERE action = 'contributions.import' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0]).toMatchObject({
      actor_role: 'integration',
      details: { remunerations: 12, people: 2 },
    });
  });

  it('o JSON de exemplo produz exatamente os mesmos dados que o CSV', async () => {
    await importContributions(deps, ctx, textSource(CSV, 'csv'));
    const fromCsv = await snapshot();
    await deps.db.pool.query(
      'TRUNCATE contrib_remunerations, contrib_benefits, contrib_links, contrib_people',
    );
    const s = await importContributions(deps, ctx, textSource(JSON_TEXT, 'json'));
    expect(s).toMatchObject({ people: 2, links: 3, remunerations: 12, benefits: 1 });
    expect(await snapshot()).toEqual(fromCsv);
  });

  it('o caminho de INSERT em lotes (PGlite) dá o mesmo resultado do COPY', async () => {
    await importContributions(deps, ctx, textSource(CSV, 'csv'));
    const a = await snapshot();
    await deps.db.pool.query(
      'TRUNCATE contrib_remunerations, contrib_benefits, contrib_links, contrib_people',
    );
    const s = await importContributions(deps, ctx, textSource(CSV, 'csv'), {
      forceInsert: true,
      batchSize: 5,
    });
    expect(s.method).toBe('insert');
    expect(await snapshot()).toEqual(a);
  });

  it('aceita registros fora de ordem (vínculo antes da pessoa) e lotes maiores que 2.000 pessoas', async () => {
    const { syntheticCpf } = await import('./domain/synthetic');
    const lines: string[] = [];
    for (let i = 0; i < 2100; i++) {
      const cpf = syntheticCpf(600_000_000 + i);
      // The link and its remunerations first, the person afterwards.
      lines.push(`V,${cpf},1,,optional,2020-01-01,2020-02-29,,`);
      lines.push(`R,${cpf},1,2020-01,1039.00`, `R,${cpf},1,2020-02,1039.00`);
      lines.push(`P,${cpf},,PESSOA ${i},1980-01-01,${i % 2 ? 'F' : 'M'}`);
    }
    const s = await importContributions(deps, ctx, textSource(lines.join('\n'), 'csv'));
    expect(s).toMatchObject({ people: 2100, links: 2100, remunerations: 4200 });
    expect(await counts()).toEqual({ people: 2100, links: 2100, remunerations: 4200, benefits: 0 });
  });

  it('vínculo de pessoa já cadastrada não precisa repetir o registro P', async () => {
    await importContributions(deps, ctx, textSource(CSV, 'csv'));
    const more = 'V,90000010219,2,,individual,2016-01-01,2016-01-31,,\nR,90000010219,2,2016-01,880.00';
    const s = await importContributions(deps, ctx, textSource(more, 'csv'));
    expect(s).toMatchObject({ people: 0, links: 1, remunerations: 1 });
    const missing = 'V,90000010480,1,,individual,2016-01-01,,,';
    await expect(importContributions(deps, ctx, textSource(missing, 'csv'))).rejects.toMatchObject({
      detail: expect.stringMatching(/^Linha 1: CPF 90000010480 não cadastrado e sem registro de pessoa/),
    });
  });

  describe('linha inválida: erro com o número da linha e nada importado', () => {
    const r = lineOf('R,90000010138,1,1994-08');
    it.each([
      [
        'CPF inválido',
        lineOf('P,90000010219'),
        'P,90000010218,19000001024,JOSE,1960-11-02,M',
        /CPF inválido/,
      ],
      ['competência malformada', r, 'R,90000010138,1,1994-13,600.00', /competência malformada "1994-13"/],
      ['competência em outro formato', r, 'R,90000010138,1,08/1994,600.00', /competência malformada/],
      ['valor negativo', r, 'R,90000010138,1,1994-08,-600.00', /valor negativo/],
      ['valor com vírgula', r, 'R,90000010138,1,1994-08,600,00', /valor inválido|campos/],
      [
        'categoria desconhecida',
        lineOf('V,90000010138,2'),
        'V,90000010138,2,,autonomo,2020-01-01,,,',
        /categoria desconhecida "autonomo"/,
      ],
      [
        'competência repetida no vínculo',
        r,
        'R,90000010138,1,1994-07,600.00',
        /competência 1994-07 repetida/,
      ],
      ['vínculo não declarado', r, 'R,90000010138,7,1994-08,600.00', /seq 7 .*não foi declarado/],
      [
        'data inexistente',
        lineOf('P,90000010138'),
        'P,90000010138,19000001016,MARIA,1965-02-30,F',
        /data de nascimento inválida/,
      ],
      [
        'fim antes do início',
        lineOf('V,90000010219'),
        'V,90000010219,1,,optional,2015-01-01,2014-12-31,,',
        /anterior ao início/,
      ],
      ['tipo de registro desconhecido', r, 'X,1,2', /tipo de registro desconhecido "X"/],
      ['indicador malformado', r, 'R,90000010138,1,1994-08,600.00,pext 1', /indicador inválido/],
    ])('%s', async (_name, line, text, pattern) => {
      await expectLineError(withLine(line, text), line, pattern);
    });

    it('a última linha do arquivo também é checada depois de gravadas as anteriores', async () => {
      const text = `${CSV.trimEnd()}\nR,90000010219,1,2015-03,788.00\n`;
      await expectLineError(text, CSV.trimEnd().split('\n').length + 1, /competência 2015-03 repetida/);
    });

    it('JSON: aponta a linha do objeto da remuneração inválida', async () => {
      const lines = JSON_TEXT.split('\n');
      const n = lines.findIndex((l) => l.includes('"1994-10"'));
      lines[n] = lines[n]!.replace('"615.30"', '"-615.30"');
      await expectLineError(lines.join('\n'), n + 1, /valor negativo/, 'json');
    });

    it('JSON: valor numérico (não texto decimal) é recusado', async () => {
      const lines = JSON_TEXT.split('\n');
      const n = lines.findIndex((l) => l.includes('"2015-02"'));
      lines[n] = lines[n]!.replace('"788.00"', '788');
      await expectLineError(lines.join('\n'), n + 1, /texto decimal/, 'json');
    });
  });

  describe('reimportação (política: o arquivo é a fonte da verdade dos vínculos que declara)', () => {
    it('importar o mesmo arquivo duas vezes não duplica nada', async () => {
      await importContributions(deps, ctx, textSource(CSV, 'csv'));
      const first = await snapshot();
      const c1 = await counts();
      await importContributions(deps, ctx, textSource(CSV, 'csv'));
      expect(await counts()).toEqual(c1);
      expect(await snapshot()).toEqual(first);
    });

    it('reimportar um vínculo substitui as remunerações dele e não mexe nos demais', async () => {
      await importContributions(deps, ctx, textSource(CSV, 'csv'));
      const fix = [
        'V,90000010138,1,90000001000129,employee,1994-07-01,1994-12-31,"METALURGICA EXEMPLO, LTDA",',
        'R,90000010138,1,1994-07,700.00',
        'R,90000010138,1,1994-08,700.00',
      ].join('\n');
      const s = await importContributions(deps, ctx, textSource(fix, 'csv'));
      expect(s).toMatchObject({ people: 0, links: 1, remunerations: 2 });
      const rows = await snapshot();
      const link1 = rows.filter((r) => r.cpf === '90000010138' && r.seq === 1);
      expect(link1.map((r) => [r.c, r.amount_cents])).toEqual([
        ['1994-07', 70000],
        ['1994-08', 70000],
      ]);
      expect(rows.filter((r) => r.cpf === '90000010138' && r.seq === 2)).toHaveLength(3);
      expect(rows.filter((r) => r.cpf === '90000010219')).toHaveLength(3);
    });

    it('um erro na reimportação deixa os dados anteriores intactos', async () => {
      await importContributions(deps, ctx, textSource(CSV, 'csv'));
      const before = await snapshot();
      const bad =
        'V,90000010138,1,,employee,1994-07-01,,,\nR,90000010138,1,1994-07,1.00\nR,90000010138,1,1994-07,2.00';
      await expect(importContributions(deps, ctx, textSource(bad, 'csv'))).rejects.toMatchObject({
        detail: expect.stringMatching(/^Linha 3: /),
      });
      expect(await snapshot()).toEqual(before);
    });
  });
});
