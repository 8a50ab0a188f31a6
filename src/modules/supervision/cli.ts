import { Command, CommanderError, Option } from 'commander';
import { CliError } from '../../cli/errors';
import { SYSTEM_ACTOR } from '../../platform/auth/roles';
import { isAppError } from '../../platform/errors';
import type { CliContext } from '../../platform/module';
import { LocalDate } from '../../platform/values/dates';
import { CsvInputError } from './csv/csv-reader';
import type { GroupBy } from './domain/indicators';
import { isMonth, isQuarter } from './domain/periods';
import type { SampleSizing } from './domain/random-sample';
import { extraordinaryFromFiles } from './files/extraordinary-from-files';
import { indicatorsFromFiles } from './files/indicators-from-files';
import { referralsFromFiles } from './files/referrals-from-files';
import { reportFromFiles } from './files/report-from-files';
import { sampleFromFiles } from './files/sample-from-files';
import { trainingTrackFromFiles } from './files/training-track-from-files';
import { runExtraordinarySample } from './run-extraordinary-sample';
import { runMonthlySample } from './run-monthly-sample';
import { runReferrals } from './run-referrals';
import { runTrainingTrack } from './run-training-track';
import { organizationStaffDirectory } from './staff-directory';

/**
 * `previdencia supervision …` — the file-based contract of issue 5 (CSV in, JSON on stdout).
 * Bad input exits with code 2 and a pt-BR message on stderr (with the CSV line number when the
 * problem is in a file).
 */
export class UsageError extends Error {}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Today's date for reports (São Paulo calendar). */
  today(): string;
}

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  today: () => LocalDate.today(),
};

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`informe ${flag}.`);
  return value;
}

function num(value: string, flag: string, lo: number, hi: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || !(n > lo && n < hi))
    throw new UsageError(`${flag} inválido: "${value}" (esperado entre ${lo} e ${hi}, exclusive).`);
  return n;
}

function sizingOf(o: {
  size?: string;
  confidence?: string;
  margin?: string;
  expected?: string;
}): SampleSizing {
  if (o.size !== undefined) {
    if (o.confidence !== undefined || o.margin !== undefined || o.expected !== undefined) {
      throw new UsageError('use --size OU --confidence/--margin/--expected, não os dois.');
    }
    if (!/^\d+$/.test(o.size) || Number(o.size) < 1)
      throw new UsageError(`--size inválido: "${o.size}" (inteiro ≥ 1).`);
    return { kind: 'fixed', size: Number(o.size) };
  }
  if (o.confidence === undefined)
    throw new UsageError('informe --size N ou --confidence C --margin E [--expected P].');
  return {
    kind: 'statistical',
    confidence: num(o.confidence, '--confidence', 0, 1),
    margin: num(o.margin ?? '0.05', '--margin', 0, 1),
    expected:
      o.expected === undefined ? 0.5 : num(o.expected, '--expected', -Number.EPSILON, 1 + Number.EPSILON),
  };
}

function checkMonth(m: string | undefined): string {
  const v = need(m, '--month AAAA-MM');
  if (!isMonth(v)) throw new UsageError(`--month inválido: "${v}" (use AAAA-MM).`);
  return v;
}

function checkQuarter(q: string | undefined): string {
  const v = need(q, '--quarter AAAA-Qn');
  if (!isQuarter(v)) throw new UsageError(`--quarter inválido: "${v}" (use AAAA-Qn, ex.: 2025-Q3).`);
  return v;
}

function checkDate(d: string | undefined): string {
  const v = need(d, '--date AAAA-MM-DD');
  if (!LocalDate.isValid(v)) throw new UsageError(`--date inválida: "${v}" (use AAAA-MM-DD).`);
  return v;
}

/**
 * Adds the `supervision` command group to a commander program. With the platform context, also
 * `supervision run …`: the same draws on the platform's own data (for scheduled jobs and operators).
 */
