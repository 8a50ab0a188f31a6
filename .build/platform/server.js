import { createAuthenticator } from "../modules/identity/authenticate.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../modules/identity/seed-demo.js";
import { startAuditSealer } from "./audit/audit.js";
import { migrateAll, migrationSources, openDeps, seedDemo } from "./bootstrap.js";
import { buildApp } from "./http/app.js";
import { startJobs } from "./jobs/jobs.js";
import { startOutboxWorker } from "./outbox/outbox.js";
async function buildPlatformApp(deps, modules) {
  const auth = createAuthenticator(deps);
  return buildApp({
    deps,
    modules,
    migrationSources: migrationSources(modules),
    authenticate: auth.authenticate,
    checkCsrf: auth.checkCsrf
  });
}
async function startPlatform(config, modules, io) {
  const deps = await openDeps(config);
  await migrateAll(deps, modules, io.progress);
  const notes = [];
  let seeded = false;
  if (config.DEMO_SEED) {
    seeded = await seedDemo(deps, modules, { progress: io.progress, note: (t) => notes.push(t) });
  }
  const built = await buildPlatformApp(deps, modules);
  const address = await built.app.listen({ port: config.PORT, host: config.HOST });
  const stoppers = [];
  let jobs;
  if (config.WORKERS) {
    stoppers.push(startAuditSealer(deps.db, deps.log));
    stoppers.push(
      startOutboxWorker(
        deps,
        modules.flatMap((m) => m.consumers ?? []),
        config.OUTBOX_POLL_MS
      )
    );
    jobs = await startJobs(
      deps,
      modules.flatMap((m) => m.jobs ?? []),
      { work: true }
    );
  }
  const port = new URL(address).port;
  const url = config.HOST === "0.0.0.0" || config.HOST === "::" ? `http://localhost:${port}` : address;
  io.print(
    `Previd\xEAncia Digital em ${url} (banco: ${deps.db.kind === "pglite" ? `PGlite embarcado em ${config.pgliteDir}` : "PostgreSQL"})`
  );
  io.print(`Documenta\xE7\xE3o da API: ${url}/api/docs`);
  if (config.DEMO_SEED) {
    io.print(seeded ? "Dados de demonstra\xE7\xE3o carregados." : "Dados de demonstra\xE7\xE3o j\xE1 presentes.");
    io.print(`Logins de demonstra\xE7\xE3o (senha: ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) io.print(`  ${l.role.padEnd(11)} ${l.login.padEnd(20)} ${l.description}`);
    for (const n of notes) io.print(n);
  }
  return {
    deps,
    built,
    url,
    async stop() {
      await built.app.close();
      for (const s of stoppers) await s();
      await jobs?.stop();
      await deps.db.close();
    }
  };
}
export {
  buildPlatformApp,
  startPlatform
};
