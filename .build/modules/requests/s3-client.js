import { createHash, createHmac } from "node:crypto";
const sha256Hex = (data) => createHash("sha256").update(data).digest("hex");
const hmac = (key, data) => createHmac("sha256", key).update(data, "utf8").digest();
function uriEncode(s, keepSlash) {
  let out = "";
  for (const ch of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(ch);
    if (/[A-Za-z0-9\-._~]/.test(c) || keepSlash && c === "/") out += c;
    else out += `%${ch.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
function signV4(i) {
  const service = i.service ?? "s3";
  const amzDate = i.now.toISOString().replace(/[:-]/g, "").replace(/\.\d{3}/, "");
  const date = amzDate.slice(0, 8);
  const headers = {
    ...Object.fromEntries(Object.entries(i.headers).map(([k, v]) => [k.toLowerCase(), v])),
    host: i.url.host,
    "x-amz-date": amzDate,
    "x-amz-content-sha256": i.payloadHash
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n]).trim().replace(/\s+/g, " ")}
`).join("");
  const signedHeaders = names.join(";");
  const query = [...i.url.searchParams.entries()].map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)]).sort((a, b) => a[0] === b[0] ? a[1] < b[1] ? -1 : 1 : a[0] < b[0] ? -1 : 1).map(([k, v]) => `${k}=${v}`).join("&");
  const canonicalRequest = [
    i.method,
    uriEncode(decodeURIComponent(i.url.pathname), true),
    query,
    canonicalHeaders,
    signedHeaders,
    i.payloadHash
  ].join("\n");
  const scope = `${date}/${i.region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const kDate = hmac(`AWS4${i.secretAccessKey}`, date);
  const kRegion = hmac(kDate, i.region);
  const kService = hmac(kRegion, service);
  const kSigning = hmac(kService, "aws4_request");
  const signature = createHmac("sha256", kSigning).update(stringToSign, "utf8").digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${i.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
  };
}
class S3Error extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}
function createS3Client(cfg, now = () => /* @__PURE__ */ new Date()) {
  const urlOf = (key) => new URL(`${cfg.endpoint.replace(/\/$/, "")}/${uriEncode(cfg.bucket, false)}/${uriEncode(key, true)}`);
  const send = async (method, key, body, extra = {}) => {
    const url = urlOf(key);
    const payloadHash = body ? sha256Hex(body) : sha256Hex("");
    const headers = signV4({
      method,
      url,
      headers: body ? { ...extra, "content-length": String(body.length) } : extra,
      payloadHash,
      region: cfg.region,
      accessKeyId: cfg.accessKeyId,
      secretAccessKey: cfg.secretAccessKey,
      now: now()
    });
    delete headers.host;
    return fetch(url, { method, headers, body: body ? new Uint8Array(body) : void 0 });
  };
  return {
    async putObject(key, body, contentType) {
      const res = await send("PUT", key, body, { "content-type": contentType });
      if (!res.ok) throw new S3Error(res.status, `S3 PUT ${key}: HTTP ${res.status}`);
    },
    async getObject(key) {
      const res = await send("GET", key);
      if (res.status === 404) return null;
      if (!res.ok) throw new S3Error(res.status, `S3 GET ${key}: HTTP ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async headObject(key) {
      const res = await send("HEAD", key);
      if (res.status === 404) return false;
      if (!res.ok) throw new S3Error(res.status, `S3 HEAD ${key}: HTTP ${res.status}`);
      return true;
    }
  };
}
export {
  S3Error,
  createS3Client,
  signV4,
  uriEncode
};