export function registerSupervisionCli(
  program: Command,
  io: CliIo = defaultIo,
  platform?: CliContext,
): Command {
  const sup = program
    .command('supervision')
    .description('Supervisão Técnica em Benefícios (Portaria DIRBEN/INSS nº 1.309/2025)');
  const json = (v: unknown) => io.out(`${JSON.stringify(v, null, 2)}\n`);
  // Errors become CliError (pt-BR message, exit code 2 for bad input) for bin/previdencia to report.
  const act =
    <A extends unknown[]>(fn: (...a: A) => Promise<void>) =>
    async (...a: A) => {
      try {
        await fn(...a);
      } catch (e) {
        if (e instanceof CliError) throw e;
        const { code, message } = exitCodeOf(e);
        throw new CliError(message, code);
      }
    };

  sup
    .command('sample')
    .description('Amostra aleatória mensal por SR (art. 7º)')
    .option('--frame <arquivo>', 'CSV de tarefas concluídas')
    .option('--month <AAAA-MM>', 'mês de conclusão')
    .option('--size <N>', 'tamanho fixo por SR')
    .option('--confidence <C>', 'nível de confiança (ex.: 0.95)')
    .option('--margin <E>', 'margem de erro (padrão 0.05)')
    .option('--expected <P>', 'proporção esperada (padrão 0.5)')
    .option('--seed <S>', 'semente do sorteio')
    .action(
      act(async (o) => {
        const month = checkMonth(o.month);
        const sizing = sizingOf(o);
        json(
          await sampleFromFiles({
            frame: need(o.frame, '--frame'),
            month,
            sizing,
            seed: need(o.seed, '--seed'),
          }),
        );
      }),
    );

  sup
    .command('extraordinary')
    .description('Amostra estratificada trimestral das filas extraordinárias (arts. 10 a 12)')
    .option('--frame <arquivo>', 'CSV de tarefas concluídas')
    .option('--history <arquivo>', 'CSV de supervisões anteriores')
    .option('--quarter <AAAA-Qn>', 'trimestre')
    .option('--seed <S>', 'semente do sorteio')
    .action(
      act(async (o) => {
        const quarter = checkQuarter(o.quarter);
        json(
          await extraordinaryFromFiles({
            frame: need(o.frame, '--frame'),
            history: need(o.history, '--history'),
            quarter,
            seed: need(o.seed, '--seed'),
          }),
        );
      }),
    );

  sup
    .command('training-track')
    .description('Trilha de Formação dos novos servidores (arts. 16 a 21)')
    .option('--frame <arquivo>', 'CSV de tarefas concluídas')
    .option('--servers <arquivo>', 'CSV de servidores (server_id,sr,gex,start_date)')
    .option('--history <arquivo>', 'CSV de supervisões anteriores')
    .option('--date <AAAA-MM-DD>', 'data de referência')
    .option('--seed <S>', 'semente do sorteio')
    .option('--per-server <N>', 'tarefas por servidor em cada ponto (padrão 1, art. 21)')
    .action(
      act(async (o) => {
        const date = checkDate(o.date);
        let perServer = 1;
        if (o.perServer !== undefined) {
          if (!/^\d+$/.test(o.perServer) || Number(o.perServer) < 1)
            throw new UsageError(`--per-server inválido: "${o.perServer}".`);
          perServer = Number(o.perServer);
        }
        json(
          await trainingTrackFromFiles({
            frame: need(o.frame, '--frame'),
            servers: need(o.servers, '--servers'),
            history: need(o.history, '--history'),
            date,
            seed: need(o.seed, '--seed'),
            perServer,
          }),
        );
      }),
    );

  sup
    .command('indicators')
    .description('Indicadores ICON, IDR, IPR e IDNR (art. 9º)')
    .option('--supervisions <arquivo>', 'CSV de supervisões')
    .option('--cycle <C>', 'ciclo (ex.: 2025-10)')
    .addOption(new Option('--by <recorte>', 'agrupar por sr, gex, server ou cycle'))
    .action(
      act(async (o) => {
        let by: GroupBy = 'all';
        if (o.by !== undefined) {
          if (!['sr', 'gex', 'server', 'cycle'].includes(o.by))
            throw new UsageError(`--by inválido: "${o.by}" (use sr, gex, server ou cycle).`);
          by = o.by;
        }
        json(
          await indicatorsFromFiles({
            supervisions: need(o.supervisions, '--supervisions'),
            cycle: o.cycle,
            by,
          }),
        );
      }),
    );

  sup
    .command('referrals')
    .description('Índice de Performance e encaminhamentos para capacitação (arts. 13 e 14)')
    .option('--supervisions <arquivo>', 'CSV de supervisões')
    .option('--cycle <C>', 'ciclo')
    .option('--previous-referrals <arquivo>', 'CSV de encaminhamentos anteriores (server_id,cycle)')
    .action(
      act(async (o) => {
        json(
          await referralsFromFiles({
            supervisions: need(o.supervisions, '--supervisions'),
            cycle: need(o.cycle, '--cycle'),
            previousReferrals: o.previousReferrals,
          }),
        );
      }),
    );

  sup
    .command('report')
    .description('Relatório para Coben e SGBEN em PDF ou XLSX (arts. 15 e 22)')
    .option('--supervisions <arquivo>', 'CSV de supervisões')
    .option('--format <pdf|xlsx>', 'formato')
    .option('--out <arquivo>', 'arquivo de saída')
    .action(
      act(async (o) => {
        const format = need(o.format, '--format pdf|xlsx');
        if (format !== 'pdf' && format !== 'xlsx')
          throw new UsageError(`--format inválido: "${format}" (use pdf ou xlsx).`);
        json(
          await reportFromFiles({
            supervisions: need(o.supervisions, '--supervisions'),
            format,
            out: need(o.out, '--out'),
            today: io.today(),
          }),
        );
      }),
    );
  if (platform) registerPlatformRuns(sup, io, platform, act, json);
  return sup;
}

