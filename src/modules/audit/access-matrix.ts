import type { Role } from '../../platform/auth/roles';

export const accessMatrix: Record<string, Role[]> = {
  'GET /api/v1/audit': ['manager', 'admin'],
  'POST /api/v1/audit/verify': ['admin'],
};
