import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { keepProtocolExchangesTogether } from "./pglite-queue.js";
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));
async function openDatabase(opts) {
  let url = opts.url;
  let embedded;
  let releaseLock;
  if (!url) {
    const dir = opts.pgliteDir ?? "memory://";
    if (!dir.startsWith("memory://")) {
      mkdirSync(dir, { recursive: true });
      releaseLock = lockDataDir(dir);
    }
    setFlagsFromString("--wasm-lazy-compilation");
    const pglite = await PGlite.create(dir, {
      // An embedded database for evaluation and development: small buffers keep the server's
      // memory low (a production deployment uses a real PostgreSQL through DATABASE_URL).
      postgresqlconf: ["shared_buffers=8MB", "work_mem=4MB", "wal_buffers=1MB", "maintenance_work_mem=32MB"]
    });
    const server = new PGLiteSocketServer({ db: pglite, port: 0, host: "127.0.0.1", maxConnections: 64 });
    keepProtocolExchangesTogether(server);
    await server.start();
    url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    embedded = { pglite, server };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? (embedded ? 8 : 20),
    application_name: opts.applicationName ?? "previdencia",
    idleTimeoutMillis: 3e4
  });
  pool.on("error", () => {
  });
  const orm = drizzle(pool);
  return {
    kind: embedded ? "pglite" : "postgres",
    url,
    pool,
    orm,
    tx(fn, o) {
      return orm.transaction(fn, o?.isolation ? { isolationLevel: o.isolation } : void 0);
    },
    async close() {
      await pool.end();
      if (embedded) {
        await embedded.server.stop();
        await embedded.pglite.close();
      }
      releaseLock?.();
    }
  };
}
function lockDataDir(dir) {
  const file = join(dir, "previdencia.lock");
  try {
    const pid = Number(readFileSync(file, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `O banco embarcado em ${dir} est\xE1 em uso pelo processo ${pid} (previdencia serve?). Pare esse processo, ou use um PostgreSQL (DATABASE_URL) para acessos simult\xE2neos.`
      );
    }
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
export {
  lockDataDir,
  openDatabase
};
