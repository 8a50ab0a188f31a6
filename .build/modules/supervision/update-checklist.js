import { sql } from "drizzle-orm";
import { z } from "zod";
import { supChecklists } from "./schema.js";
import { currentChecklist } from "./store.js";
const Criterion = z.object({
  code: z.string().regex(/^[A-Z]\d{2,3}$/, "c\xF3digo como F01 ou M12"),
  kind: z.enum(["material", "formal"]),
  label: z.string().min(3).max(300)
});
const ChecklistInput = z.object({
  source: z.string().min(3).max(500),
  common: z.array(Criterion).min(1),
  groups: z.array(
    z.object({
      group: z.string().min(1),
      species: z.array(z.string().min(1)).min(1),
      criteria: z.array(Criterion)
    })
  )
});
async function getChecklist(deps) {
  return currentChecklist(deps.db.orm);
}
async function updateChecklist(deps, ctx, input) {
  return deps.db.tx(async (tx) => {
    const [{ v }] = await tx.select({ v: sql`coalesce(max(${supChecklists.version}), 1)::int` }).from(supChecklists);
    const version = v + 1;
    const config = { version, ...input };
    await tx.insert(supChecklists).values({ version, config, createdBy: ctx.actor.accountId });
    await deps.audit.record(tx, ctx, {
      action: "update",
      resourceType: "supervision_checklist",
      resourceId: String(version)
    });
    return config;
  });
}
export {
  ChecklistInput,
  Criterion,
  getChecklist,
  updateChecklist
};
