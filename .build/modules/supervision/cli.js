import { Command, CommanderError, Option } from "commander";
import { CliError } from "../../cli/errors.js";
import { SYSTEM_ACTOR } from "../../platform/auth/roles.js";
import { isAppError } from "../../platform/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { CsvInputError } from "./csv/csv-reader.js";
import { isMonth, isQuarter } from "./domain/periods.js";
import { extraordinaryFromFiles } from "./files/extraordinary-from-files.js";
import { indicatorsFromFiles } from "./files/indicators-from-files.js";
import { referralsFromFiles } from "./files/referrals-from-files.js";
import { reportFromFiles } from "./files/report-from-files.js";
import { sampleFromFiles } from "./files/sample-from-files.js";
import { trainingTrackFromFiles } from "./files/training-track-from-files.js";
import { runExtraordinarySample } from "./run-extraordinary-sample.js";
import { runMonthlySample } from "./run-monthly-sample.js";
import { runReferrals } from "./run-referrals.js";
import { runTrainingTrack } from "./run-training-track.js";
import { organizationStaffDirectory } from "./staff-directory.js";
class UsageError extends Error {
}
const defaultIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  today: () => LocalDate.today()
};
function need(value, flag) {
  if (value === void 0 || value === "") throw new UsageError(`informe ${flag}.`);
  return value;
}
function num(value, flag, lo, hi) {
  const n = Number(value);
  if (!Number.isFinite(n) || !(n > lo && n < hi))
    throw new UsageError(`${flag} inv\xE1lido: "${value}" (esperado entre ${lo} e ${hi}, exclusive).`);
  return n;
}
function sizingOf(o) {
  if (o.size !== void 0) {
    if (o.confidence !== void 0 || o.margin !== void 0 || o.expected !== void 0) {
      throw new UsageError("use --size OU --confidence/--margin/--expected, n\xE3o os dois.");
    }
    if (!/^\d+$/.test(o.size) || Number(o.size) < 1)
      throw new UsageError(`--size inv\xE1lido: "${o.size}" (inteiro \u2265 1).`);
    return { kind: "fixed", size: Number(o.size) };
  }
  if (o.confidence === void 0)
    throw new UsageError("informe --size N ou --confidence C --margin E [--expected P].");
  return {
    kind: "statistical",
    confidence: num(o.confidence, "--confidence", 0, 1),
    margin: num(o.margin ?? "0.05", "--margin", 0, 1),
    expected: o.expected === void 0 ? 0.5 : num(o.expected, "--expected", -Number.EPSILON, 1 + Number.EPSILON)
  };
}
function checkMonth(m) {
  const v = need(m, "--month AAAA-MM");
  if (!isMonth(v)) throw new UsageError(`--month inv\xE1lido: "${v}" (use AAAA-MM).`);
  return v;
}
function checkQuarter(q) {
  const v = need(q, "--quarter AAAA-Qn");
  if (!isQuarter(v)) throw new UsageError(`--quarter inv\xE1lido: "${v}" (use AAAA-Qn, ex.: 2025-Q3).`);
  return v;
}
function checkDate(d) {
  const v = need(d, "--date AAAA-MM-DD");
  if (!LocalDate.isValid(v)) throw new UsageError(`--date inv\xE1lida: "${v}" (use AAAA-MM-DD).`);
  return v;
}
function registerSupervisionCli(program, io = defaultIo, platform) {
  const sup = program.command("supervision").description("Supervis\xE3o T\xE9cnica em Benef\xEDcios (Portaria DIRBEN/INSS n\xBA 1.309/2025)");
  const json = (v) => io.out(`${JSON.stringify(v, null, 2)}
`);
  const act = (fn) => async (...a) => {
    try {
      await fn(...a);
    } catch (e) {
      if (e instanceof CliError) throw e;
      const { code, message } = exitCodeOf(e);
      throw new CliError(message, code);
    }
  };
  sup.command("sample").description("Amostra aleat\xF3ria mensal por SR (art. 7\xBA)").option("--frame <arquivo>", "CSV de tarefas conclu\xEDdas").option("--month <AAAA-MM>", "m\xEAs de conclus\xE3o").option("--size <N>", "tamanho fixo por SR").option("--confidence <C>", "n\xEDvel de confian\xE7a (ex.: 0.95)").option("--margin <E>", "margem de erro (padr\xE3o 0.05)").option("--expected <P>", "propor\xE7\xE3o esperada (padr\xE3o 0.5)").option("--seed <S>", "semente do sorteio").action(
    act(async (o) => {
      const month = checkMonth(o.month);
      const sizing = sizingOf(o);
      json(
        await sampleFromFiles({
          frame: need(o.frame, "--frame"),
          month,
          sizing,
          seed: need(o.seed, "--seed")
        })
      );
    })
  );
  sup.command("extraordinary").description("Amostra estratificada trimestral das filas extraordin\xE1rias (arts. 10 a 12)").option("--frame <arquivo>", "CSV de tarefas conclu\xEDdas").option("--history <arquivo>", "CSV de supervis\xF5es anteriores").option("--quarter <AAAA-Qn>", "trimestre").option("--seed <S>", "semente do sorteio").action(
    act(async (o) => {
      const quarter = checkQuarter(o.quarter);
      json(
        await extraordinaryFromFiles({
          frame: need(o.frame, "--frame"),
          history: need(o.history, "--history"),
          quarter,
          seed: need(o.seed, "--seed")
        })
      );
    })
  );
  sup.command("training-track").description("Trilha de Forma\xE7\xE3o dos novos servidores (arts. 16 a 21)").option("--frame <arquivo>", "CSV de tarefas conclu\xEDdas").option("--servers <arquivo>", "CSV de servidores (server_id,sr,gex,start_date)").option("--history <arquivo>", "CSV de supervis\xF5es anteriores").option("--date <AAAA-MM-DD>", "data de refer\xEAncia").option("--seed <S>", "semente do sorteio").option("--per-server <N>", "tarefas por servidor em cada ponto (padr\xE3o 1, art. 21)").action(
    act(async (o) => {
      const date = checkDate(o.date);
      let perServer = 1;
      if (o.perServer !== void 0) {
        if (!/^\d+$/.test(o.perServer) || Number(o.perServer) < 1)
          throw new UsageError(`--per-server inv\xE1lido: "${o.perServer}".`);
        perServer = Number(o.perServer);
      }
      json(
        await trainingTrackFromFiles({
          frame: need(o.frame, "--frame"),
          servers: need(o.servers, "--servers"),
          history: need(o.history, "--history"),
          date,
          seed: need(o.seed, "--seed"),
          perServer
        })
      );
    })
  );
  sup.command("indicators").description("Indicadores ICON, IDR, IPR e IDNR (art. 9\xBA)").option("--supervisions <arquivo>", "CSV de supervis\xF5es").option("--cycle <C>", "ciclo (ex.: 2025-10)").addOption(new Option("--by <recorte>", "agrupar por sr, gex, server ou cycle")).action(
    act(async (o) => {
      let by = "all";
      if (o.by !== void 0) {
        if (!["sr", "gex", "server", "cycle"].includes(o.by))
          throw new UsageError(`--by inv\xE1lido: "${o.by}" (use sr, gex, server ou cycle).`);
        by = o.by;
      }
      json(
        await indicatorsFromFiles({
          supervisions: need(o.supervisions, "--supervisions"),
          cycle: o.cycle,
          by
        })
      );
    })
  );
  sup.command("referrals").description("\xCDndice de Performance e encaminhamentos para capacita\xE7\xE3o (arts. 13 e 14)").option("--supervisions <arquivo>", "CSV de supervis\xF5es").option("--cycle <C>", "ciclo").option("--previous-referrals <arquivo>", "CSV de encaminhamentos anteriores (server_id,cycle)").action(
    act(async (o) => {
      json(
        await referralsFromFiles({
          supervisions: need(o.supervisions, "--supervisions"),
          cycle: need(o.cycle, "--cycle"),
          previousReferrals: o.previousReferrals
        })
      );
    })
  );
  sup.command("report").description("Relat\xF3rio para Coben e SGBEN em PDF ou XLSX (arts. 15 e 22)").option("--supervisions <arquivo>", "CSV de supervis\xF5es").option("--format <pdf|xlsx>", "formato").option("--out <arquivo>", "arquivo de sa\xEDda").action(
    act(async (o) => {
      const format = need(o.format, "--format pdf|xlsx");
      if (format !== "pdf" && format !== "xlsx")
        throw new UsageError(`--format inv\xE1lido: "${format}" (use pdf ou xlsx).`);
      json(
        await reportFromFiles({
          supervisions: need(o.supervisions, "--supervisions"),
          format,
          out: need(o.out, "--out"),
          today: io.today()
        })
      );
    })
  );
  if (platform) registerPlatformRuns(sup, io, platform, act, json);
  return sup;
}
function registerPlatformRuns(sup, _io, platform, act, json) {
  const system = { actor: SYSTEM_ACTOR, requestId: "cli" };
  const run = sup.command("run").description("Sorteios e c\xE1lculos sobre os dados da pr\xF3pria plataforma (rotinas agendadas)");
  run.command("monthly").description("Amostra aleat\xF3ria mensal por SR sobre o quadro da plataforma (art. 7\xBA)").option("--month <AAAA-MM>", "m\xEAs de conclus\xE3o").option("--size <N>", "tamanho fixo por SR").option("--confidence <C>", "n\xEDvel de confian\xE7a (ex.: 0.95)").option("--margin <E>", "margem de erro (padr\xE3o 0.05)").option("--expected <P>", "propor\xE7\xE3o esperada (padr\xE3o 0.5)").option("--seed <S>", "semente do sorteio").action(
    act(async (o) => {
      const month = checkMonth(o.month);
      const sizing = sizingOf(o);
      const seed = need(o.seed, "--seed");
      const deps = await platform.deps();
      const r = await runMonthlySample(deps, system, organizationStaffDirectory(deps), {
        month,
        sizing,
        seed
      });
      json(r);
    })
  );
  run.command("extraordinary").description("Amostra trimestral das filas extraordin\xE1rias sobre o quadro da plataforma (arts. 10 a 12)").option("--quarter <AAAA-Qn>", "trimestre").option("--seed <S>", "semente do sorteio").action(
    act(async (o) => {
      const quarter = checkQuarter(o.quarter);
      const seed = need(o.seed, "--seed");
      const deps = await platform.deps();
      json(await runExtraordinarySample(deps, system, organizationStaffDirectory(deps), { quarter, seed }));
    })
  );
  run.command("training-track").description("Trilha de Forma\xE7\xE3o dos novos servidores sobre o quadro da plataforma (arts. 16 a 21)").option("--date <AAAA-MM-DD>", "data de refer\xEAncia").option("--seed <S>", "semente do sorteio").action(
    act(async (o) => {
      const date = checkDate(o.date);
      const seed = need(o.seed, "--seed");
      const deps = await platform.deps();
      json(await runTrainingTrack(deps, system, organizationStaffDirectory(deps), { date, seed }));
    })
  );
  run.command("referrals").description("\xCDndice de Performance e encaminhamentos de um ciclo (arts. 13 e 14)").option("--cycle <C>", "ciclo (ex.: 2026-Q3)").action(
    act(async (o) => {
      const cycle = need(o.cycle, "--cycle");
      const deps = await platform.deps();
      json(await runReferrals(deps, system, { cycle }));
    })
  );
}
function exitCodeOf(e) {
  if (e instanceof CsvInputError || e instanceof UsageError || e instanceof RangeError) {
    return { code: 2, message: e.message };
  }
  if (e instanceof CliError) return { code: e.exitCode, message: e.message };
  if (isAppError(e) && e.status < 500) return { code: 2, message: e.detail };
  if (e instanceof CommanderError) return { code: e.exitCode === 0 ? 0 : 2, message: "" };
  return { code: 1, message: `falha inesperada: ${e.message}` };
}
async function runSupervisionCli(args, io = defaultIo) {
  const program = new Command("previdencia").exitOverride();
  program.configureOutput({ writeOut: io.out, writeErr: io.err });
  registerSupervisionCli(program, io);
  for (const c of program.commands) {
    c.exitOverride();
    for (const s of c.commands) s.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  }
  try {
    await program.parseAsync(["node", "previdencia", "supervision", ...args]);
    return 0;
  } catch (e) {
    const { code, message } = exitCodeOf(e);
    if (message) io.err(`erro: ${message}
`);
    return code;
  }
}
export {
  UsageError,
  exitCodeOf,
  registerSupervisionCli,
  runSupervisionCli
};
