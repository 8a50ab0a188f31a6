import { resolve } from "node:path";
import { requestsCli } from "./cli.js";
import { revisionConsumer } from "./create-revision-task.js";
import { expireExigencias } from "./expire-exigencias.js";
import { flagOverdueTasks } from "./flag-overdue-tasks.js";
import { requestsRoutes } from "./routes.js";
import { requestsAdminRoutes } from "./routes-admin.js";
import { seedRequests } from "./seed-demo.js";
const STAFF_WORK = ["analyst", "supervisor"];
const requestsModule = {
  name: "requests",
  migrationsDir: resolve(import.meta.dirname, "migrations"),
  permissions: {
    "requests.file": {
      description: "Protocolar requerimento",
      roles: ["citizen", "partner", "analyst", "manager", "admin"]
    },
    "requests.read": {
      description: "Consultar requerimentos (escopo: CPF, entidade parceira ou unidade)",
      roles: ["citizen", "partner", "analyst", "supervisor", "manager", "admin", "integration"]
    },
    "requests.documents.upload": {
      description: "Anexar documentos",
      roles: ["citizen", "partner", "analyst", "manager", "admin"]
    },
    "requests.documents.read": {
      description: "Ler documentos anexados",
      roles: ["citizen", "partner", "analyst", "supervisor", "manager", "admin"]
    },
    "requests.tasks.read": {
      description: "Consultar tarefas",
      roles: ["analyst", "supervisor", "manager", "admin"]
    },
    "requests.tasks.take": { description: "Pegar a pr\xF3xima tarefa", roles: [...STAFF_WORK] },
    "requests.tasks.release": { description: "Devolver tarefa", roles: ["analyst", "supervisor", "manager"] },
    "requests.tasks.transfer": {
      description: "Enviar tarefa a outra unidade",
      roles: ["analyst", "supervisor", "manager"]
    },
    "requests.tasks.reassign": {
      description: "Redistribuir tarefa",
      roles: ["supervisor", "manager", "admin"]
    },
    "requests.exigencias.open": { description: "Abrir exig\xEAncia", roles: [...STAFF_WORK] },
    "requests.exigencias.answer": {
      description: "Cumprir exig\xEAncia",
      roles: ["citizen", "partner", "analyst"]
    },
    "requests.exigencias.extend": { description: "Prorrogar exig\xEAncia", roles: [...STAFF_WORK] },
    "requests.appointments.read": {
      description: "Consultar vagas de agendamento",
      roles: ["citizen", "partner", "analyst", "supervisor", "manager"]
    },
    "requests.appointments.schedule": {
      description: "Agendar/reagendar per\xEDcia ou avalia\xE7\xE3o social",
      roles: ["citizen", "partner", "analyst", "supervisor"]
    },
    "requests.appointments.attend": { description: "Registrar comparecimento", roles: [...STAFF_WORK] },
    "requests.pendency.register": {
      description: "Registrar pend\xEAncia para an\xE1lise autom\xE1tica",
      roles: [...STAFF_WORK]
    },
    "requests.pendency.resolve": {
      description: "Devolver da an\xE1lise autom\xE1tica",
      roles: ["integration", "supervisor"]
    },
    "requests.decide": {
      description: "Decidir requerimento",
      roles: ["analyst", "supervisor", "integration"]
    },
    "requests.appeals.file": { description: "Interpor recurso", roles: ["citizen", "partner", "analyst"] },
    "requests.appeals.decide": {
      description: "Registrar decis\xE3o da junta de recursos",
      roles: ["manager", "admin", "integration"]
    },
    "requests.appeals.comply": { description: "Cumprir decis\xE3o recursal", roles: [...STAFF_WORK] },
    "requests.queues.manage": {
      description: "Administrar filas, regras de escalonamento e vagas de agendamento do seu escopo",
      roles: ["manager", "admin"]
    },
    "requests.indicators.read": {
      description: "Indicadores do plano de a\xE7\xE3o",
      roles: ["supervisor", "manager", "admin"]
    }
  },
  routes: (app, deps) => {
    requestsRoutes(app, deps);
    requestsAdminRoutes(app, deps);
  },
  cli: requestsCli,
  demoSeed: seedRequests,
  consumers: [revisionConsumer],
  jobs: [
    {
      name: "requests.expire-exigencias",
      cron: "10 0 * * *",
      handler: async (deps) => void await expireExigencias(deps)
    },
    {
      name: "requests.flag-overdue",
      cron: "30 0 * * *",
      handler: async (deps) => void await flagOverdueTasks(deps)
    }
  ]
};
export {
  requestsModule
};
