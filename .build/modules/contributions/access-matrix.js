const accessMatrix = {
  "GET /api/v1/people/:cpf": ["citizen", "analyst", "supervisor", "manager", "admin"],
  "GET /api/v1/people/:cpf/remunerations": ["citizen", "analyst", "supervisor", "manager", "admin"],
  "GET /api/v1/people/:cpf/benefits": ["citizen", "analyst", "supervisor", "manager", "admin"],
  "POST /api/v1/people": ["analyst", "supervisor", "manager", "admin"],
  "PATCH /api/v1/people/:cpf": ["analyst", "supervisor", "manager", "admin"],
  "POST /api/v1/people/:cpf/cnis": ["citizen", "analyst", "supervisor", "manager", "admin", "integration"],
  "POST /api/v1/contributions/imports": ["admin", "integration"]
};
export {
  accessMatrix
};
