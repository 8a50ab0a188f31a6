import { ROLES } from "../../platform/auth/roles.js";
const everyone = [...ROLES];
const accessMatrix = {
  "POST /api/v1/auth/login": everyone,
  "POST /api/v1/auth/logout": everyone,
  "GET /api/v1/auth/me": everyone,
  "GET /api/v1/auth/sessions": everyone,
  "DELETE /api/v1/auth/sessions/:id": everyone,
  "DELETE /api/v1/admin/sessions/:id": ["admin"],
  "GET /api/v1/accounts": ["manager", "admin"],
  "POST /api/v1/accounts": ["manager", "admin"],
  "POST /api/v1/accounts/:id/unlock": ["manager", "admin"],
  "POST /api/v1/accounts/:id/deactivate": ["manager", "admin"],
  "GET /api/v1/api-tokens": ["admin"],
  "POST /api/v1/api-tokens": ["admin"],
  "DELETE /api/v1/api-tokens/:id": ["admin"]
};
export {
  accessMatrix
};
