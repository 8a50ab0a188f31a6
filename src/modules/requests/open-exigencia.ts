import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/values/ids';
import { assertVisible, scopeOf } from './access';
import { clockState } from './domain/deadline';
import { DEFAULT_EXIGENCIA_DAYS, exigenciaDueDate, MAX_EXIGENCIA_DAYS } from './domain/exigencia';
import { DOCUMENT_CATEGORIES } from './domain/files';
import {
  appendAction,
  appendClockEvent,
  assertHolder,
  findRequest,
  loadClock,
  putTaskOnHold,
  today,
} from './store';

export const openExigenciaInput = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(['document', 'information']),
        category: z.enum(DOCUMENT_CATEGORIES).optional(),
        description: z.string().min(3).max(500),
      }),
    )
    .min(1)
    .max(20),
  days: z
    .number()
    .int()
    .min(DEFAULT_EXIGENCIA_DAYS)
    .max(MAX_EXIGENCIA_DAYS)
    .default(DEFAULT_EXIGENCIA_DAYS)
    .describe('Prazo em dias: 30 (Portaria DIRBEN/INSS 993/2022, art. 75) ou mais, até 90'),
  expectedVersion: z.number().int().optional(),
});

/**
 * Opens an exigência (Lei 9.784/1999, art. 39): lists what the requester must bring, sets the term
 * (30 days, Portaria DIRBEN/INSS 993/2022, art. 75; longer if the analyst gives more) and suspends
 * the legal clock while the requester is the one who must act.
 */
export async function openExigencia(
  deps: Deps,
  ctx: Ctx,
  requestId: string,
  raw: z.input<typeof openExigenciaInput>,
) {
  const input = openExigenciaInput.parse(raw);
  const on = today(deps);
  const dueDate = exigenciaDueDate(on, input.days);
  const scope = await scopeOf(deps, ctx.actor);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, requestId, true));
    assertHolder(ctx, req);
    await appendAction(tx, deps, ctx, req, 'OPEN_EXIGENCIA', {
      details: { dueDate },
      expectedVersion: input.expectedVersion,
    });
    const id = uuidv7();
    const task = await tx.execute(
      sql`SELECT id FROM req_tasks WHERE request_id = ${req.id} AND kind = 'analysis' AND status IN ('open','assigned','waiting') LIMIT 1`,
    );
    await tx.execute(sql`
      INSERT INTO req_exigencias (id, request_id, task_id, items, opened_on, due_date, status, opened_by_staff_id)
      VALUES (${id}, ${req.id}, ${(task.rows[0] as { id: string } | undefined)?.id ?? null}, ${JSON.stringify(input.items)}::jsonb,
              ${on}, ${dueDate}, 'open', ${ctx.actor.staffId})`);
    if (clockState(await loadClock(tx, req.id)) === 'running') {
      await appendClockEvent(tx, req.id, 'pause', on, `exigência ${id} aberta`);
    }
    await putTaskOnHold(tx, req.id);
    await deps.audit.record(tx, ctx, {
      action: 'create',
      resourceType: 'exigencia',
      resourceId: id,
      details: { requestId: req.id },
    });
    await deps.outbox.publish(tx, {
      type: 'exigencia.opened',
      aggregateType: 'request',
      aggregateId: req.id,
      payload: {
        exigenciaId: id,
        requestId: req.id,
        protocol: req.protocol,
        openedOn: on,
        dueDate,
        items: input.items,
      },
    });
    return { id, requestId: req.id, openedOn: on, dueDate, items: input.items, status: 'open' as const };
  });
}
