import { resolve } from "node:path";
import { organizationRoutes } from "./routes.js";
import { seedOrganization } from "./seed-demo.js";
const organizationModule = {
  name: "organization",
  migrationsDir: resolve(import.meta.dirname, "migrations"),
  permissions: {
    "organization.units.read": {
      description: "Consultar a \xE1rvore de unidades (informa\xE7\xE3o p\xFAblica)",
      roles: ["citizen", "partner", "analyst", "supervisor", "manager", "admin", "integration"]
    },
    "organization.units.manage": { description: "Criar unidades", roles: ["admin"] },
    "organization.staff.read": {
      description: "Consultar servidores do seu escopo",
      roles: ["supervisor", "manager", "admin"]
    },
    "organization.staff.manage": { description: "Cadastrar servidores", roles: ["manager", "admin"] }
  },
  routes: organizationRoutes,
  demoSeed: async (deps, ctx) => {
    await seedOrganization(deps, ctx);
  }
};
export {
  organizationModule
};
