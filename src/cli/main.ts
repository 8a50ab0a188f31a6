import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help } from 'commander';
import { createAccount } from '../modules/identity/accounts';
import { createApiToken } from '../modules/identity/api-tokens';
import { modules } from '../modules/registry';
import { ROLES, SYSTEM_ACTOR } from '../platform/auth/roles';
import { migrateAll, openDeps, seedDemo } from '../platform/bootstrap';
import { loadConfig } from '../platform/config/config';
import type { Deps } from '../platform/deps';
import { AppError } from '../platform/errors';
import { prepareJobs } from '../platform/jobs/jobs';
import type { CliContext } from '../platform/module';
import { dispatchOnce } from '../platform/outbox/outbox';
import { startPlatform } from '../platform/server';
import { CliError } from './errors';
import { progressBar } from './progress';

const TITLES: Record<string, string> = {
  'Usage:': 'Uso:',
  'Options:': 'Opções:',
  'Commands:': 'Comandos:',
  'Arguments:': 'Argumentos:',
  'Global Options:': 'Opções globais:',
};

function translateCommanderError(msg: string): string {
  return msg
    .replace(/^error: unknown option '(.+)'.*$/m, "erro: opção desconhecida '$1'")
    .replace(/^error: unknown command '(.+)'.*$/m, "erro: comando desconhecido '$1'")
    .replace(/^error: missing required argument '(.+)'$/m, "erro: falta o argumento obrigatório '$1'")
    .replace(
      /^error: required option '(.+)' not specified$/m,
      "erro: a opção obrigatória '$1' não foi informada",
    )
    .replace(/^error: option '(.+)' argument missing$/m, "erro: falta o valor da opção '$1'")
    .replace(/^error: too many arguments.*$/m, 'erro: argumentos demais')
    .replace(/^error: /m, 'erro: ');
}

const jobsOf = (ms: typeof modules) => ms.flatMap((m) => m.jobs ?? []);

/**
 * Delivers the events the demo wrote (what a server's outbox worker would do on its first
 * seconds), so the demo is complete — supervision frames fed, revision tasks opened — when this
 * command ends, and a server started on it begins idle.
 */
