import { asc } from "drizzle-orm";
import { parseScaled } from "./domain/fixed.js";
import { buildTables } from "./domain/tables.js";
import { readReferenceTables } from "./reference-files.js";
import { calcParameterValues } from "./schema.js";
let shipped = null;
const cache = /* @__PURE__ */ new WeakMap();
let filesOnly = null;
function shippedTables() {
  shipped ??= readReferenceTables();
  return shipped;
}
async function loadParameterTables(deps) {
  if (!deps) {
    filesOnly ??= buildTables(shippedTables());
    return filesOnly;
  }
  const r = await deps.db.pool.query(
    "SELECT max(id)::text AS max, count(*)::text AS n FROM calc_parameter_values"
  );
  const key = `${r.rows[0]?.max ?? "0"}:${r.rows[0]?.n ?? "0"}`;
  const hit = cache.get(deps.db);
  if (hit && hit.key === key) return hit.tables;
  const rows = await deps.db.orm.select().from(calcParameterValues).orderBy(asc(calcParameterValues.id));
  const tables = buildTables(overlay(shippedTables(), rows));
  cache.set(deps.db, { key, tables });
  return tables;
}
function invalidateParameterTables(deps) {
  cache.delete(deps.db);
}
function overlay(base, rows) {
  const out = {
    ...base,
    indices: [...base.indices],
    minimumWage: [...base.minimumWage],
    teto: [...base.teto],
    readjustments: [...base.readjustments]
  };
  for (const r of rows) {
    switch (r.kind) {
      case "monthly_index":
        out.indices.push({
          competence: r.competence,
          legalIndex: r.detail ?? "INPC",
          monthlyFactor: parseScaled(r.value, 7),
          accumulated: null,
          act: r.legalAct,
          source: "cadastro"
        });
        break;
      case "minimum_wage":
      case "teto":
        (r.kind === "teto" ? out.teto : out.minimumWage).push({
          from: r.competence,
          to: r.validTo ?? `${r.competence.slice(0, 4)}-12`,
          cents: Number(parseScaled(r.value, 2)),
          act: r.legalAct,
          source: "cadastro"
        });
        break;
      case "readjustment":
        out.readjustments = out.readjustments.filter((x) => x.year !== Number(r.competence.slice(0, 4)));
        out.readjustments.push({
          year: Number(r.competence.slice(0, 4)),
          month: r.competence,
          benefitsPctMilli: Number(parseScaled(r.value, 3)),
          minimumWagePctMilli: r.detail ? Number(parseScaled(r.detail, 3)) : 0,
          act: r.legalAct,
          source: "cadastro"
        });
        break;
    }
  }
  out.version = `${base.version}+cadastro:${rows.length ? rows[rows.length - 1].id : 0}`;
  return out;
}
export {
  invalidateParameterTables,
  loadParameterTables,
  overlay,
  shippedTables
};
