import type { Ctx } from '../../platform/auth/roles';
import { STAFF_ROLES } from '../../platform/auth/roles';
import { notFound } from '../../platform/errors';

/**
 * Who may see whose contribution record. The CNIS is a national registry: people carry no
 * organizational unit, so staff (analyst, supervisor, manager, admin) reach any person — every
 * read is audited with the actor — while a citizen reaches only their own CPF. Anything else
 * answers "not found", never revealing that the CPF exists.
 */
export function assertCanAccessPerson(ctx: Ctx, cpf: string): void {
  const a = ctx.actor;
  if (STAFF_ROLES.includes(a.role)) return;
  if (a.role === 'citizen' && a.cpf === cpf) return;
  // Integration accounts (imports) are national systems, like staff.
  if (a.role === 'integration') return;
  throw notFound('Pessoa');
}
