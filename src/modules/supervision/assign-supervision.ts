import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { actionNotAllowed, notFound, unprocessable } from '../../platform/errors';
import { supSupervisions } from './schema';
import type { StaffDirectory } from './staff-directory';
import { unitScope } from './store';

/**
 * (Re)assigns a pending supervision within the SR's supervisor team (art. 6; art. 7 §3) — when the
 * team changes or nobody could be assigned at sampling time. Never to the server who concluded the
 * request.
 */
export async function assignSupervision(
  deps: Deps,
  ctx: Ctx,
  staff: StaffDirectory,
  input: { id: string; supervisorId: string },
) {
  const scope = await unitScope(deps, ctx);
  const [s0] = await deps.db.orm.select().from(supSupervisions).where(eq(supSupervisions.id, input.id));
  if (!s0 || (scope !== null && !scope.includes(s0.unitId))) throw notFound('Supervisão');
  const team = await staff.supervisorTeamOf(s0.unitId);
  if (!team.includes(input.supervisorId)) {
    throw unprocessable('O supervisor não integra a equipe de supervisão da SR (art. 7º, §3º).', [
      { field: 'supervisorId', message: 'fora da equipe da SR' },
    ]);
  }
  if (input.supervisorId === s0.serverId) {
    throw unprocessable('O servidor que concluiu a tarefa não pode supervisioná-la.', [
      { field: 'supervisorId', message: 'autor da tarefa' },
    ]);
  }
  return deps.db.tx(async (tx) => {
    const [s] = await tx.select().from(supSupervisions).where(eq(supSupervisions.id, input.id)).for('update');
    if (!s) throw notFound('Supervisão');
    if (s.status !== 'pending') throw actionNotAllowed('designar', s.status, []);
    await tx
      .update(supSupervisions)
      .set({ assignedTo: input.supervisorId })
      .where(eq(supSupervisions.id, s.id));
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'supervision',
      resourceId: s.id,
      details: { assignedTo: input.supervisorId, previous: s.assignedTo },
    });
    return { id: s.id, assignedTo: input.supervisorId };
  });
}
