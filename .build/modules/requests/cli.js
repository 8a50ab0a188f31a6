import { CliError } from "../../cli/errors.js";
import { LocalDate } from "../../platform/values/dates.js";
import { grantQueue, setEscalationRule } from "./configure-queues.js";
import { expireExigencias } from "./expire-exigencias.js";
import { flagOverdueTasks } from "./flag-overdue-tasks.js";
import { createAppointmentSlots } from "./list-appointment-slots.js";
function requestsCli(program, ctx) {
  const cmd = program.command("requerimentos").description("Requerimentos, tarefas e prazos legais");
  cmd.command("expirar-exigencias").description("Encerra as exig\xEAncias com prazo vencido e retoma o prazo legal").action(async () => {
    const r = await expireExigencias(await ctx.deps());
    process.stdout.write(`${JSON.stringify(r)}
`);
  });
  cmd.command("sinalizar-atrasos").description("Sinaliza tarefas fora do prazo legal e escalona conforme as regras").action(async () => {
    const r = await flagOverdueTasks(await ctx.deps());
    process.stdout.write(`${JSON.stringify(r)}
`);
  });
  cmd.command("conceder-fila").description("Autoriza um servidor a pegar tarefas de uma fila").requiredOption("--servidor <id>", "id do servidor").requiredOption("--unidade <id>", "unidade da fila").option("--fila <tipo>", "regular | extraordinary | training", "regular").option("--especie <codigo>", "esp\xE9cie (padr\xE3o: todas)", "*").action(async (o) => {
    if (!["regular", "extraordinary", "training"].includes(o.fila))
      throw new CliError("Fila inv\xE1lida: use regular, extraordinary ou training.", 2);
    if (o.especie !== "*" && !/^\d{2}$/.test(o.especie))
      throw new CliError("Esp\xE9cie inv\xE1lida: use o c\xF3digo de 2 d\xEDgitos.", 2);
    await grantQueue(await ctx.deps(), null, {
      staffId: o.servidor,
      unitId: o.unidade,
      queue: o.fila,
      species: o.especie
    });
    process.stdout.write("Fila concedida.\n");
  });
  cmd.command("regra-escalonamento").description("Define para onde e ap\xF3s quantos dias de atraso as tarefas de uma unidade s\xE3o escalonadas").requiredOption("--unidade <id>", 'unidade das tarefas ("*" = regra padr\xE3o)').requiredOption("--destino <id>", "unidade de destino, ou @gex / @sr (a GEX/SR da pr\xF3pria unidade)").requiredOption("--dias <n>", "dias ap\xF3s o vencimento").action(async (o) => {
    const days = Number(o.dias);
    if (!Number.isInteger(days) || days < 0) throw new CliError("N\xFAmero de dias inv\xE1lido.", 2);
    await setEscalationRule(await ctx.deps(), null, {
      unitId: o.unidade,
      target: o.destino,
      daysPastDue: days
    });
    process.stdout.write("Regra de escalonamento gravada.\n");
  });
  cmd.command("abrir-vagas").description("Abre vagas de per\xEDcia m\xE9dica ou avalia\xE7\xE3o social numa ag\xEAncia").requiredOption("--unidade <id>", "ag\xEAncia").requiredOption("--tipo <tipo>", "medical_exam | social_evaluation").requiredOption("--de <data>", "AAAA-MM-DD").requiredOption("--ate <data>", "AAAA-MM-DD").option("--horarios <lista>", "hor\xE1rios separados por v\xEDrgula", "08:00,10:00,14:00").option("--capacidade <n>", "vagas por hor\xE1rio", "4").action(
    async (o) => {
      if (o.tipo !== "medical_exam" && o.tipo !== "social_evaluation")
        throw new CliError("Tipo inv\xE1lido: use medical_exam ou social_evaluation.", 2);
      if (!LocalDate.isValid(o.de) || !LocalDate.isValid(o.ate))
        throw new CliError("Data inv\xE1lida: use AAAA-MM-DD.", 2);
      const cap = Number(o.capacidade);
      if (!Number.isInteger(cap) || cap < 1) throw new CliError("Capacidade inv\xE1lida.", 2);
      const n = await createAppointmentSlots(await ctx.deps(), {
        unitId: o.unidade,
        kind: o.tipo,
        from: o.de,
        to: o.ate,
        times: o.horarios.split(","),
        capacity: cap
      });
      process.stdout.write(`${n} hor\xE1rios abertos.
`);
    }
  );
}
export {
  requestsCli
};
