import { resolve } from "node:path";
import { registerSupervisionCli } from "./cli.js";
import { supervisionJobs } from "./jobs.js";
import { taskConcludedConsumer } from "./record-concluded-task.js";
import { supervisionRoutes } from "./routes.js";
import { seedSupervision } from "./seed-demo.js";
const supervisionModule = {
  name: "supervision",
  jobs: supervisionJobs,
  migrationsDir: resolve(import.meta.dirname, "migrations"),
  permissions: {
    "supervision.read": {
      description: "Consultar supervis\xF5es, indicadores, encaminhamentos e checklist do seu escopo",
      roles: ["supervisor", "manager", "admin"]
    },
    "supervision.assign": {
      description: "Designar supervis\xF5es na equipe da SR (art. 7\xBA, \xA73\xBA)",
      roles: ["manager", "admin"]
    },
    "supervision.conclude": {
      description: "Concluir supervis\xF5es designadas (art. 9\xBA)",
      roles: ["supervisor", "admin"]
    },
    "supervision.sample": {
      description: "Sortear amostras e registrar sele\xE7\xF5es direcionadas (arts. 7\xBA, 8\xBA, 11 e 18)",
      roles: ["manager", "admin"]
    },
    "supervision.indicate": {
      description: "Registrar indica\xE7\xE3o de erro administrativo (art. 3\xBA, \xA71\xBA)",
      roles: ["supervisor", "manager", "admin"]
    },
    "supervision.referrals.manage": {
      description: "Calcular encaminhamentos e registrar defesa e decis\xE3o (arts. 13 e 14)",
      roles: ["manager", "admin"]
    },
    "supervision.checklist.manage": {
      description: "Publicar vers\xF5es do checklist (art. 5\xBA)",
      roles: ["admin"]
    },
    "supervision.report": {
      description: "Emitir o relat\xF3rio para Coben e SGBEN (arts. 15 e 22)",
      roles: ["supervisor", "manager", "admin"]
    }
  },
  routes: supervisionRoutes,
  cli: (program, ctx) => {
    registerSupervisionCli(program, void 0, ctx);
  },
  demoSeed: seedSupervision,
  consumers: [taskConcludedConsumer]
};
export {
  supervisionModule
};
