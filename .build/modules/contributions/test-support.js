import { randomUUID } from "node:crypto";
function ctxAs(role, over = {}) {
  return {
    actor: {
      accountId: `acc-${role}`,
      role,
      name: role,
      unitId: null,
      cpf: null,
      partnerEntityId: null,
      staffId: role === "citizen" || role === "integration" ? null : "staff-1",
      via: role === "integration" ? "token" : "session",
      sessionId: null,
      ...over
    },
    requestId: randomUUID()
  };
}
export {
  ctxAs
};
