import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../platform/testing';

let t: TestApp;
let citizen: TestSession;
let manager: TestSession;
let analyst: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  citizen = await t.loginAs('citizen', { cpf: '52998224725' });
  manager = await t.loginAs('manager');
  analyst = await t.loginAs('analyst');
});
afterAll(async () => t?.close());

const input = (request_date: string) => ({
  benefit: 'B41',
  sex: 'F',
  birth_date: '1961-03-15',
  request_date,
  links: [{ start: '2005-01-01', end: '2024-12-31', category: 'employee' }],
  contributions: [
    { month: '2024-10', amount: '3000.00' },
    { month: '2024-11', amount: '3000.00' },
    { month: '2024-12', amount: '9000.00' },
  ],
});

describe('POST /api/v1/calculations/rmi', () => {
  it('a citizen can simulate; the answer is the contract (example A of the README)', async () => {
    const res = await t.request(citizen, {
      method: 'POST',
      url: '/api/v1/calculations/rmi',
      body: input('2025-03-20'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.rule).toBe('ec103_art18');
    expect(r.rmi).toBe('5398.64');
  });

  it('bad input → 422 problem+json naming the fields in pt-BR', async () => {
    const res = await t.request(citizen, {
      method: 'POST',
      url: '/api/v1/calculations/rmi',
      body: { ...input('2025-03-20'), benefit: 'B99', contributions: [{ month: '2024-1', amount: '-1.00' }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['benefit', 'contributions.0.month', 'contributions.0.amount']),
    );
  });

  it('renders the memória as PDF', async () => {
    const res = await t.request(citizen, {
      method: 'POST',
      url: '/api/v1/calculations/rmi/memoria?format=pdf',
      body: input('2025-03-20'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('parameters: a manager applies the next monthly Portaria (audited, idempotent)', () => {
  it('refuses a DIB whose index is not published yet', async () => {
    const res = await t.request(citizen, {
      method: 'POST',
      url: '/api/v1/calculations/rmi',
      body: input('2026-02-10'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/01\/2026 ainda não cadastrado/);
  });

  it('an analyst may not add parameters', async () => {
    const res = await t.request(analyst, {
      method: 'POST',
      url: '/api/v1/calculations/parameters/monthly-index',
      body: { competence: '2026-01', value: '1.003900', legal_act: 'Portaria de teste' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('adds the index, audits it in the same transaction, repeats idempotently and refuses a different value', async () => {
    const body = {
      competence: '2026-01',
      value: '1.003900',
      legal_index: 'INPC',
      legal_act: 'Portaria MPS de teste 1/2026',
    };
    const url = '/api/v1/calculations/parameters/monthly-index';
    const first = await t.request(manager, { method: 'POST', url, body });
    expect(first.statusCode, first.body).toBe(201);
    const again = await t.request(manager, { method: 'POST', url, body });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await t.request(manager, { method: 'POST', url, body: { ...body, value: '1.004000' } });
    expect(other.statusCode).toBe(409);
    const audit = await t.deps.db.pool.query(
      "SELECT action, actor_id, details FROM audit_log WHERE resource_type = 'calc_parameter' AND resource_id = $1",
      [String(first.json().id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_id).toBe(manager.accountId);
    expect(audit.rows[0].details.legalAct).toBe('Portaria MPS de teste 1/2026');
  });

  it('the next calculation uses it: DIB 02/2026 corrects 12/2024 by acum(12/2024) × 1,0039', async () => {
    const res = await t.request(citizen, {
      method: 'POST',
      url: '/api/v1/calculations/rmi',
      body: input('2026-02-10'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const step = res.json().steps.find((s: { value: string }) => s.value.startsWith('12/2024'));
    // acum(12/2024) = 1,043966 (to 01/2026) × 1,0039 = 1,048037 (6 decimals)
    expect(step.value).toContain('× 1,048037 =');
  });

  it('rejects a gap in the chain and lists the coverage', async () => {
    const gap = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/calculations/parameters/monthly-index',
      body: { competence: '2026-05', value: '1.001000', legal_act: 'Portaria de teste' },
    });
    expect(gap.statusCode).toBe(422);
    const wage = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/calculations/parameters/minimum-wage',
      body: { competence: '2027-01', value: '1700.00', legal_act: 'Decreto de teste' },
    });
    expect(wage.statusCode, wage.body).toBe(201);
    const cov = await t.request(analyst, { method: 'GET', url: '/api/v1/calculations/parameters' });
    expect(cov.statusCode).toBe(200);
    expect(cov.json().coverage).toMatchObject({
      correctionIndexUntil: '2026-01',
      maxDibMonth: '2026-02',
      minimumWageUntil: '2027-12',
    });
    expect(cov.json().coverage.missingLifeTables.map((m: { year: number }) => m.year)).toEqual(
      expect.arrayContaining([2019, 2023]),
    );
  });
});

describe('POST /api/v1/calculations/arrears', () => {
  it('corrects November 2023 paid in December 2023 by 1,001000 (Portaria MPS 904/2023 art. 2º)', async () => {
    const res = await t.request(citizen, {
      method: 'POST',
      url: '/api/v1/calculations/arrears',
      body: { payment_month: '2023-12', installments: [{ month: '2023-11', amount: '1000.00' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().installments[0]).toEqual({
      month: '2023-11',
      amount: '1000.00',
      factor: '1.001000',
      corrected: '1001.00',
      kept_original: false,
    });
  });
});
