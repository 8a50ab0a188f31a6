import PgBoss from "pg-boss";
async function startJobs(deps, jobs, opts) {
  const boss = new PgBoss({ connectionString: deps.db.url, max: 4, application_name: "previdencia-jobs" });
  boss.on("error", (err) => deps.log.error({ err }, "pg-boss"));
  await boss.start();
  for (const j of jobs) {
    await boss.createQueue(j.name);
    if (j.cron) await boss.schedule(j.name, j.cron, {}, { tz: "America/Sao_Paulo" });
    if (opts.work) {
      await boss.work(j.name, async (batch) => {
        for (const job of batch) {
          deps.log.info({ job: j.name, id: job.id }, "job iniciado");
          await j.handler(deps, job.data ?? {});
        }
      });
    }
  }
  return {
    boss,
    send: (name, data) => boss.send(name, data),
    stop: () => boss.stop({ graceful: true, timeout: 5e3 })
  };
}
export {
  startJobs
};
