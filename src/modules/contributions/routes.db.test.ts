import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../platform/testing';
import { loadSample, SAMPLE_TEXT_PATH } from './fixtures/cnis-samples';
import { renderCnisText } from './fixtures/render-cnis-text';
import { makeTextPdf } from './fixtures/text-pdf';
import { getContributionHistory } from './get-contribution-history';
import { ctxAs } from './test-support';

const EXAMPLES = join(import.meta.dirname, '../../../docs/examples');
const CSV = readFileSync(join(EXAMPLES, 'contribuicoes_exemplo.csv'), 'utf8');
const CNIS_TEXT = readFileSync(SAMPLE_TEXT_PATH, 'utf8');
const MARIA = '90000010138';
const JOSE = '90000010219';
const SAMPLE_CPF = '12345678900';

let t: TestApp;
let integration: TestSession;
let analyst: TestSession;
let maria: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  integration = await t.loginAs('integration');
  analyst = await t.loginAs('analyst');
  maria = await t.loginAs('citizen', { cpf: MARIA });
  const res = await t.request(integration, {
    method: 'POST',
    url: '/api/v1/contributions/imports',
    body: CSV,
    headers: { 'content-type': 'text/csv' },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ people: 2, links: 3, remunerations: 12, benefits: 1 });
});
afterAll(async () => t?.close());

