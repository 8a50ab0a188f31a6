/**
 * Roles of the platform. A person or system has exactly one role per account; staff roles are
 * scoped to an organizational unit (APS, GEX, SR or the national root) and see that unit's
 * subtree only.
 */
export const ROLES = [
  'citizen', // segurado, authenticated by CPF
  'partner', // representative of an ACT partner entity
  'analyst', // servidor analista
  'supervisor', // supervisor técnico (Portaria DIRBEN 1.309/2025)
  'manager', // gestor (APS, GEX, SR or national)
  'admin', // administrador da plataforma
  'integration', // system integration (API token)
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  citizen: 'Cidadão (segurado)',
  partner: 'Representante de entidade parceira (ACT)',
  analyst: 'Analista',
  supervisor: 'Supervisor técnico',
  manager: 'Gestor',
  admin: 'Administrador',
  integration: 'Integração de sistemas',
};

export const STAFF_ROLES: readonly Role[] = ['analyst', 'supervisor', 'manager', 'admin'];

/** Who is calling. Built by the auth hook from a session cookie or a Bearer API token. */
export interface Actor {
  accountId: string;
  role: Role;
  /** Display name, never logged. */
  name: string;
  /** Organizational unit the account is scoped to (staff, partner); null for citizens and national scope. */
  unitId: string | null;
  /** Citizen's own CPF (digits), for scoping citizen queries. */
  cpf: string | null;
  /** ACT partner entity the representative acts for (partners module). */
  partnerEntityId: string | null;
  /** Staff member id (organization module), for staff accounts. */
  staffId: string | null;
  via: 'session' | 'token' | 'system';
  sessionId: string | null;
}

/** The context every use case receives: who acts, and the request id that ties logs and audit rows. */
export interface Ctx {
  actor: Actor;
  requestId: string;
}

export const SYSTEM_ACTOR: Actor = {
  accountId: 'system',
  role: 'admin',
  name: 'Sistema',
  unitId: null,
  cpf: null,
  partnerEntityId: null,
  staffId: null,
  via: 'system',
  sessionId: null,
};