function registerPlatformRuns(
  sup: Command,
  _io: CliIo,
  platform: CliContext,
  act: <A extends unknown[]>(fn: (...a: A) => Promise<void>) => (...a: A) => Promise<void>,
  json: (v: unknown) => void,
) {
  const system = { actor: SYSTEM_ACTOR, requestId: 'cli' };
  const run = sup
    .command('run')
    .description('Sorteios e cálculos sobre os dados da própria plataforma (rotinas agendadas)');
  run
    .command('monthly')
    .description('Amostra aleatória mensal por SR sobre o quadro da plataforma (art. 7º)')
    .option('--month <AAAA-MM>', 'mês de conclusão')
    .option('--size <N>', 'tamanho fixo por SR')
    .option('--confidence <C>', 'nível de confiança (ex.: 0.95)')
    .option('--margin <E>', 'margem de erro (padrão 0.05)')
    .option('--expected <P>', 'proporção esperada (padrão 0.5)')
    .option('--seed <S>', 'semente do sorteio')
    .action(
      act(async (o) => {
        const month = checkMonth(o.month);
        const sizing = sizingOf(o);
        const seed = need(o.seed, '--seed');
        const deps = await platform.deps();
        const r = await runMonthlySample(deps, system, organizationStaffDirectory(deps), {
          month,
          sizing,
          seed,
        });
        json(r);
      }),
    );
  run
    .command('extraordinary')
    .description('Amostra trimestral das filas extraordinárias sobre o quadro da plataforma (arts. 10 a 12)')
    .option('--quarter <AAAA-Qn>', 'trimestre')
    .option('--seed <S>', 'semente do sorteio')
    .action(
      act(async (o) => {
        const quarter = checkQuarter(o.quarter);
        const seed = need(o.seed, '--seed');
        const deps = await platform.deps();
        json(await runExtraordinarySample(deps, system, organizationStaffDirectory(deps), { quarter, seed }));
      }),
    );
  run
    .command('training-track')
    .description('Trilha de Formação dos novos servidores sobre o quadro da plataforma (arts. 16 a 21)')
    .option('--date <AAAA-MM-DD>', 'data de referência')
    .option('--seed <S>', 'semente do sorteio')
    .action(
      act(async (o) => {
        const date = checkDate(o.date);
        const seed = need(o.seed, '--seed');
        const deps = await platform.deps();
        json(await runTrainingTrack(deps, system, organizationStaffDirectory(deps), { date, seed }));
      }),
    );
  run
    .command('referrals')
    .description('Índice de Performance e encaminhamentos de um ciclo (arts. 13 e 14)')
    .option('--cycle <C>', 'ciclo (ex.: 2026-Q3)')
    .action(
      act(async (o) => {
        const cycle = need(o.cycle, '--cycle');
        const deps = await platform.deps();
        json(await runReferrals(deps, system, { cycle }));
      }),
    );
}

/** Maps an error of the file commands to the exit code and pt-BR message (2 = bad input). */
export function exitCodeOf(e: unknown): { code: number; message: string } {
  if (e instanceof CsvInputError || e instanceof UsageError || e instanceof RangeError) {
    return { code: 2, message: e.message };
  }
  if (e instanceof CliError) return { code: e.exitCode, message: e.message };
  if (isAppError(e) && e.status < 500) return { code: 2, message: e.detail };
  if (e instanceof CommanderError) return { code: e.exitCode === 0 ? 0 : 2, message: '' };
  return { code: 1, message: `falha inesperada: ${(e as Error).message}` };
}

/**
 * Runs `supervision <args>` in-process (tests, and the standalone entry below): returns the exit
 * code instead of exiting.
 */
export async function runSupervisionCli(args: string[], io: CliIo = defaultIo): Promise<number> {
  const program = new Command('previdencia').exitOverride();
  program.configureOutput({ writeOut: io.out, writeErr: io.err });
  registerSupervisionCli(program, io);
  for (const c of program.commands) {
    c.exitOverride();
    for (const s of c.commands) s.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  }
  try {
    await program.parseAsync(['node', 'previdencia', 'supervision', ...args]);
    return 0;
  } catch (e) {
    const { code, message } = exitCodeOf(e);
    if (message) io.err(`erro: ${message}\n`);
    return code;
  }
}
