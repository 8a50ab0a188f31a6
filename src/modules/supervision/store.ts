import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Executor } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden } from '../../platform/errors';
import { actorUnitScope } from '../organization/directory';
import checklistDefault from './data/checklist-default.json' with { type: 'json' };
import { pickSupervisor } from './domain/assignment';
import type { ChecklistConfig } from './domain/checklist';
import { compareIds, sha256Hex } from './domain/prng';
import { ORIGIN_LABEL, type Origin } from './domain/types';
import {
  type CycleRow,
  type FrameTaskRow,
  supChecklists,
  supCycles,
  supFrameTasks,
  supSupervisions,
} from './schema';
import type { StaffDirectory } from './staff-directory';

/** Sampling is a Dirben task (art. 7 caput, art. 11, art. 19): national scope only. */
export async function requireNationalScope(deps: Deps, ctx: Ctx): Promise<void> {
  if ((await actorUnitScope(deps, ctx.actor)) !== null) {
    throw forbidden('A seleção das amostras é feita pela Dirben: requer escopo nacional.');
  }
}

/** Units the caller may see (null = all). */
export async function unitScope(deps: Deps, ctx: Ctx): Promise<string[] | null> {
  return actorUnitScope(deps, ctx.actor);
}

/** SHA-256 of the canonical frame: lines "<stratum>,<task_id>\n" sorted (what the sample drew from). */
export function canonicalFrameHash(lines: string[]): string {
  lines.sort(compareIds);
  return sha256Hex(lines.length ? `${lines.join('\n')}\n` : '');
}

export async function loadFrameTasks(exec: Executor, taskIds: string[]): Promise<Map<string, FrameTaskRow>> {
  const out = new Map<string, FrameTaskRow>();
  for (let i = 0; i < taskIds.length; i += 5000) {
    const rows = await exec
      .select()
      .from(supFrameTasks)
      .where(inArray(supFrameTasks.taskId, taskIds.slice(i, i + 5000)));
    for (const r of rows) out.set(r.taskId, r);
  }
  return out;
}

export interface NewCycle {
  kind: CycleRow['kind'];
  label: string;
  seed: string;
  params: Record<string, unknown>;
  frameSha256: string;
  frameSize: number;
  result: Record<string, unknown>;
  dueDate: string;
}

export interface Selection {
  task: FrameTaskRow;
  origin: Origin;
  criterion?: string | null;
}

/**
 * Writes a cycle and its supervisions in one transaction, assigning each within the SR's
 * supervisor team (never the server who concluded the task), audited. A cycle (kind, label) is
 * created once: repeating it is a conflict, so a retried job never draws twice.
 */
export async function createCycle(
  deps: Deps,
  ctx: Ctx,
  tx: Executor,
  teams: ReadonlyMap<string, string[]>,
  cycle: NewCycle,
  selections: Selection[],
  opts: { reuseExisting?: boolean } = {},
): Promise<{ cycle: CycleRow; supervisionIds: string[] }> {
  const id = randomUUID();
  const inserted = await tx
    .insert(supCycles)
    .values({ id, ...cycle, createdBy: ctx.actor.accountId })
    .onConflictDoNothing({ target: [supCycles.kind, supCycles.label] })
    .returning();
  let row = inserted[0];
  if (!row) {
    if (!opts.reuseExisting)
      throw conflict(
        `Já existe o ciclo "${cycle.label}" (${cycle.kind}): a amostra não é sorteada duas vezes.`,
      );
    [row] = await tx
      .select()
      .from(supCycles)
      .where(and(eq(supCycles.kind, cycle.kind), eq(supCycles.label, cycle.label)));
  }
  const c = row!;
  const load = new Map<string, number>();
  const loaded = new Set<string>();
  const values: (typeof supSupervisions.$inferInsert)[] = [];
  for (const s of selections) {
    const team = teams.get(s.task.unitId) ?? [];
    const unknown = team.filter((t) => !loaded.has(t));
    if (unknown.length) {
      const counts = await tx
        .select({ a: supSupervisions.assignedTo, n: sql<number>`count(*)::int` })
        .from(supSupervisions)
        .where(and(inArray(supSupervisions.assignedTo, unknown), eq(supSupervisions.status, 'pending')))
        .groupBy(supSupervisions.assignedTo);
      for (const r of counts) load.set(r.a!, r.n);
      for (const t of unknown) loaded.add(t);
    }
    values.push({
      id: randomUUID(),
      cycleId: c.id,
      cycleLabel: c.label,
      taskId: s.task.taskId,
      requestId: s.task.requestId,
      protocol: s.task.protocol,
      unitId: s.task.unitId,
      srCode: s.task.srCode,
      gexCode: s.task.gexCode,
      serverId: s.task.serverId,
      species: s.task.species,
      serviceCode: s.task.serviceCode,
      system: s.task.system,
      origin: s.origin,
      originLabel: ORIGIN_LABEL[s.origin],
      criterion: s.criterion ?? null,
      assignedTo: pickSupervisor(team, s.task.serverId, load),
      dueDate: c.dueDate,
      status: 'pending',
      nonconformities: [],
    });
  }
  const ids: string[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    const chunk = values.slice(i, i + 1000);
    const r = await tx
      .insert(supSupervisions)
      .values(chunk)
      .onConflictDoNothing({ target: [supSupervisions.cycleId, supSupervisions.taskId] })
      .returning({ id: supSupervisions.id });
    ids.push(...r.map((x) => x.id));
  }
  await deps.audit.record(tx, ctx, {
    action: 'create',
    resourceType: 'supervision_cycle',
    resourceId: c.id,
    details: { kind: c.kind, label: c.label, supervisions: ids.length, frameSha256: c.frameSha256 },
  });
  return { cycle: c, supervisionIds: ids };
}

/**
 * Supervisor teams of the units, resolved through the organization module BEFORE the write
 * transaction opens (its queries run on other connections; PGlite serves one transaction at a time).
 */
export async function resolveTeams(
  staff: StaffDirectory,
  unitIds: Iterable<string>,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const u of new Set(unitIds)) out.set(u, await staff.supervisorTeamOf(u));
  return out;
}

/** The checklist in force: the newest stored version, or the default shipped as data. */
export async function currentChecklist(exec: Executor): Promise<ChecklistConfig & { version: number }> {
  const [row] = await exec.select().from(supChecklists).orderBy(sql`${supChecklists.version} DESC`).limit(1);
  if (row) return row.config as ChecklistConfig & { version: number };
  return checklistDefault as ChecklistConfig & { version: number };
}
