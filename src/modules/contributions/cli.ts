import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../../cli/errors';
import { SYSTEM_ACTOR } from '../../platform/auth/roles';
import type { CliContext } from '../../platform/module';
import { importCnisExtract, readCnisExtract } from './import-cnis';
import { importContributions } from './import-contributions';
import { fileSource, type ImportFormat } from './import-sources';

const ctxCli = () => ({ actor: SYSTEM_ACTOR, requestId: `cli-${randomUUID()}` });

function requireFile(path: string) {
  if (!existsSync(path)) throw new CliError(`arquivo não encontrado: ${path}`);
}

export function contributionsCli(program: Command, ctx: CliContext) {
  const cmd = program.command('contributions').description('Cadastro de contribuições (CNIS)');

  cmd
    .command('import')
    .description(
      'Importa pessoas, vínculos, remunerações e benefícios de um arquivo CSV ou JSON (tudo ou nada)',
    )
    .argument('<arquivo>', 'arquivo CSV ou JSON (formatos em src/modules/contributions/README.md)')
    .option('--format <formato>', 'csv ou json (padrão: pela extensão do arquivo)')
    .action(async (file: string, o: { format?: string }) => {
      requireFile(file);
      const format = (o.format ?? extname(file).slice(1).toLowerCase()) as ImportFormat;
      if (format !== 'csv' && format !== 'json')
        throw new CliError(
          `formato inválido "${o.format ?? extname(file)}": use --format csv ou --format json`,
        );
      const deps = await ctx.deps();
      const summary = await importContributions(deps, ctxCli(), fileSource(file, format), {
        progress: ctx.progress,
      });
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    });

  cmd
    .command('import-cnis')
    .description(
      'Importa o Extrato Previdenciário do CNIS (texto extraído .txt ou o próprio .pdf) e imprime um resumo em JSON',
    )
    .argument('<arquivo>', 'extrato .txt ou .pdf')
    .option('--dry-run', 'só lê e resume, não grava nada')
    .option('--cpf <cpf>', 'CPF esperado: recusa o extrato se for de outra pessoa')
    .option('--sexo <M|F>', 'sexo da pessoa, se ainda não cadastrada (o extrato não informa)')
    .action(async (file: string, o: { dryRun?: boolean; cpf?: string; sexo?: string }) => {
      requireFile(file);
      const data = readFileSync(file);
      const isPdf = data.subarray(0, 4).toString('latin1') === '%PDF';
      if (!isPdf && extname(file).toLowerCase() === '.pdf')
        throw new CliError(`o arquivo ${file} não é um PDF válido`);
      const sex = o.sexo?.toUpperCase();
      if (sex !== undefined && sex !== 'M' && sex !== 'F') throw new CliError('--sexo deve ser M ou F');
      const input = isPdf ? { pdf: data } : { text: data.toString('utf8') };
      const opts = {
        dryRun: Boolean(o.dryRun),
        ...(o.cpf ? { expectedCpf: o.cpf.replace(/\D/g, '') } : {}),
        ...(sex ? { sex: sex as 'M' | 'F' } : {}),
      };
      // A dry run only reads the file: no database needed.
      const summary = opts.dryRun
        ? (await readCnisExtract(input, opts)).summary
        : await importCnisExtract(await ctx.deps(), ctxCli(), input, opts);
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    });
}
