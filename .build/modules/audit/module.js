import { CliError } from "../../cli/errors.js";
import { verifyAuditChain } from "../../platform/audit/audit.js";
import { auditRoutes } from "./routes.js";
const auditModule = {
  name: "audit",
  permissions: {
    "audit.read": {
      description: "Consultar a trilha de auditoria do seu escopo",
      roles: ["manager", "admin"]
    },
    "audit.verify": { description: "Verificar a integridade da trilha de auditoria", roles: ["admin"] }
  },
  routes: auditRoutes,
  cli(program, ctx) {
    const audit = program.command("audit").description("Trilha de auditoria");
    audit.command("verify").description(
      "Verifica o encadeamento por hash da trilha de auditoria (detecta altera\xE7\xE3o, remo\xE7\xE3o ou inser\xE7\xE3o)"
    ).action(async () => {
      const deps = await ctx.deps();
      let bar;
      const r = await verifyAuditChain(deps.db, (checked, total) => {
        bar ??= ctx.progress("Verificando trilha de auditoria", total);
        bar.update(checked);
      });
      bar?.stop();
      process.stdout.write(`${JSON.stringify(r, null, 2)}
`);
      if (!r.ok)
        throw new CliError(`Trilha de auditoria violada no registro ${r.brokenAt}: ${r.reason}`, 1);
    });
  }
};
export {
  auditModule
};