async function drainOutbox(d: Deps) {
  const consumers = modules.flatMap((m) => m.consumers ?? []);
  const pending = Number(
    (await d.db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL')).rows[0].n,
  );
  const bar = progressBar('Entregando os eventos da demonstração', pending);
  try {
    for (;;) {
      const r = await dispatchOnce(d, consumers, 500);
      bar.increment(r.claimed);
      if (r.claimed === 0) break;
    }
  } finally {
    bar.stop();
  }
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

export function buildProgram(): { program: Command; close: () => Promise<void> } {
  let depsPromise: Promise<Deps> | undefined;
  const config = () => loadConfig();
  const ctx: CliContext = {
    deps() {
      depsPromise ??= (async () => {
        const d = await openDeps({
          ...config(),
          LOG_LEVEL: process.env.LOG_LEVEL ? config().LOG_LEVEL : 'warn',
        });
        await migrateAll(d, modules, progressBar);
        return d;
      })();
      return depsPromise;
    },
    progress: progressBar,
  };
  const program = new Command('previdencia')
    .description('Previdência Digital — plataforma de atendimento previdenciário (linha de comando)')
    .helpOption('-h, --help', 'mostra esta ajuda')
    .helpCommand('help [comando]', 'mostra a ajuda de um comando')
    .configureHelp({
      styleTitle: (t) => TITLES[t] ?? t,
      showGlobalOptions: true,
      formatHelp: (cmd, helper) =>
        Help.prototype.formatHelp
          .call(helper, cmd, helper)
          // "[opções]" is one character shorter: pad it where it sits in a column.
          .replace(/\[options\](?= {2})/g, '[opções] ')
          .replaceAll('[options]', '[opções]')
          .replaceAll('[command]', '[comando]'),
    })
    .showHelpAfterError('(use --help para ver as opções)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(translateCommanderError(s)) });
  program.version('0.1.0', '-V, --version', 'mostra a versão');

  program
    .command('serve')
    .description(
      'Inicia a plataforma (API, documentação e workers); aplica migrações e carrega a demonstração na primeira vez',
    )
    .action(async () => {
      const running = await startPlatform(config(), modules, {
        progress: progressBar,
        print: (l) => process.stdout.write(`${l}\n`),
      });
      const shutdown = async (sig: string) => {
        process.stdout.write(`\n${sig}: encerrando…\n`);
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await new Promise(() => {});
    });

  const db = program.command('db').description('Banco de dados');
  db.command('migrate')
    .description('Aplica as migrações pendentes de todos os módulos')
    .action(async () => {
      const d = await ctx.deps();
      await prepareJobs(d, jobsOf(modules));
      const r = await d.db.pool.query('SELECT count(*)::int AS n FROM platform_migrations');
      process.stdout.write(`Migrações aplicadas: ${r.rows[0].n} (nenhuma pendente).\n`);
    });

  program
    .command('demo')
    .description('Dados de demonstração')
    .command('seed')
    .description('Carrega os dados de demonstração (determinísticos) se ainda não foram carregados')
    .action(async () => {
      const d = await ctx.deps();
      await prepareJobs(d, jobsOf(modules));
      const notes: string[] = [];
      const done = await seedDemo(d, modules, { progress: progressBar, note: (t) => notes.push(t) });
      if (done) await drainOutbox(d);
      process.stdout.write(
        done ? 'Dados de demonstração carregados.\n' : 'Os dados de demonstração já estavam carregados.\n',
      );
      for (const n of notes) process.stdout.write(`${n}\n`);
    });

  const users = program.command('users').description('Contas de acesso');
  users
    .command('create')
    .description(
      'Cria uma conta; a senha é lida da entrada padrão (echo "senha" | previdencia users create ...)',
    )
    .requiredOption('--login <login>', 'login, ou o CPF para cidadãos')
    .requiredOption('--name <nome>', 'nome completo')
    .requiredOption('--role <papel>', `papel: ${ROLES.join(', ')}`)
    .option('--unit <unidade>', 'unidade de lotação (servidores e gestores)')
    .option('--partner-entity <id>', 'entidade parceira (representantes ACT)')
    .action(
      async (o: { login: string; name: string; role: string; unit?: string; partnerEntity?: string }) => {
        if (!(ROLES as readonly string[]).includes(o.role))
          throw new CliError(`papel inválido: "${o.role}". Use um de: ${ROLES.join(', ')}.`);
        const password = o.role === 'integration' ? null : readStdin().replace(/\r?\n$/, '');
        const d = await ctx.deps();
        const a = await createAccount(
          d,
          { actor: SYSTEM_ACTOR, requestId: 'cli' },
          {
            login: o.login,
            name: o.name,
            role: o.role as (typeof ROLES)[number],
            unitId: o.unit ?? null,
            partnerEntityId: o.partnerEntity ?? null,
            password,
          },
        );
        process.stdout.write(
          `${JSON.stringify({ id: a.id, login: a.login, role: a.role, unitId: a.unitId })}\n`,
        );
      },
    );

  program
    .command('tokens')
    .description('Tokens de integração')
    .command('create')
    .description('Emite um token de API para uma conta de integração (mostrado uma única vez)')
    .requiredOption('--account <id>', 'id da conta de integração')
    .requiredOption('--name <nome>', 'finalidade do token')
    .option('--expires-in-days <dias>', 'validade em dias', (v) => Number.parseInt(v, 10))
    .action(async (o: { account: string; name: string; expiresInDays?: number }) => {
      const d = await ctx.deps();
      const t = await createApiToken(
        d,
        { actor: SYSTEM_ACTOR, requestId: 'cli' },
        { accountId: o.account, name: o.name, expiresInDays: o.expiresInDays ?? null },
      );
      process.stdout.write(`${JSON.stringify(t)}\n`);
    });

  for (const m of modules) m.cli?.(program, ctx);
  return {
    program,
    close: async () => {
      if (depsPromise) await (await depsPromise).db.close();
    },
  };
}

export async function runCli(argv: string[]): Promise<number> {
  const { program, close } = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`erro: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof AppError) {
      const fields = e.errors?.map((f) => `\n  - ${f.field}: ${f.message}`).join('') ?? '';
      process.stderr.write(`erro: ${e.detail}${fields}\n`);
      return e.status >= 500 ? 1 : 2;
    }
    process.stderr.write(`erro: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await close();
  }
}
