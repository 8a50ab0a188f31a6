import type { Deps } from '../../platform/deps';
import { unitLineage } from '../organization/directory';
import { listStaff } from '../organization/list-staff';

/**
 * What supervision needs from the organization module (through its exported use cases, never its
 * tables): the supervisor team of an SR (art. 6, art. 7 §3) and the new servers with their start
 * date (arts. 16–21).
 */
export interface StaffDirectory {
  /** Active staff with role supervisor in the SR above `unitId` (the SR's supervisor team). */
  supervisorTeamOf(unitId: string): Promise<string[]>;
  /** Active analysts who entered service on or after `from`. */
  newServers(from: string): Promise<{ id: string; unitId: string; startDate: string }[]>;
}

export function organizationStaffDirectory(deps: Deps): StaffDirectory {
  const teams = new Map<string, Promise<string[]>>();
  return {
    supervisorTeamOf(unitId) {
      let t = teams.get(unitId);
      if (!t) {
        t = (async () => {
          const l = await unitLineage(deps, unitId).catch(() => null);
          const root = l?.sr?.id ?? l?.gex?.id ?? null;
          if (!root) return [];
          const out: string[] = [];
          let cursor: string | undefined;
          for (;;) {
            const page = await listStaff(deps, null, {
              unitId: root,
              role: 'supervisor',
              active: true,
              limit: 500,
              cursor,
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
      const out: { id: string; unitId: string; startDate: string }[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listStaff(deps, null, {
          role: 'analyst',
          active: true,
          startedFrom: from,
          limit: 500,
          cursor,
        });
        out.push(...page.items.map((s) => ({ id: s.id, unitId: s.unitId, startDate: s.startDate })));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return out;
    },
  };
}
