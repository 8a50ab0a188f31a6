import { readFileSync } from "node:fs";
import { Command, CommanderError, Help } from "commander";
import { createAccount } from "../modules/identity/accounts.js";
import { createApiToken } from "../modules/identity/api-tokens.js";
import { modules } from "../modules/registry.js";
import { ROLES, SYSTEM_ACTOR } from "../platform/auth/roles.js";
import { migrateAll, openDeps, seedDemo } from "../platform/bootstrap.js";
import { loadConfig } from "../platform/config/config.js";
import { AppError } from "../platform/errors.js";
import { startPlatform } from "../platform/server.js";
import { CliError } from "./errors.js";
import { progressBar } from "./progress.js";
const TITLES = {
  "Usage:": "Uso:",
  "Options:": "Op\xE7\xF5es:",
  "Commands:": "Comandos:",
  "Arguments:": "Argumentos:",
  "Global Options:": "Op\xE7\xF5es globais:"
};
function translateCommanderError(msg) {
  return msg.replace(/^error: unknown option '(.+)'.*$/m, "erro: op\xE7\xE3o desconhecida '$1'").replace(/^error: unknown command '(.+)'.*$/m, "erro: comando desconhecido '$1'").replace(/^error: missing required argument '(.+)'$/m, "erro: falta o argumento obrigat\xF3rio '$1'").replace(
    /^error: required option '(.+)' not specified$/m,
    "erro: a op\xE7\xE3o obrigat\xF3ria '$1' n\xE3o foi informada"
  ).replace(/^error: option '(.+)' argument missing$/m, "erro: falta o valor da op\xE7\xE3o '$1'").replace(/^error: too many arguments.*$/m, "erro: argumentos demais").replace(/^error: /m, "erro: ");
}
function readStdin() {
  try {
    return readFileSync(0, "utf8");
  } catch {
    return "";
  }
}
function buildProgram() {
  let depsPromise;
  const config = () => loadConfig();
  const ctx = {
    deps() {
      depsPromise ??= (async () => {
        const d = await openDeps({
          ...config(),
          LOG_LEVEL: process.env.LOG_LEVEL ? config().LOG_LEVEL : "warn"
        });
        await migrateAll(d, modules, progressBar);
        return d;
      })();
      return depsPromise;
    },
    progress: progressBar
  };
  const program = new Command("previdencia").description("Previd\xEAncia Digital \u2014 plataforma de atendimento previdenci\xE1rio (linha de comando)").helpOption("-h, --help", "mostra esta ajuda").helpCommand("help [comando]", "mostra a ajuda de um comando").configureHelp({
    styleTitle: (t) => TITLES[t] ?? t,
    showGlobalOptions: true,
    formatHelp: (cmd, helper) => Help.prototype.formatHelp.call(helper, cmd, helper).replace(/\[options\](?= {2})/g, "[op\xE7\xF5es] ").replaceAll("[options]", "[op\xE7\xF5es]").replaceAll("[command]", "[comando]")
  }).showHelpAfterError("(use --help para ver as op\xE7\xF5es)").exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(translateCommanderError(s)) });
  program.version("0.1.0", "-V, --version", "mostra a vers\xE3o");
  program.command("serve").description(
    "Inicia a plataforma (API, documenta\xE7\xE3o e workers); aplica migra\xE7\xF5es e carrega a demonstra\xE7\xE3o na primeira vez"
  ).action(async () => {
    const running = await startPlatform(config(), modules, {
      progress: progressBar,
      print: (l) => process.stdout.write(`${l}
`)
    });
    const shutdown = async (sig) => {
      process.stdout.write(`
${sig}: encerrando\u2026
`);
      await running.stop();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    await new Promise(() => {
    });
  });
  const db = program.command("db").description("Banco de dados");
  db.command("migrate").description("Aplica as migra\xE7\xF5es pendentes de todos os m\xF3dulos").action(async () => {
    const d = await ctx.deps();
    const r = await d.db.pool.query("SELECT count(*)::int AS n FROM platform_migrations");
    process.stdout.write(`Migra\xE7\xF5es aplicadas: ${r.rows[0].n} (nenhuma pendente).
`);
  });
  program.command("demo").description("Dados de demonstra\xE7\xE3o").command("seed").description("Carrega os dados de demonstra\xE7\xE3o (determin\xEDsticos) se ainda n\xE3o foram carregados").action(async () => {
    const d = await ctx.deps();
    const notes = [];
    const done = await seedDemo(d, modules, { progress: progressBar, note: (t) => notes.push(t) });
    process.stdout.write(
      done ? "Dados de demonstra\xE7\xE3o carregados.\n" : "Os dados de demonstra\xE7\xE3o j\xE1 estavam carregados.\n"
    );
    for (const n of notes) process.stdout.write(`${n}
`);
  });
  const users = program.command("users").description("Contas de acesso");
  users.command("create").description(
    'Cria uma conta; a senha \xE9 lida da entrada padr\xE3o (echo "senha" | previdencia users create ...)'
  ).requiredOption("--login <login>", "login, ou o CPF para cidad\xE3os").requiredOption("--name <nome>", "nome completo").requiredOption("--role <papel>", `papel: ${ROLES.join(", ")}`).option("--unit <unidade>", "unidade de lota\xE7\xE3o (servidores e gestores)").option("--partner-entity <id>", "entidade parceira (representantes ACT)").action(
    async (o) => {
      if (!ROLES.includes(o.role))
        throw new CliError(`papel inv\xE1lido: "${o.role}". Use um de: ${ROLES.join(", ")}.`);
      const password = o.role === "integration" ? null : readStdin().replace(/\r?\n$/, "");
      const d = await ctx.deps();
      const a = await createAccount(
        d,
        { actor: SYSTEM_ACTOR, requestId: "cli" },
        {
          login: o.login,
          name: o.name,
          role: o.role,
          unitId: o.unit ?? null,
          partnerEntityId: o.partnerEntity ?? null,
          password
        }
      );
      process.stdout.write(
        `${JSON.stringify({ id: a.id, login: a.login, role: a.role, unitId: a.unitId })}
`
      );
    }
  );
  program.command("tokens").description("Tokens de integra\xE7\xE3o").command("create").description("Emite um token de API para uma conta de integra\xE7\xE3o (mostrado uma \xFAnica vez)").requiredOption("--account <id>", "id da conta de integra\xE7\xE3o").requiredOption("--name <nome>", "finalidade do token").option("--expires-in-days <dias>", "validade em dias", (v) => Number.parseInt(v, 10)).action(async (o) => {
    const d = await ctx.deps();
    const t = await createApiToken(
      d,
      { actor: SYSTEM_ACTOR, requestId: "cli" },
      { accountId: o.account, name: o.name, expiresInDays: o.expiresInDays ?? null }
    );
    process.stdout.write(`${JSON.stringify(t)}
`);
  });
  for (const m of modules) m.cli?.(program, ctx);
  return {
    program,
    close: async () => {
      if (depsPromise) await (await depsPromise).db.close();
    }
  };
}
async function runCli(argv) {
  const { program, close } = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
        return 0;
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`erro: ${e.message}
`);
      return e.exitCode;
    }
    if (e instanceof AppError) {
      const fields = e.errors?.map((f) => `
  - ${f.field}: ${f.message}`).join("") ?? "";
      process.stderr.write(`erro: ${e.detail}${fields}
`);
      return e.status >= 500 ? 1 : 2;
    }
    process.stderr.write(`erro: ${e.message}
`);
    return 1;
  } finally {
    await close();
  }
}
export {
  buildProgram,
  runCli
};
