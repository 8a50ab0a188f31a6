import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { supChecklists } from './schema';
import { currentChecklist } from './store';

/** Checklist configuration (art. 5 §§1–2): each update stores a new version; old supervisions keep their answers. */
export const Criterion = z.object({
  code: z.string().regex(/^[A-Z]\d{2,3}$/, 'código como F01 ou M12'),
  kind: z.enum(['material', 'formal']),
  label: z.string().min(3).max(300),
});
export const ChecklistInput = z.object({
  source: z.string().min(3).max(500),
  common: z.array(Criterion).min(1),
  groups: z.array(
    z.object({
      group: z.string().min(1),
      species: z.array(z.string().min(1)).min(1),
      criteria: z.array(Criterion),
    }),
  ),
});

export async function getChecklist(deps: Deps) {
  return currentChecklist(deps.db.orm);
}

export async function updateChecklist(deps: Deps, ctx: Ctx, input: z.infer<typeof ChecklistInput>) {
  return deps.db.tx(async (tx) => {
    const [{ v }] = (await tx
      .select({ v: sql<number>`coalesce(max(${supChecklists.version}), 1)::int` })
      .from(supChecklists)) as [{ v: number }];
    const version = v + 1;
    const config = { version, ...input };
    await tx.insert(supChecklists).values({ version, config, createdBy: ctx.actor.accountId });
    await deps.audit.record(tx, ctx, {
      action: 'update',
      resourceType: 'supervision_checklist',
      resourceId: String(version),
    });
    return config;
  });
}
