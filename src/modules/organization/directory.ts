import { asc } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { isInSubtree, lineage } from './domain/units';
import { orgUnits, type UnitRow } from './schema';

/**
 * The unit tree is small (a few thousand rows nationally) and read on almost every request for
 * scoping, so it is cached in memory. Writes through this module invalidate it; other instances
 * pick changes up within TTL_MS.
 */
const TTL_MS = 60_000;

interface Directory {
  loadedAt: number;
  byId: Map<string, UnitRow>;
  all: UnitRow[];
}

const caches = new WeakMap<object, Directory>();

export async function unitDirectory(deps: Pick<Deps, 'db'>): Promise<Directory> {
  const cached = caches.get(deps.db);
  if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached;
  const all = await deps.db.orm.select().from(orgUnits).orderBy(asc(orgUnits.path));
  const dir = { loadedAt: Date.now(), byId: new Map(all.map((u) => [u.id, u])), all };
  caches.set(deps.db, dir);
  return dir;
}

export function invalidateUnitDirectory(deps: Pick<Deps, 'db'>) {
  caches.delete(deps.db);
}

export async function findUnit(deps: Pick<Deps, 'db'>, id: string): Promise<UnitRow | undefined> {
  return (await unitDirectory(deps)).byId.get(id);
}

export async function getUnit(deps: Pick<Deps, 'db'>, id: string): Promise<UnitRow> {
  const u = await findUnit(deps, id);
  if (!u) throw notFound('Unidade');
  return u;
}

/** Ids of the unit and every unit below it. */
export async function subtreeUnitIds(deps: Pick<Deps, 'db'>, unitId: string): Promise<string[]> {
  const dir = await unitDirectory(deps);
  const root = dir.byId.get(unitId);
  if (!root) return [];
  return dir.all.filter((u) => isInSubtree(u.path, root.path)).map((u) => u.id);
}

/**
 * What units an actor may see: null = no restriction (administrators and national-scope staff);
 * otherwise the ids of their unit's subtree. Citizens and partners are scoped by other keys
 * (CPF, partner entity) and get an empty list here.
 */
export async function actorUnitScope(deps: Pick<Deps, 'db'>, actor: Actor): Promise<string[] | null> {
  if (actor.role === 'admin' || actor.via === 'system') return null;
  if (actor.role === 'citizen' || actor.role === 'partner') return [];
  if (!actor.unitId) return actor.role === 'integration' ? null : [];
  const unit = await findUnit(deps, actor.unitId);
  if (!unit) return [];
  if (unit.kind === 'national') return null;
  return subtreeUnitIds(deps, unit.id);
}

export async function isUnitVisibleTo(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  unitId: string,
): Promise<boolean> {
  const scope = await actorUnitScope(deps, actor);
  return scope === null || scope.includes(unitId);
}

export interface UnitLineage {
  unit: UnitRow;
  sr: UnitRow | null;
  gex: UnitRow | null;
}

/** The SR and GEX above a unit (used to label tasks by SR/GEX for supervision and dashboards). */
export async function unitLineage(deps: Pick<Deps, 'db'>, unitId: string): Promise<UnitLineage> {
  const dir = await unitDirectory(deps);
  const unit = dir.byId.get(unitId);
  if (!unit) throw notFound('Unidade');
  const { srId, gexId } = lineage(unit.path, (id) => dir.byId.get(id)?.kind);
  return {
    unit,
    sr: srId ? (dir.byId.get(srId) ?? null) : null,
    gex: gexId ? (dir.byId.get(gexId) ?? null) : null,
  };
}
