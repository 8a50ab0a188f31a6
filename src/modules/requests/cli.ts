import type { Command } from 'commander';
import { CliError } from '../../cli/errors';
import type { CliContext } from '../../platform/module';
import { LocalDate } from '../../platform/values/dates';
import { grantQueue, type QueueKind, setEscalationRule } from './configure-queues';
import { expireExigencias } from './expire-exigencias';
import { flagOverdueTasks } from './flag-overdue-tasks';
import { createAppointmentSlots } from './list-appointment-slots';

/** `previdencia requerimentos …`: the module's batch jobs and queue administration. */
export function requestsCli(program: Command, ctx: CliContext) {
  const cmd = program.command('requerimentos').description('Requerimentos, tarefas e prazos legais');
  cmd
    .command('expirar-exigencias')
    .description('Encerra as exigências com prazo vencido e retoma o prazo legal')
    .action(async () => {
      const r = await expireExigencias(await ctx.deps());
      process.stdout.write(`${JSON.stringify(r)}\n`);
    });
  cmd
    .command('sinalizar-atrasos')
    .description('Sinaliza tarefas fora do prazo legal e escalona conforme as regras')
    .action(async () => {
      const r = await flagOverdueTasks(await ctx.deps());
      process.stdout.write(`${JSON.stringify(r)}\n`);
    });
  cmd
    .command('conceder-fila')
    .description('Autoriza um servidor a pegar tarefas de uma fila')
    .requiredOption('--servidor <id>', 'id do servidor')
    .requiredOption('--unidade <id>', 'unidade da fila')
    .option('--fila <tipo>', 'regular | extraordinary | training', 'regular')
    .option('--especie <codigo>', 'espécie (padrão: todas)', '*')
    .action(async (o: { servidor: string; unidade: string; fila: string; especie: string }) => {
      if (!['regular', 'extraordinary', 'training'].includes(o.fila))
        throw new CliError('Fila inválida: use regular, extraordinary ou training.', 2);
      if (o.especie !== '*' && !/^\d{2}$/.test(o.especie))
        throw new CliError('Espécie inválida: use o código de 2 dígitos.', 2);
      await grantQueue(await ctx.deps(), null, {
        staffId: o.servidor,
        unitId: o.unidade,
        queue: o.fila as QueueKind,
        species: o.especie,
      });
      process.stdout.write('Fila concedida.\n');
    });
  cmd
    .command('regra-escalonamento')
    .description('Define para onde e após quantos dias de atraso as tarefas de uma unidade são escalonadas')
    .requiredOption('--unidade <id>', 'unidade das tarefas ("*" = regra padrão)')
    .requiredOption('--destino <id>', 'unidade de destino, ou @gex / @sr (a GEX/SR da própria unidade)')
    .requiredOption('--dias <n>', 'dias após o vencimento')
    .action(async (o: { unidade: string; destino: string; dias: string }) => {
      const days = Number(o.dias);
      if (!Number.isInteger(days) || days < 0) throw new CliError('Número de dias inválido.', 2);
      await setEscalationRule(await ctx.deps(), null, {
        unitId: o.unidade,
        target: o.destino,
        daysPastDue: days,
      });
      process.stdout.write('Regra de escalonamento gravada.\n');
    });
  cmd
    .command('abrir-vagas')
    .description('Abre vagas de perícia médica ou avaliação social numa agência')
    .requiredOption('--unidade <id>', 'agência')
    .requiredOption('--tipo <tipo>', 'medical_exam | social_evaluation')
    .requiredOption('--de <data>', 'AAAA-MM-DD')
    .requiredOption('--ate <data>', 'AAAA-MM-DD')
    .option('--horarios <lista>', 'horários separados por vírgula', '08:00,10:00,14:00')
    .option('--capacidade <n>', 'vagas por horário', '4')
    .action(
      async (o: {
        unidade: string;
        tipo: string;
        de: string;
        ate: string;
        horarios: string;
        capacidade: string;
      }) => {
        if (o.tipo !== 'medical_exam' && o.tipo !== 'social_evaluation')
          throw new CliError('Tipo inválido: use medical_exam ou social_evaluation.', 2);
        if (!LocalDate.isValid(o.de) || !LocalDate.isValid(o.ate))
          throw new CliError('Data inválida: use AAAA-MM-DD.', 2);
        const cap = Number(o.capacidade);
        if (!Number.isInteger(cap) || cap < 1) throw new CliError('Capacidade inválida.', 2);
        const n = await createAppointmentSlots(await ctx.deps(), {
          unitId: o.unidade,
          kind: o.tipo,
          from: o.de,
          to: o.ate,
          times: o.horarios.split(','),
          capacity: cap,
        });
        process.stdout.write(`${n} horários abertos.\n`);
      },
    );
}
