import { randomUUID } from 'node:crypto';
import type { Actor, Ctx, Role } from '../../platform/auth/roles';

/** A use-case context for tests, as the HTTP layer would build it for an account of this role. */
export function ctxAs(role: Role, over: Partial<Actor> = {}): Ctx {
  return {
    actor: {
      accountId: `acc-${role}`,
      role,
      name: role,
      unitId: null,
      cpf: null,
      partnerEntityId: null,
      staffId: role === 'citizen' || role === 'integration' ? null : 'staff-1',
      via: role === 'integration' ? 'token' : 'session',
      sessionId: null,
      ...over,
    },
    requestId: randomUUID(),
  };
}
