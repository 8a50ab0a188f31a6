import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../platform/testing';
import { tinyJpeg, tinyPdf, tinyPng } from './domain/testing-files';
import { cpfFrom, loginStaff, seeded } from './testing';

const rnd = seeded(99);
let t: TestApp;
let cpfA: string;
let cpfB: string;
let citizenA: TestSession;
let citizenB: TestSession;
let partner1: TestSession;
let partner2: TestSession;
const ids = { a: '', b: '', p1: '', p2: '' };

const file = (s: TestSession, body: object) =>
  t.request(s, { method: 'POST', url: '/api/v1/requests', body });
const upload = (s: TestSession, id: string, bytes: Buffer, name = 'doc.pdf', category = 'identity') =>
  t.request(s, {
    method: 'POST',
    url: `/api/v1/requests/${id}/documents?category=${category}&fileName=${encodeURIComponent(name)}`,
    body: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });

beforeAll(async () => {
  t = await createTestApp({ config: { UPLOAD_MAX_FILE_BYTES: '4096', UPLOAD_MAX_REQUEST_BYTES: '6000' } });
  cpfA = cpfFrom(rnd);
  cpfB = cpfFrom(rnd);
  citizenA = await t.loginAs('citizen', { cpf: cpfA });
  citizenB = await t.loginAs('citizen', { cpf: cpfB });
  partner1 = await t.loginAs('partner', { partnerEntityId: 'ACT-SINDICATO-1' });
  partner2 = await t.loginAs('partner', { partnerEntityId: 'ACT-PREFEITURA-2' });
  ids.a = (await file(citizenA, { cpf: cpfA, species: '41', unitId: 'APS1A' })).json().id;
  ids.b = (await file(citizenB, { cpf: cpfB, species: '80', unitId: 'APS2A' })).json().id;
  const p1 = await file(partner1, {
    cpf: cpfB,
    species: '21',
    unitId: 'APS1B',
    representationTermRef: 'TR-2026-0001',
  });
  expect(p1.statusCode, p1.body).toBe(201);
  ids.p1 = p1.json().id;
  ids.p2 = (
    await file(partner2, { cpf: cpfA, species: '88', unitId: 'APS2A', representationTermRef: 'TR-2026-0002' })
  ).json().id;
});
afterAll(async () => t?.close());

