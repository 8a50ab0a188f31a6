import type { Role } from '../../platform/auth/roles';

/**
 * Roles that must be ALLOWED on each supervision route, written from the norm and independently of
 * module.ts: supervisors (art. 6, SR teams) read and conclude; managers (Coben/SGBEN, arts. 7 §4,
 * 15) read, sample for the Dirben, indicate errors, handle referrals; admin everything. Analysts,
 * citizens, partners and integrations have no access.
 */
const READERS: Role[] = ['supervisor', 'manager', 'admin'];
export const accessMatrix: Record<string, Role[]> = {
  'GET /api/v1/supervision/supervisions': READERS,
  'GET /api/v1/supervision/supervisions/:id': READERS,
  'POST /api/v1/supervision/supervisions/:id/conclusion': ['supervisor', 'admin'],
  'POST /api/v1/supervision/supervisions/:id/assignment': ['manager', 'admin'],
  'POST /api/v1/supervision/cycles/monthly': ['manager', 'admin'],
  'POST /api/v1/supervision/cycles/extraordinary': ['manager', 'admin'],
  'POST /api/v1/supervision/cycles/training-track': ['manager', 'admin'],
  'POST /api/v1/supervision/targeted-selections': ['manager', 'admin'],
  'POST /api/v1/supervision/error-indications': READERS,
  'GET /api/v1/supervision/indicators': READERS,
  'POST /api/v1/supervision/referrals/runs': ['manager', 'admin'],
  'GET /api/v1/supervision/referrals': READERS,
  'POST /api/v1/supervision/referrals/:id/actions': ['manager', 'admin'],
  'GET /api/v1/supervision/checklist': READERS,
  'PUT /api/v1/supervision/checklist': ['admin'],
  'GET /api/v1/supervision/report': READERS,
};
