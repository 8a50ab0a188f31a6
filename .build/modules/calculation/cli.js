import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { CliError } from "../../cli/errors.js";
import { SYSTEM_ACTOR } from "../../platform/auth/roles.js";
import { loadConfig } from "../../platform/config/config.js";
import { AppError } from "../../platform/errors.js";
import { addParameter, listParameters } from "./add-parameter.js";
import { calculateArrears } from "./calculate-arrears.js";
import { calculateRmi, loadParameterTables } from "./calculate-rmi.js";
import { renderPdf, renderText } from "./memoria.js";
import { parameterCoverage } from "./parameter-coverage.js";
const defaultIo = {
  readInput(path) {
    try {
      return readFileSync(path === "-" ? 0 : path, "utf8");
    } catch (e) {
      throw new CliError(
        `n\xE3o foi poss\xEDvel ler a entrada "${path}": ${e.code ?? e.message}`
      );
    }
  },
  write(text, out) {
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  }
};
function parseJson(text, path) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`a entrada "${path}" n\xE3o \xE9 um JSON v\xE1lido: ${e.message}`);
  }
}
async function tablesFor(ctx, o) {
  if (o.somenteArquivos) return loadParameterTables();
  const config = loadConfig();
  if (config.DATABASE_URL || o.banco) return loadParameterTables(await ctx.deps());
  return loadParameterTables();
}
function withHint(fn, o) {
  try {
    return fn();
  } catch (e) {
    const config = loadConfig();
    if (e instanceof AppError && !config.DATABASE_URL && !o.banco && existsSync(config.pgliteDir) && /não cadastrad/.test(e.detail)) {
      throw new AppError(
        e.code,
        `${e.detail} Se o valor foi cadastrado com "calc params add" no banco embarcado, repita com --banco (com o servidor parado).`,
        { errors: e.errors }
      );
    }
    throw e;
  }
}
const KINDS = {
  "monthly-index": "monthly_index",
  "minimum-wage": "minimum_wage",
  teto: "teto",
  readjustment: "readjustment"
};
function calculationCli(program, ctx, io = defaultIo) {
  const calc = program.command("calc").description("C\xE1lculo de benef\xEDcios (RMI, atrasados, par\xE2metros legais)");
  calc.command("rmi").description(
    "Calcula a RMI a partir de um JSON (contrato em src/modules/calculation/README.md) e imprime o resultado"
  ).requiredOption("--input <arquivo>", 'arquivo JSON de entrada, ou "-" para a entrada padr\xE3o').option("--format <formato>", "json (padr\xE3o), text ou pdf (mem\xF3ria de c\xE1lculo)", "json").option("--out <arquivo>", "grava a sa\xEDda no arquivo (obrigat\xF3rio para pdf)").option("--somente-arquivos", "usa s\xF3 as tabelas oficiais de data/reference, sem abrir o banco").option(
    "--banco",
    "l\xEA tamb\xE9m os par\xE2metros cadastrados no banco embarcado (PGlite; com o servidor parado)"
  ).action(
    async (o) => {
      if (!["json", "text", "pdf"].includes(o.format))
        throw new CliError(`formato inv\xE1lido: "${o.format}" (use json, text ou pdf)`);
      if (o.format === "pdf" && !o.out) throw new CliError("o formato pdf exige --out <arquivo>");
      const body = parseJson(io.readInput(o.input), o.input);
      const tables = await tablesFor(ctx, o);
      const result = withHint(() => calculateRmi(body, tables), o);
      if (o.format === "json") io.write(`${JSON.stringify(result, null, 2)}
`, o.out);
      else if (o.format === "text") io.write(renderText(result), o.out);
      else io.write(await renderPdf(result), o.out);
      if (o.out) process.stderr.write(`mem\xF3ria gravada em ${o.out}
`);
    }
  );
  calc.command("arrears").description(
    'Corrige parcelas pagas em atraso: {"payment_month": "AAAA-MM", "installments": [{"month", "amount"}]}'
  ).requiredOption("--input <arquivo>", 'arquivo JSON de entrada, ou "-" para a entrada padr\xE3o').option("--somente-arquivos", "usa s\xF3 as tabelas oficiais de data/reference, sem abrir o banco").option(
    "--banco",
    "l\xEA tamb\xE9m os par\xE2metros cadastrados no banco embarcado (PGlite; com o servidor parado)"
  ).action(async (o) => {
    const body = parseJson(io.readInput(o.input), o.input);
    const tables = await tablesFor(ctx, o);
    io.write(
      `${JSON.stringify(
        withHint(() => calculateArrears(body, tables), o),
        null,
        2
      )}
`
    );
  });
  const params = calc.command("params").description("Tabelas de par\xE2metros legais (\xEDndices, sal\xE1rio m\xEDnimo, teto, reajustes)");
  params.command("list").description("Mostra a cobertura das tabelas e os valores cadastrados").action(async () => {
    const deps = await ctx.deps();
    const coverage = parameterCoverage(await loadParameterTables(deps));
    io.write(`${JSON.stringify({ coverage, added: await listParameters(deps) }, null, 2)}
`);
  });
  params.command("add").description(
    "Cadastra um par\xE2metro publicado no DOU (auditado): \xEDndice mensal, sal\xE1rio m\xEDnimo, teto ou reajuste"
  ).requiredOption("--kind <tipo>", "monthly-index, minimum-wage, teto ou readjustment").requiredOption("--competence <AAAA-MM>", "compet\xEAncia do \xEDndice ou in\xEDcio da vig\xEAncia").requiredOption("--value <valor>", "fator (1.001000), reais (1621.00) ou percentual (3.90)").requiredOption("--act <ato>", 'ato legal, por exemplo "Portaria MPS 904/2023"').option("--valid-to <AAAA-MM>", "fim da vig\xEAncia (sal\xE1rio m\xEDnimo e teto; padr\xE3o: dezembro do ano)").option("--index <\xEDndice>", "\xEDndice legal do m\xEAs: INPC (padr\xE3o), IGP-DI ou IPC-r").option("--minimum-wage-pct <percentual>", "reajuste do sal\xE1rio m\xEDnimo no ano (readjustment)").action(
    async (o) => {
      const kind = KINDS[o.kind];
      if (!kind) throw new CliError(`tipo inv\xE1lido: "${o.kind}" (use ${Object.keys(KINDS).join(", ")})`);
      const deps = await ctx.deps();
      const r = await addParameter(
        deps,
        { actor: SYSTEM_ACTOR, requestId: "cli" },
        {
          kind,
          competence: o.competence,
          value: o.value,
          validTo: o.validTo ?? null,
          detail: kind === "monthly_index" ? o.index ?? null : kind === "readjustment" ? o.minimumWagePct ?? null : null,
          legalAct: o.act
        }
      );
      io.write(`${JSON.stringify({ ...r.parameter, created: r.created })}
`);
    }
  );
}
export {
  calculationCli
};
