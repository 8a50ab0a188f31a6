import { createHash, createHmac } from 'node:crypto';

/**
 * A minimal S3-compatible client (PUT/GET/HEAD object, path-style URLs) signed with AWS
 * Signature Version 4 over fetch — enough for MinIO, Ceph RGW, Garage or AWS S3, without the
 * AWS SDK. Signing follows the published SigV4 algorithm: canonical request → string to sign →
 * HMAC-SHA256 key chain (date, region, service, "aws4_request").
 */
export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it ("/" kept in paths). */
export function uriEncode(s: string, keepSlash: boolean): string {
  let out = '';
  for (const ch of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(ch);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${ch.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export interface SignInput {
  method: string;
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  service?: string;
  accessKeyId: string;
  secretAccessKey: string;
  now: Date;
}

/** Returns the headers to send (with x-amz-date, x-amz-content-sha256 and Authorization). */
export function signV4(i: SignInput): Record<string, string> {
  const service = i.service ?? 's3';
  const amzDate = i.now
    .toISOString()
    .replace(/[:-]/g, '')
    .replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(i.headers).map(([k, v]) => [k.toLowerCase(), v])),
    host: i.url.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': i.payloadHash,
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names
    .map((n) => `${n}:${String(headers[n]).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const signedHeaders = names.join(';');
  const query = [...i.url.searchParams.entries()]
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    i.method,
    uriEncode(decodeURIComponent(i.url.pathname), true),
    query,
    canonicalHeaders,
    signedHeaders,
    i.payloadHash,
  ].join('\n');
  const scope = `${date}/${i.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${i.secretAccessKey}`, date);
  const kRegion = hmac(kDate, i.region);
  const kService = hmac(kRegion, service);
  const kSigning = hmac(kService, 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${i.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

export class S3Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createS3Client(cfg: S3Config, now: () => Date = () => new Date()) {
  const urlOf = (key: string) =>
    new URL(`${cfg.endpoint.replace(/\/$/, '')}/${uriEncode(cfg.bucket, false)}/${uriEncode(key, true)}`);
  const send = async (method: string, key: string, body?: Buffer, extra: Record<string, string> = {}) => {
    const url = urlOf(key);
    const payloadHash = body ? sha256Hex(body) : sha256Hex('');
    const headers = signV4({
      method,
      url,
      headers: body ? { ...extra, 'content-length': String(body.length) } : extra,
      payloadHash,
      region: cfg.region,
      accessKeyId: cfg.accessKeyId,
      secretAccessKey: cfg.secretAccessKey,
      now: now(),
    });
    delete headers.host; // fetch sets it
    return fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined });
  };
  return {
    async putObject(key: string, body: Buffer, contentType: string) {
      const res = await send('PUT', key, body, { 'content-type': contentType });
      if (!res.ok) throw new S3Error(res.status, `S3 PUT ${key}: HTTP ${res.status}`);
    },
    async getObject(key: string): Promise<Buffer | null> {
      const res = await send('GET', key);
      if (res.status === 404) return null;
      if (!res.ok) throw new S3Error(res.status, `S3 GET ${key}: HTTP ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async headObject(key: string): Promise<boolean> {
      const res = await send('HEAD', key);
      if (res.status === 404) return false;
      if (!res.ok) throw new S3Error(res.status, `S3 HEAD ${key}: HTTP ${res.status}`);
      return true;
    },
  };
}
