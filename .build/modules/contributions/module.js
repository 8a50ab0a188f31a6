import { resolve } from "node:path";
import { contributionsCli } from "./cli.js";
import { contributionsRoutes } from "./routes.js";
import { seedContributions } from "./seed-demo.js";
const STAFF = ["analyst", "supervisor", "manager", "admin"];
const contributionsModule = {
  name: "contributions",
  migrationsDir: resolve(import.meta.dirname, "migrations"),
  permissions: {
    "contributions.people.read": {
      description: "Consultar pessoa, v\xEDnculos, remunera\xE7\xF5es e benef\xEDcios do CNIS (cidad\xE3o: s\xF3 o pr\xF3prio CPF)",
      roles: ["citizen", ...STAFF]
    },
    "contributions.people.write": { description: "Cadastrar e alterar pessoas", roles: [...STAFF] },
    "contributions.cnis.import": {
      description: "Importar o Extrato Previdenci\xE1rio do CNIS (cidad\xE3o: s\xF3 conferir o pr\xF3prio, sem gravar)",
      roles: ["citizen", ...STAFF, "integration"]
    },
    "contributions.import": {
      description: "Importa\xE7\xE3o em lote do cadastro de contribui\xE7\xF5es",
      roles: ["admin", "integration"]
    }
  },
  routes: contributionsRoutes,
  cli: contributionsCli,
  demoSeed: seedContributions
};
export {
  contributionsModule
};
