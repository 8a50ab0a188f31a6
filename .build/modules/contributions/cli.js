import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { CliError } from "../../cli/errors.js";
import { SYSTEM_ACTOR } from "../../platform/auth/roles.js";
import { importCnisExtract, readCnisExtract } from "./import-cnis.js";
import { importContributions } from "./import-contributions.js";
import { fileSource } from "./import-sources.js";
const ctxCli = () => ({ actor: SYSTEM_ACTOR, requestId: `cli-${randomUUID()}` });
function requireFile(path) {
  if (!existsSync(path)) throw new CliError(`arquivo n\xE3o encontrado: ${path}`);
}
function contributionsCli(program, ctx) {
  const cmd = program.command("contributions").description("Cadastro de contribui\xE7\xF5es (CNIS)");
  cmd.command("import").description(
    "Importa pessoas, v\xEDnculos, remunera\xE7\xF5es e benef\xEDcios de um arquivo CSV ou JSON (tudo ou nada)"
  ).argument("<arquivo>", "arquivo CSV ou JSON (formatos em src/modules/contributions/README.md)").option("--format <formato>", "csv ou json (padr\xE3o: pela extens\xE3o do arquivo)").action(async (file, o) => {
    requireFile(file);
    const format = o.format ?? extname(file).slice(1).toLowerCase();
    if (format !== "csv" && format !== "json")
      throw new CliError(
        `formato inv\xE1lido "${o.format ?? extname(file)}": use --format csv ou --format json`
      );
    const deps = await ctx.deps();
    const summary = await importContributions(deps, ctxCli(), fileSource(file, format), {
      progress: ctx.progress
    });
    process.stdout.write(`${JSON.stringify(summary)}
`);
  });
  cmd.command("import-cnis").description(
    "Importa o Extrato Previdenci\xE1rio do CNIS (texto extra\xEDdo .txt ou o pr\xF3prio .pdf) e imprime um resumo em JSON"
  ).argument("<arquivo>", "extrato .txt ou .pdf").option("--dry-run", "s\xF3 l\xEA e resume, n\xE3o grava nada").option("--cpf <cpf>", "CPF esperado: recusa o extrato se for de outra pessoa").option("--sexo <M|F>", "sexo da pessoa, se ainda n\xE3o cadastrada (o extrato n\xE3o informa)").action(async (file, o) => {
    requireFile(file);
    const data = readFileSync(file);
    const isPdf = data.subarray(0, 4).toString("latin1") === "%PDF";
    if (!isPdf && extname(file).toLowerCase() === ".pdf")
      throw new CliError(`o arquivo ${file} n\xE3o \xE9 um PDF v\xE1lido`);
    const sex = o.sexo?.toUpperCase();
    if (sex !== void 0 && sex !== "M" && sex !== "F") throw new CliError("--sexo deve ser M ou F");
    const input = isPdf ? { pdf: data } : { text: data.toString("utf8") };
    const opts = {
      dryRun: Boolean(o.dryRun),
      ...o.cpf ? { expectedCpf: o.cpf.replace(/\D/g, "") } : {},
      ...sex ? { sex } : {}
    };
    const summary = opts.dryRun ? (await readCnisExtract(input, opts)).summary : await importCnisExtract(await ctx.deps(), ctxCli(), input, opts);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}
`);
  });
}
export {
  contributionsCli
};
