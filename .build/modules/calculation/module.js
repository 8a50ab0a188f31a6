import { resolve } from "node:path";
import { calculationCli } from "./cli.js";
import { calculationRoutes } from "./routes.js";
const calculationModule = {
  name: "calculation",
  migrationsDir: resolve(import.meta.dirname, "migrations"),
  permissions: {
    "calculation.run": {
      description: "Simular o c\xE1lculo da RMI e dos atrasados (sem dados pessoais identific\xE1veis)",
      roles: ["citizen", "partner", "analyst", "supervisor", "manager", "admin", "integration"]
    },
    "calculation.parameters.read": {
      description: "Consultar as tabelas de par\xE2metros legais",
      roles: ["analyst", "supervisor", "manager", "admin", "integration"]
    },
    "calculation.parameters.manage": {
      description: "Cadastrar \xEDndice mensal, sal\xE1rio m\xEDnimo, teto e reajuste publicados no DOU",
      roles: ["manager", "admin"]
    }
  },
  routes: calculationRoutes,
  cli: (program, ctx) => calculationCli(program, ctx)
};
export {
  calculationModule
};
