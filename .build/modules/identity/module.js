import { resolve } from "node:path";
import { identityRoutes } from "./routes.js";
import { seedIdentity } from "./seed-demo.js";
const identityModule = {
  name: "identity",
  migrationsDir: resolve(import.meta.dirname, "migrations"),
  permissions: {
    "identity.accounts.read": {
      description: "Consultar contas de acesso do seu escopo",
      roles: ["manager", "admin"]
    },
    "identity.accounts.manage": {
      description: "Criar, desbloquear e desativar contas",
      roles: ["manager", "admin"]
    },
    "identity.sessions.revoke_any": { description: "Revogar sess\xF5es de qualquer conta", roles: ["admin"] },
    "identity.tokens.manage": { description: "Emitir e revogar tokens de integra\xE7\xE3o", roles: ["admin"] }
  },
  routes: identityRoutes,
  demoSeed: async (deps, ctx) => {
    const r = await seedIdentity(deps, ctx);
    ctx.note?.(
      `Token de integra\xE7\xE3o de demonstra\xE7\xE3o (guarde-o; n\xE3o ser\xE1 mostrado de novo): ${r.integrationToken}`
    );
  }
};
export {
  identityModule
};
