import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3BlobStore, sha256Of } from './blob-store';
import { signV4 } from './s3-client';

describe('SigV4 signing', () => {
  it('reproduces the AWS documentation example (GET object with Range)', () => {
    // docs.aws.amazon.com, "Signature Calculations for the Authorization Header": example GET Object.
    const headers = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { range: 'bytes=0-9' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

/**
 * A tiny S3 look-alike: it recomputes the signature of every request from the raw method, path,
 * headers and body (its own implementation, written from the SigV4 description) and answers 403
 * when it does not match — so a wrong canonical request, key chain or payload hash fails here.
 */
const SECRET = 'segredo-de-teste';
const objects = new Map<string, Buffer>();
let server: Server;
let endpoint: string;
let seen: { method: string; ok: boolean }[] = [];

function verify(req: IncomingMessage, body: Buffer): boolean {
  const auth = String(req.headers.authorization ?? '');
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return false;
  const [, , date, region, signed, sig] = m as unknown as string[];
  const payloadHash = String(req.headers['x-amz-content-sha256']);
  if (payloadHash !== createHash('sha256').update(body).digest('hex')) return false;
  const names = signed!.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return false;
  const canonHeaders = names.map((n) => `${n}:${String(req.headers[n]).trim()}\n`).join('');
  const [path, query = ''] = String(req.url).split('?');
  const canon = [req.method, path, query, canonHeaders, signed, payloadHash].join('\n');
  const sts = [
    'AWS4-HMAC-SHA256',
    String(req.headers['x-amz-date']),
    `${date}/${region}/s3/aws4_request`,
    createHash('sha256').update(canon).digest('hex'),
  ].join('\n');
  let k: Buffer = createHmac('sha256', `AWS4${SECRET}`).update(date!).digest();
  for (const part of [region!, 's3', 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
  return createHmac('sha256', k).update(sts).digest('hex') === sig;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const ok = verify(req, body);
      seen.push({ method: String(req.method), ok });
      if (!ok) return res.writeHead(403).end('SignatureDoesNotMatch');
      const key = String(req.url).split('?')[0]!;
      if (req.method === 'PUT') {
        objects.set(key, body);
        return res.writeHead(200).end();
      }
      const obj = objects.get(key);
      if (!obj) return res.writeHead(404).end();
      if (req.method === 'HEAD') return res.writeHead(200, { 'content-length': obj.length }).end();
      return res.writeHead(200).end(obj);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('S3 blob store against a signature-checking server', () => {
  it('stores by SHA-256 once and reads it back', async () => {
    seen = [];
    const store = s3BlobStore({
      endpoint,
      bucket: 'documentos',
      region: 'sa-east-1',
      accessKeyId: 'AKTEST',
      secretAccessKey: SECRET,
    });
    const bytes = Buffer.from('%PDF-1.4 conteúdo de teste\n%%EOF\n');
    const h = await store.put(bytes, 'application/pdf');
    expect(h).toBe(sha256Of(bytes));
    expect(await store.put(bytes, 'application/pdf')).toBe(h); // HEAD finds it: no second PUT
    expect(seen.filter((s) => s.method === 'PUT')).toHaveLength(1);
    expect((await store.get(h))?.equals(bytes)).toBe(true);
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(seen.every((s) => s.ok)).toBe(true);
  });

  it('is refused by the server when the secret is wrong', async () => {
    const store = s3BlobStore({
      endpoint,
      bucket: 'documentos',
      region: 'sa-east-1',
      accessKeyId: 'AKTEST',
      secretAccessKey: 'outro',
    });
    await expect(store.put(Buffer.from('x'), 'application/pdf')).rejects.toThrow(/403/);
  });
});