describe('API do cadastro de contribuições', () => {
  it('servidor consulta pessoa com vínculos, e a leitura é auditada', async () => {
    const res = await t.request(analyst, { method: 'GET', url: `/api/v1/people/${MARIA}` });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      cpf: MARIA,
      name: 'MARIA EXEMPLO DA SILVA',
      sex: 'F',
      birthDate: '1965-03-14',
    });
    expect(
      p.links.map((l: { seq: number; remunerationCount: number }) => [l.seq, l.remunerationCount]),
    ).toEqual([
      [1, 6],
      [2, 3],
    ]);
    expect(p.links[1]).toMatchObject({
      category: 'individual',
      end: null,
      indicators: ['IREM-INDPEND'],
      lastCompetence: '2020-03',
    });
    const audit = await t.deps.db.pool.query(
      "SELECT actor_role, resource_type, details FROM audit_log WHERE action = 'read' AND resource_type = 'contrib_person' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0]).toMatchObject({ actor_role: 'analyst' });
    expect(JSON.stringify(audit.rows[0])).not.toContain(MARIA);
  });

  it('remunerações com filtro de período/vínculo e paginação por cursor', async () => {
    const all: { competence: string; amount: string; seq: number; indicators: string[] }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.request(analyst, {
        method: 'GET',
        url: `/api/v1/people/${MARIA}/remunerations?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      all.push(...res.json().items);
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(all).toHaveLength(9);
    expect(all[0]).toEqual({ seq: 1, competence: '1994-07', part: 0, amount: '582.86', indicators: [] });
    expect(all.find((r) => r.competence === '1994-11')!.indicators).toEqual(['PEXT', 'AEXT-VI']);
    const filtered = await t.request(analyst, {
      method: 'GET',
      url: `/api/v1/people/${MARIA}/remunerations?from=1994-09&to=2020-01&seq=1`,
    });
    expect(filtered.json().items.map((r: { competence: string }) => r.competence)).toEqual([
      '1994-09',
      '1994-10',
      '1994-11',
      '1994-12',
    ]);
    const bad = await t.request(analyst, {
      method: 'GET',
      url: `/api/v1/people/${MARIA}/remunerations?from=1994-13`,
    });
    expect(bad.statusCode).toBe(422);
  });

  it('cidadão vê só o próprio CPF: o de outra pessoa responde 404', async () => {
    const own = await t.request(maria, { method: 'GET', url: `/api/v1/people/${MARIA}` });
    expect(own.statusCode).toBe(200);
    for (const url of [
      `/api/v1/people/${JOSE}`,
      `/api/v1/people/${JOSE}/remunerations`,
      `/api/v1/people/${JOSE}/benefits`,
    ]) {
      const res = await t.request(maria, { method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
    const ben = await t.request(maria, { method: 'GET', url: `/api/v1/people/${MARIA}/benefits` });
    expect(ben.json().items).toEqual([
      {
        nb: '1234567890',
        species: 31,
        dib: '2018-05-02',
        dcb: '2018-08-30',
        status: 'ceased',
        statusLabel: 'Cessado',
      },
    ]);
    // The citizen cannot upload someone else's extract either.
    const up = await t.request(maria, {
      method: 'POST',
      url: `/api/v1/people/${SAMPLE_CPF}/cnis?dryRun=true`,
      body: CNIS_TEXT,
      headers: { 'content-type': 'text/plain' },
    });
    expect(up.statusCode).toBe(404);
  });

  it('cidadão confere o próprio extrato (simulação), mas não grava no cadastro', async () => {
    // Maria's own extract: the synthetic sample issued to her CPF.
    const sample = loadSample();
    sample.identificacao_do_filiado.cpf = '900.000.101-38';
    const own = renderCnisText(sample);
    const dry = await t.request(maria, {
      method: 'POST',
      url: `/api/v1/people/${MARIA}/cnis?dryRun=true`,
      body: own,
      headers: { 'content-type': 'text/plain' },
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().totals).toEqual({ links: 2, remunerations: 229, benefits: 0 });
    const write = await t.request(maria, {
      method: 'POST',
      url: `/api/v1/people/${MARIA}/cnis`,
      body: own,
      headers: { 'content-type': 'text/plain' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('cadastro de pessoa: criar é idempotente pelo CPF, dados diferentes dão conflito; alteração auditada', async () => {
    const body = { cpf: '900.000.103-08', name: 'ANA TESTE', birthDate: '1970-01-02', sex: 'F' };
    const a = await t.request(analyst, { method: 'POST', url: '/api/v1/people', body });
    expect(a.statusCode, a.body).toBe(201);
    const b = await t.request(analyst, { method: 'POST', url: '/api/v1/people', body });
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    const c = await t.request(analyst, {
      method: 'POST',
      url: '/api/v1/people',
      body: { ...body, name: 'OUTRA' },
    });
    expect(c.statusCode).toBe(409);
    const bad = await t.request(analyst, {
      method: 'POST',
      url: '/api/v1/people',
      body: { ...body, cpf: '90000010300' },
    });
    expect(bad.statusCode).toBe(422);
    const u = await t.request(analyst, {
      method: 'PATCH',
      url: '/api/v1/people/90000010308',
      body: { name: 'ANA TESTE SOUZA' },
    });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json().name).toBe('ANA TESTE SOUZA');
  });

  it('importa o extrato do CNIS como texto, PDF e multipart; simulação não grava', async () => {
    const dry = await t.request(analyst, {
      method: 'POST',
      url: `/api/v1/people/${SAMPLE_CPF}/cnis?dryRun=true`,
      body: CNIS_TEXT,
      headers: { 'content-type': 'text/plain' },
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      stored: null,
      totals: { links: 2, remunerations: 229, benefits: 0 },
    });
    expect(dry.json().warnings.join(' ')).toMatch(/dígito verificador inválido/);
    expect(
      (await t.request(analyst, { method: 'GET', url: `/api/v1/people/${SAMPLE_CPF}` })).statusCode,
    ).toBe(404);

    const pdf = await makeTextPdf(CNIS_TEXT);
    const res = await t.request(analyst, {
      method: 'POST',
      url: `/api/v1/people/${SAMPLE_CPF}/cnis?sex=M`,
      body: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stored).toEqual({ personCreated: true, links: 2, remunerations: 229, benefits: 0 });

    const boundary = 'XyZ123';
    const multipart = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cnis.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from(CNIS_TEXT),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const again = await t.request(analyst, {
      method: 'POST',
      url: `/api/v1/people/${SAMPLE_CPF}/cnis`,
      body: multipart,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().stored).toMatchObject({ personCreated: false, remunerations: 229 });
    const person = await t.request(analyst, { method: 'GET', url: `/api/v1/people/${SAMPLE_CPF}` });
    expect(person.json().links.map((l: { remunerationCount: number }) => l.remunerationCount)).toEqual([
      119, 110,
    ]);

    const other = await t.request(analyst, {
      method: 'POST',
      url: `/api/v1/people/${MARIA}/cnis`,
      body: CNIS_TEXT,
      headers: { 'content-type': 'text/plain' },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().detail).toMatch(/outro CPF/);
  });

  it('importação em lote pela API com erro: 422 com a linha e nada gravado', async () => {
    const before = await t.deps.db.pool.query('SELECT count(*)::int AS n FROM contrib_remunerations');
    const bad = `${CSV.trimEnd()}\nR,${JOSE},1,2015-13,788.00\n`;
    const res = await t.request(integration, {
      method: 'POST',
      url: '/api/v1/contributions/imports',
      body: bad,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(
      new RegExp(`^Linha ${CSV.trimEnd().split('\n').length + 1}: competência malformada`),
    );
    const after = await t.deps.db.pool.query('SELECT count(*)::int AS n FROM contrib_remunerations');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('importação em lote pela API em JSON: reimportar o mesmo conteúdo não muda nada; erro aponta a linha do JSON', async () => {
    const json = readFileSync(join(EXAMPLES, 'contribuicoes_exemplo.json'), 'utf8');
    const count = async () =>
      (await t.deps.db.pool.query('SELECT count(*)::int AS n FROM contrib_remunerations')).rows[0].n;
    const before = await count();
    const res = await t.request(integration, {
      method: 'POST',
      url: '/api/v1/contributions/imports',
      body: json,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ people: 2, links: 3, remunerations: 12, benefits: 1 });
    expect(await count()).toBe(before);
    const lines = json.split('\n');
    const n = lines.findIndex((l) => l.includes('"2020-02"'));
    lines[n] = lines[n]!.replace('"2020-02"', '"2020/02"');
    const bad = await t.request(integration, {
      method: 'POST',
      url: '/api/v1/contributions/imports',
      body: lines.join('\n'),
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ line: n + 1 });
  });

  it('histórico no formato de entrada do motor de cálculo (RmiRequest)', async () => {
    const h = await getContributionHistory(t.deps, ctxAs('analyst'), MARIA, { asOf: '2025-06-10' });
    expect(h.person).toEqual({
      cpf: MARIA,
      nit: '19000001016',
      name: 'MARIA EXEMPLO DA SILVA',
      sex: 'F',
      birth_date: '1965-03-14',
    });
    expect(h.links).toEqual([
      { start: '1994-07-01', end: '1994-12-31', category: 'employee' },
      { start: '2020-01-01', end: '2025-06-10', category: 'individual' },
    ]);
    expect(h.contributions.slice(0, 2)).toEqual([
      { month: '1994-07', amount: '582.86' },
      { month: '1994-08', amount: '600.00' },
    ]);
    expect(h.contributions).toHaveLength(9);
    expect(h.indicators).toEqual([
      { month: '1994-10', codes: ['PEXT'] },
      { month: '1994-11', codes: ['AEXT-VI', 'PEXT'] },
      { month: '2020-03', codes: ['PSC-MEN-SM-EC103'] },
    ]);
    await expect(
      getContributionHistory(t.deps, ctxAs('citizen', { cpf: JOSE }), MARIA),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('contrato OpenAPI', () => {
  it('documenta as rotas do módulo com resumo em português', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    for (const [path, method] of [
      ['/api/v1/people/{cpf}', 'get'],
      ['/api/v1/people/{cpf}/remunerations', 'get'],
      ['/api/v1/people/{cpf}/cnis', 'post'],
      ['/api/v1/contributions/imports', 'post'],
    ] as const) {
      expect(paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['contribuições (CNIS)']);
      expect(paths[path]?.[method]?.summary).toBeTruthy();
    }
  });
});
