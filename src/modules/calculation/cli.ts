import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../../cli/errors';
import { SYSTEM_ACTOR } from '../../platform/auth/roles';
import { loadConfig } from '../../platform/config/config';
import { AppError } from '../../platform/errors';
import type { CliContext } from '../../platform/module';
import { addParameter, listParameters } from './add-parameter';
import { calculateArrears } from './calculate-arrears';
import { calculateRmi, loadParameterTables, type ParameterTables } from './calculate-rmi';
import { renderPdf, renderText } from './memoria';
import { parameterCoverage } from './parameter-coverage';
import type { ParameterKind } from './schema';

/**
 * `previdencia calc …`: the same use cases as the API. `calc rmi` and `calc arrears` read JSON
 * from a file or stdin ("-") and print JSON (or the memória as text/PDF); they use the shipped
 * tables plus the values managers added in the database (see `tablesFor`). Bad input → pt-BR
 * message naming the field on stderr, exit code 2.
 */
export interface CalcIo {
  readInput(path: string): string;
  write(text: string | Buffer, out?: string): void;
}

const defaultIo: CalcIo = {
  readInput(path) {
    try {
      return readFileSync(path === '-' ? 0 : path, 'utf8');
    } catch (e) {
      throw new CliError(
        `não foi possível ler a entrada "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  },
  write(text, out) {
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  },
};

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`a entrada "${path}" não é um JSON válido: ${(e as Error).message}`);
  }
}

/**
 * The shipped tables plus the values managers added. With DATABASE_URL (a real PostgreSQL) the
 * overlay is always read. The embedded PGlite is opened only with --banco: two processes must not
 * open the same embedded database (a running `previdencia serve` would be corrupted), and a
 * calculation should not create a database just to read the shipped tables.
 */
async function tablesFor(
  ctx: CliContext,
  o: { somenteArquivos?: boolean; banco?: boolean },
): Promise<ParameterTables> {
  if (o.somenteArquivos) return loadParameterTables();
  const config = loadConfig();
  if (config.DATABASE_URL || o.banco) return loadParameterTables(await ctx.deps());
  return loadParameterTables();
}

/** Adds a hint when a missing parameter may be in the embedded database the command did not open. */
function withHint<T>(fn: () => T, o: { banco?: boolean }): T {
  try {
    return fn();
  } catch (e) {
    const config = loadConfig();
    if (
      e instanceof AppError &&
      !config.DATABASE_URL &&
      !o.banco &&
      existsSync(config.pgliteDir) &&
      /não cadastrad/.test(e.detail)
    ) {
      throw new AppError(
        e.code,
        `${e.detail} Se o valor foi cadastrado com "calc params add" no banco embarcado, repita com --banco (com o servidor parado).`,
        { errors: e.errors },
      );
    }
    throw e;
  }
}

const KINDS: Record<string, ParameterKind> = {
  'monthly-index': 'monthly_index',
  'minimum-wage': 'minimum_wage',
  teto: 'teto',
  readjustment: 'readjustment',
};

export function calculationCli(program: Command, ctx: CliContext, io: CalcIo = defaultIo): void {
  const calc = program
    .command('calc')
    .description('Cálculo de benefícios (RMI, atrasados, parâmetros legais)');

  calc
    .command('rmi')
    .description(
      'Calcula a RMI a partir de um JSON (contrato em src/modules/calculation/README.md) e imprime o resultado',
    )
    .requiredOption('--input <arquivo>', 'arquivo JSON de entrada, ou "-" para a entrada padrão')
    .option('--format <formato>', 'json (padrão), text ou pdf (memória de cálculo)', 'json')
    .option('--out <arquivo>', 'grava a saída no arquivo (obrigatório para pdf)')
    .option('--somente-arquivos', 'usa só as tabelas oficiais de data/reference, sem abrir o banco')
    .option(
      '--banco',
      'lê também os parâmetros cadastrados no banco embarcado (PGlite; com o servidor parado)',
    )
    .action(
      async (o: {
        input: string;
        format: string;
        out?: string;
        somenteArquivos?: boolean;
        banco?: boolean;
      }) => {
        if (!['json', 'text', 'pdf'].includes(o.format))
          throw new CliError(`formato inválido: "${o.format}" (use json, text ou pdf)`);
        if (o.format === 'pdf' && !o.out) throw new CliError('o formato pdf exige --out <arquivo>');
        const body = parseJson(io.readInput(o.input), o.input);
        const tables = await tablesFor(ctx, o);
        const result = withHint(() => calculateRmi(body as never, tables), o);
        if (o.format === 'json') io.write(`${JSON.stringify(result, null, 2)}\n`, o.out);
        else if (o.format === 'text') io.write(renderText(result), o.out);
        else io.write(await renderPdf(result), o.out);
        if (o.out) process.stderr.write(`memória gravada em ${o.out}\n`);
      },
    );

  calc
    .command('arrears')
    .description(
      'Corrige parcelas pagas em atraso: {"payment_month": "AAAA-MM", "installments": [{"month", "amount"}]}',
    )
    .requiredOption('--input <arquivo>', 'arquivo JSON de entrada, ou "-" para a entrada padrão')
    .option('--somente-arquivos', 'usa só as tabelas oficiais de data/reference, sem abrir o banco')
    .option(
      '--banco',
      'lê também os parâmetros cadastrados no banco embarcado (PGlite; com o servidor parado)',
    )
    .action(async (o: { input: string; somenteArquivos?: boolean; banco?: boolean }) => {
      const body = parseJson(io.readInput(o.input), o.input);
      const tables = await tablesFor(ctx, o);
      io.write(
        `${JSON.stringify(
          withHint(() => calculateArrears(body, tables), o),
          null,
          2,
        )}\n`,
      );
    });

  const params = calc
    .command('params')
    .description('Tabelas de parâmetros legais (índices, salário mínimo, teto, reajustes)');
  params
    .command('list')
    .description('Mostra a cobertura das tabelas e os valores cadastrados')
    .action(async () => {
      const deps = await ctx.deps();
      const coverage = parameterCoverage(await loadParameterTables(deps));
      io.write(`${JSON.stringify({ coverage, added: await listParameters(deps) }, null, 2)}\n`);
    });
  params
    .command('add')
    .description(
      'Cadastra um parâmetro publicado no DOU (auditado): índice mensal, salário mínimo, teto ou reajuste',
    )
    .requiredOption('--kind <tipo>', 'monthly-index, minimum-wage, teto ou readjustment')
    .requiredOption('--competence <AAAA-MM>', 'competência do índice ou início da vigência')
    .requiredOption('--value <valor>', 'fator (1.001000), reais (1621.00) ou percentual (3.90)')
    .requiredOption('--act <ato>', 'ato legal, por exemplo "Portaria MPS 904/2023"')
    .option('--valid-to <AAAA-MM>', 'fim da vigência (salário mínimo e teto; padrão: dezembro do ano)')
    .option('--index <índice>', 'índice legal do mês: INPC (padrão), IGP-DI ou IPC-r')
    .option('--minimum-wage-pct <percentual>', 'reajuste do salário mínimo no ano (readjustment)')
    .action(
      async (o: {
        kind: string;
        competence: string;
        value: string;
        act: string;
        validTo?: string;
        index?: string;
        minimumWagePct?: string;
      }) => {
        const kind = KINDS[o.kind];
        if (!kind) throw new CliError(`tipo inválido: "${o.kind}" (use ${Object.keys(KINDS).join(', ')})`);
        const deps = await ctx.deps();
        const r = await addParameter(
          deps,
          { actor: SYSTEM_ACTOR, requestId: 'cli' },
          {
            kind,
            competence: o.competence,
            value: o.value,
            validTo: o.validTo ?? null,
            detail:
              kind === 'monthly_index'
                ? (o.index ?? null)
                : kind === 'readjustment'
                  ? (o.minimumWagePct ?? null)
                  : null,
            legalAct: o.act,
          },
        );
        io.write(`${JSON.stringify({ ...r.parameter, created: r.created })}\n`);
      },
    );
}
