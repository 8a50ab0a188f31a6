import { unitLineage } from "../organization/directory.js";
import { listStaff } from "../organization/list-staff.js";
function organizationStaffDirectory(deps) {
  const teams = /* @__PURE__ */ new Map();
  return {
    supervisorTeamOf(unitId) {
      let t = teams.get(unitId);
      if (!t) {
        t = (async () => {
          const l = await unitLineage(deps, unitId).catch(() => null);
          const root = l?.sr?.id ?? l?.gex?.id ?? null;
          if (!root) return [];
          const out = [];
          let cursor;
          for (; ; ) {
            const page = await listStaff(deps, null, {
              unitId: root,
              role: "supervisor",
              active: true,
              limit: 500,
              cursor
            });
            out.push(...page.items.map((s) => s.id));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          return out.sort();
        })();
        teams.set(unitId, t);
      }
      return t;
    },
    async newServers(from) {
      const out = [];
      let cursor;
      for (; ; ) {
        const page = await listStaff(deps, null, {
          role: "analyst",
          active: true,
          startedFrom: from,
          limit: 500,
          cursor
        });
        out.push(...page.items.map((s) => ({ id: s.id, unitId: s.unitId, startDate: s.startDate })));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return out;
    }
  };
}
export {
  organizationStaffDirectory
};
