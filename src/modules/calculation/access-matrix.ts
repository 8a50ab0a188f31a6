import type { Role } from '../../platform/auth/roles';

/** Roles that must be ALLOWED on each route (written independently of module.ts permissions). */
export const accessMatrix: Record<string, Role[]> = {
  'POST /api/v1/calculations/rmi': [
    'citizen',
    'partner',
    'analyst',
    'supervisor',
    'manager',
    'admin',
    'integration',
  ],
  'POST /api/v1/calculations/rmi/memoria': [
    'citizen',
    'partner',
    'analyst',
    'supervisor',
    'manager',
    'admin',
    'integration',
  ],
  'POST /api/v1/calculations/arrears': [
    'citizen',
    'partner',
    'analyst',
    'supervisor',
    'manager',
    'admin',
    'integration',
  ],
  'GET /api/v1/calculations/parameters': ['analyst', 'supervisor', 'manager', 'admin', 'integration'],
  'POST /api/v1/calculations/parameters/:kind': ['manager', 'admin'],
};
