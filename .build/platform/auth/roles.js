const ROLES = [
  "citizen",
  // segurado, authenticated by CPF
  "partner",
  // representative of an ACT partner entity
  "analyst",
  // servidor analista
  "supervisor",
  // supervisor técnico (Portaria DIRBEN 1.309/2025)
  "manager",
  // gestor (APS, GEX, SR or national)
  "admin",
  // administrador da plataforma
  "integration"
  // system integration (API token)
];
const ROLE_LABEL = {
  citizen: "Cidad\xE3o (segurado)",
  partner: "Representante de entidade parceira (ACT)",
  analyst: "Analista",
  supervisor: "Supervisor t\xE9cnico",
  manager: "Gestor",
  admin: "Administrador",
  integration: "Integra\xE7\xE3o de sistemas"
};
const STAFF_ROLES = ["analyst", "supervisor", "manager", "admin"];
const SYSTEM_ACTOR = {
  accountId: "system",
  role: "admin",
  name: "Sistema",
  unitId: null,
  cpf: null,
  partnerEntityId: null,
  staffId: null,
  via: "system",
  sessionId: null
};
export {
  ROLES,
  ROLE_LABEL,
  STAFF_ROLES,
  SYSTEM_ACTOR
};
