import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createS3Client } from "./s3-client.js";
const sha256Of = (b) => createHash("sha256").update(b).digest("hex");
const HEX64 = /^[0-9a-f]{64}$/;
function localBlobStore(dir) {
  const pathOf = (h) => join(dir, h.slice(0, 2), h.slice(2, 4), h);
  return {
    async put(bytes) {
      const h = sha256Of(bytes);
      const p = pathOf(h);
      try {
        await stat(p);
        return h;
      } catch {
      }
      await mkdir(join(dir, h.slice(0, 2), h.slice(2, 4)), { recursive: true });
      const tmp = `${p}.${randomBytes(6).toString("hex")}.tmp`;
      await writeFile(tmp, bytes, { mode: 384 });
      await rename(tmp, p);
      return h;
    },
    async get(h) {
      if (!HEX64.test(h)) return null;
      try {
        const b = await readFile(pathOf(h));
        return sha256Of(b) === h ? b : null;
      } catch {
        return null;
      }
    }
  };
}
function s3BlobStore(cfg) {
  const s3 = createS3Client(cfg);
  const keyOf = (h) => `blobs/${h.slice(0, 2)}/${h}`;
  return {
    async put(bytes, contentType) {
      const h = sha256Of(bytes);
      if (!await s3.headObject(keyOf(h))) await s3.putObject(keyOf(h), bytes, contentType);
      return h;
    },
    async get(h) {
      if (!HEX64.test(h)) return null;
      const b = await s3.getObject(keyOf(h));
      return b && sha256Of(b) === h ? b : null;
    }
  };
}
const stores = /* @__PURE__ */ new WeakMap();
function blobStoreFor(config) {
  let s = stores.get(config);
  if (!s) {
    if (config.BLOB_STORE === "s3") {
      if (!config.S3_ENDPOINT || !config.S3_BUCKET || !config.S3_ACCESS_KEY_ID || !config.S3_SECRET_ACCESS_KEY) {
        throw new Error(
          "BLOB_STORE=s3 exige S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID e S3_SECRET_ACCESS_KEY."
        );
      }
      s = s3BlobStore({
        endpoint: config.S3_ENDPOINT,
        bucket: config.S3_BUCKET,
        region: config.S3_REGION,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY
      });
    } else s = localBlobStore(config.blobDir);
    stores.set(config, s);
  }
  return s;
}
export {
  blobStoreFor,
  localBlobStore,
  s3BlobStore,
  sha256Of
};
