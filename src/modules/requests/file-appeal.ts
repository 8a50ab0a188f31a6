import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { LocalDate } from '../../platform/values/dates';
import { uuidv7 } from '../../platform/values/ids';
import { assertVisible, scopeOf } from './access';
import { APPEAL_TERM_DAYS } from './domain/exigencia';
import { appendAction, findRequest, one, today } from './store';

export const fileAppealInput = z.object({
  grounds: z.string().min(10).max(10_000).describe('Razões do recurso'),
});

/**
 * Appeal against a denial to the Conselho de Recursos da Previdência Social (Decreto 3.048/1999,
 * arts. 303 and 305: 30-day term from the notice). A late appeal is still recorded — the board
 * judges timeliness — and flagged.
 */
export async function fileAppeal(
  deps: Deps,
  ctx: Ctx,
  requestId: string,
  raw: z.input<typeof fileAppealInput>,
) {
  const input = fileAppealInput.parse(raw);
  const on = today(deps);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    await appendAction(tx, deps, ctx, req, 'FILE_APPEAL');
    const decision = await one<{ id: string; decided_on: string }>(
      tx,
      sql`SELECT id, decided_on FROM req_decisions WHERE request_id = ${req.id} AND outcome = 'denied' ORDER BY created_at DESC LIMIT 1`,
    );
    const id = uuidv7();
    const isTimely = decision ? LocalDate.daysBetween(decision.decided_on, on) <= APPEAL_TERM_DAYS : false;
    await tx.execute(sql`
      INSERT INTO req_appeals (id, request_id, decision_id, filed_on, filed_by_account_id, grounds, status)
      VALUES (${id}, ${req.id}, ${decision?.id ?? null}, ${on}, ${ctx.actor.accountId}, ${input.grounds}, 'filed')`);
    await deps.audit.record(tx, ctx, {
      action: 'create',
      resourceType: 'appeal',
      resourceId: id,
      details: { requestId: req.id },
    });
    await deps.outbox.publish(tx, {
      type: 'appeal.filed',
      aggregateType: 'request',
      aggregateId: req.id,
      payload: {
        appealId: id,
        requestId: req.id,
        protocol: req.protocol,
        decisionId: decision?.id ?? null,
        filedOn: on,
        isTimely,
      },
    });
    return { id, requestId: req.id, filedOn: on, isTimely, status: 'filed' as const };
  });
}
