import { randomBytes } from "node:crypto";
import pg from "pg";
async function createFreshDatabase(baseUrl, prefix) {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    }
  };
}
async function freshTestDatabase(prefix) {
  const base = process.env.TEST_DATABASE_URL;
  return base ? createFreshDatabase(base, prefix) : void 0;
}
export {
  createFreshDatabase,
  freshTestDatabase
};
