import type { Role } from '../../platform/auth/roles';

/** Roles that must be ALLOWED on each route (written independently of module.ts permissions). */
export const accessMatrix: Record<string, Role[]> = {
  'GET /api/v1/units': ['citizen', 'partner', 'analyst', 'supervisor', 'manager', 'admin', 'integration'],
  'GET /api/v1/units/:id': ['citizen', 'partner', 'analyst', 'supervisor', 'manager', 'admin', 'integration'],
  'POST /api/v1/units': ['admin'],
  'GET /api/v1/staff': ['supervisor', 'manager', 'admin'],
  'GET /api/v1/staff/:id': ['supervisor', 'manager', 'admin'],
  'POST /api/v1/staff': ['manager', 'admin'],
};
