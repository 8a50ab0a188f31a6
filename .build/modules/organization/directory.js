import { asc } from "drizzle-orm";
import { notFound } from "../../platform/errors.js";
import { isInSubtree, lineage } from "./domain/units.js";
import { orgUnits } from "./schema.js";
const TTL_MS = 6e4;
const caches = /* @__PURE__ */ new WeakMap();
async function unitDirectory(deps) {
  const cached = caches.get(deps.db);
  if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached;
  const all = await deps.db.orm.select().from(orgUnits).orderBy(asc(orgUnits.path));
  const dir = { loadedAt: Date.now(), byId: new Map(all.map((u) => [u.id, u])), all };
  caches.set(deps.db, dir);
  return dir;
}
function invalidateUnitDirectory(deps) {
  caches.delete(deps.db);
}
async function findUnit(deps, id) {
  return (await unitDirectory(deps)).byId.get(id);
}
async function getUnit(deps, id) {
  const u = await findUnit(deps, id);
  if (!u) throw notFound("Unidade");
  return u;
}
async function subtreeUnitIds(deps, unitId) {
  const dir = await unitDirectory(deps);
  const root = dir.byId.get(unitId);
  if (!root) return [];
  return dir.all.filter((u) => isInSubtree(u.path, root.path)).map((u) => u.id);
}
async function actorUnitScope(deps, actor) {
  if (actor.role === "admin" || actor.via === "system") return null;
  if (actor.role === "citizen" || actor.role === "partner") return [];
  if (!actor.unitId) return actor.role === "integration" ? null : [];
  const unit = await findUnit(deps, actor.unitId);
  if (!unit) return [];
  if (unit.kind === "national") return null;
  return subtreeUnitIds(deps, unit.id);
}
async function isUnitVisibleTo(deps, actor, unitId) {
  const scope = await actorUnitScope(deps, actor);
  return scope === null || scope.includes(unitId);
}
async function unitLineage(deps, unitId) {
  const dir = await unitDirectory(deps);
  const unit = dir.byId.get(unitId);
  if (!unit) throw notFound("Unidade");
  const { srId, gexId } = lineage(unit.path, (id) => dir.byId.get(id)?.kind);
  return {
    unit,
    sr: srId ? dir.byId.get(srId) ?? null : null,
    gex: gexId ? dir.byId.get(gexId) ?? null : null
  };
}
export {
  actorUnitScope,
  findUnit,
  getUnit,
  invalidateUnitDirectory,
  isUnitVisibleTo,
  subtreeUnitIds,
  unitDirectory,
  unitLineage
};