describe('scoping', () => {
  it('a citizen sees only their own requests (and cannot file for someone else)', async () => {
    const list = await t.request(citizenA, { method: 'GET', url: '/api/v1/requests' });
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([ids.a, ids.p2].sort());
    expect((await t.request(citizenA, { method: 'GET', url: `/api/v1/requests/${ids.b}` })).statusCode).toBe(
      404,
    );
    expect((await t.request(citizenA, { method: 'GET', url: `/api/v1/requests/${ids.p1}` })).statusCode).toBe(
      404,
    );
    expect((await file(citizenA, { cpf: cpfB, species: '41', unitId: 'APS1A' })).statusCode).toBe(403);
  });

  it('status reads asked at once each get their own answer: own requests 200, the others 404', async () => {
    const asks = [
      [citizenA, ids.a, 200],
      [citizenB, ids.a, 404],
      [citizenA, ids.p2, 200],
      [citizenB, ids.b, 200],
      [partner1, ids.p1, 200],
      [partner1, ids.p2, 404],
      [citizenA, randomUUID(), 404],
      [partner2, ids.p2, 200],
    ] as const;
    const answers = await Promise.all(
      [...asks, ...asks].map(([who, id]) =>
        t.request(who, { method: 'GET', url: `/api/v1/requests/${id}/status` }),
      ),
    );
    answers.forEach((r, i) => {
      const [, id, status] = asks[i % asks.length]!;
      expect(r.statusCode, `${i}`).toBe(status);
      if (status === 200) expect(r.json().id).toBe(id);
    });
  });

  it('a partner sees only the requests its entity filed', async () => {
    const l1 = await t.request(partner1, { method: 'GET', url: '/api/v1/requests' });
    expect(l1.json().items.map((r: { id: string }) => r.id)).toEqual([ids.p1]);
    const l2 = await t.request(partner2, { method: 'GET', url: '/api/v1/requests' });
    expect(l2.json().items.map((r: { id: string }) => r.id)).toEqual([ids.p2]);
    expect((await t.request(partner1, { method: 'GET', url: `/api/v1/requests/${ids.p2}` })).statusCode).toBe(
      404,
    );
    expect((await t.request(partner1, { method: 'GET', url: `/api/v1/requests/${ids.b}` })).statusCode).toBe(
      404,
    );
    expect((await upload(partner1, ids.p2, tinyPdf())).statusCode).toBe(404);
    const detail = await t.request(partner1, { method: 'GET', url: `/api/v1/requests/${ids.p1}` });
    expect(detail.json().filedBy).toEqual({
      kind: 'partner_representative',
      partnerEntityId: 'ACT-SINDICATO-1',
      representationTermRef: 'TR-2026-0001',
    });
    expect(detail.json().channel).toBe('act_partner');
  });

  it('staff see their unit subtree only; cursor pagination walks everything once', async () => {
    const a1 = await loginStaff(t, 'analyst', 'APS1A');
    const l = await t.request(a1, { method: 'GET', url: '/api/v1/requests?limit=10' });
    expect(l.json().items.map((r: { id: string }) => r.id)).toEqual([ids.a]);
    expect((await t.request(a1, { method: 'GET', url: `/api/v1/requests/${ids.b}` })).statusCode).toBe(404);
    const sup = await t.loginAs('supervisor', { unitId: 'SR1' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.request(sup, {
        method: 'GET',
        url: `/api/v1/requests?limit=1&sort=createdAt${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(page.statusCode, page.body).toBe(200);
      seen.push(...page.json().items.map((r: { id: string }) => r.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([ids.a, ids.p1].sort());
  });
});

describe('upload attacks are refused with 4xx', () => {
  it('accepts real PDF/JPEG/PNG regardless of declared name and type', async () => {
    expect((await upload(citizenA, ids.a, tinyPdf(), 'rg.pdf')).statusCode).toBe(201);
    const j = await upload(citizenA, ids.a, tinyJpeg(), 'foto.pdf');
    expect(j.statusCode, j.body).toBe(201);
    expect(j.json()).toMatchObject({ mediaType: 'image/jpeg', fileName: 'foto.jpg' });
    expect((await upload(citizenA, ids.a, tinyPng(), 'x.png')).statusCode).toBe(201);
  });

  it('wrong magic bytes, zero bytes, polyglots, active PDFs', async () => {
    expect(
      (await upload(citizenA, ids.a, Buffer.from('MZ\x90\x00 programa', 'latin1'), 'laudo.pdf')).statusCode,
    ).toBe(415);
    expect(
      (await upload(citizenA, ids.a, Buffer.from('<html><script>alert(1)</script></html>'), 'a.pdf'))
        .statusCode,
    ).toBe(415);
    const zero = await upload(citizenA, ids.a, Buffer.alloc(0), 'vazio.pdf');
    expect(zero.statusCode).toBeGreaterThanOrEqual(400);
    expect(zero.statusCode).toBeLessThan(500);
    const poly = await upload(
      citizenA,
      ids.a,
      Buffer.concat([tinyJpeg(), Buffer.from('PK\x03\x04zip-escondido', 'latin1')]),
      'foto.jpg',
    );
    expect(poly.statusCode).toBe(422);
    const js = await upload(
      citizenA,
      ids.a,
      tinyPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'),
      'a.pdf',
    );
    expect(js.statusCode).toBe(422);
  });

  it('path traversal and control characters in names are neutralised', async () => {
    const r = await upload(citizenA, ids.a, tinyPdf(), '../../../../etc/passwd\u0000.pdf');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().fileName).toBe('passwd.pdf');
    const r2 = await upload(citizenA, ids.a, tinyPdf(), 'C:\\Windows\\..\\laudo\u202Efdp.exe');
    expect(r2.json().fileName).toBe('laudofdp.pdf');
  });

  it('oversized files (per file) and too much per request are refused with 413', async () => {
    const big = Buffer.concat([tinyPdf().subarray(0, 9), Buffer.alloc(5000, 0x20), tinyPdf().subarray(9)]);
    expect((await upload(citizenB, ids.b, big, 'grande.pdf')).statusCode).toBe(413);
    const mid = Buffer.concat([
      Buffer.from('%PDF-1.4\n%', 'latin1'),
      Buffer.alloc(3500, 0x41),
      Buffer.from('\n%%EOF\n', 'latin1'),
    ]);
    expect((await upload(citizenB, ids.b, mid, 'a.pdf')).statusCode).toBe(201);
    expect((await upload(citizenB, ids.b, mid, 'b.pdf')).statusCode).toBe(413); // 7 KB > 6000 bytes per request
  });

  it('documents are served only by id to whoever may see the request', async () => {
    const d = await upload(citizenB, ids.b, tinyPng(), 'comprovante.png', 'proof_of_address');
    expect(d.statusCode).toBe(201);
    expect(
      (await t.request(citizenB, { method: 'GET', url: `/api/v1/documents/${d.json().id}/content` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.request(citizenA, { method: 'GET', url: `/api/v1/documents/${d.json().id}/content` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request(partner1, { method: 'GET', url: `/api/v1/documents/${d.json().id}/content` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request(citizenB, { method: 'GET', url: `/api/v1/documents/${randomUUID()}/content` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('Idempotency-Key on uploads', () => {
  const send = (id: string, bytes: Buffer, key: string, name = 'rg.pdf', category = 'identity') =>
    t.request(citizenA, {
      method: 'POST',
      url: `/api/v1/requests/${id}/documents?category=${category}&fileName=${encodeURIComponent(name)}`,
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', 'idempotency-key': key },
    });
  const documents = async (id: string) =>
    (await t.deps.db.pool.query('SELECT count(*)::int AS n FROM req_documents WHERE request_id = $1', [id]))
      .rows[0].n as number;

  it('the same file sent again with its key is one document and the same answer', async () => {
    const before = await documents(ids.a);
    const a = await send(ids.a, tinyPdf(), 'upload-0001-abcdef');
    const b = await send(ids.a, tinyPdf(), 'upload-0001-abcdef');
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.body).toBe(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await documents(ids.a)).toBe(before + 1);
  });

  it('concurrent retries of one upload store it once', async () => {
    const before = await documents(ids.a);
    const rs = await Promise.all(
      Array.from({ length: 5 }, () => send(ids.a, tinyPng(), 'upload-0002-abcdef', 'c.png')),
    );
    expect(rs.map((r) => r.statusCode)).toEqual(Array(5).fill(201));
    expect(new Set(rs.map((r) => r.body)).size).toBe(1);
    expect(await documents(ids.a)).toBe(before + 1);
  });

  it('the key with another file, another name or another request is refused with 422', async () => {
    expect((await send(ids.a, tinyJpeg(), 'upload-0003-abcdef', 'foto.jpg')).statusCode).toBe(201);
    const before = await documents(ids.a);
    const otherFile = await send(ids.a, tinyPng(), 'upload-0003-abcdef', 'foto.jpg');
    expect(otherFile.statusCode).toBe(422);
    expect(otherFile.headers['content-type']).toContain('application/problem+json');
    expect((await send(ids.a, tinyJpeg(), 'upload-0003-abcdef', 'outra.jpg')).statusCode).toBe(422);
    expect((await send(ids.p2, tinyJpeg(), 'upload-0003-abcdef', 'foto.jpg')).statusCode).toBe(422);
    expect(await documents(ids.a)).toBe(before);
    expect(await documents(ids.p2)).toBe(0);
  });
});
