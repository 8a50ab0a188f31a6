const accessMatrix = {
  "POST /api/v1/calculations/rmi": [
    "citizen",
    "partner",
    "analyst",
    "supervisor",
    "manager",
    "admin",
    "integration"
  ],
  "POST /api/v1/calculations/rmi/memoria": [
    "citizen",
    "partner",
    "analyst",
    "supervisor",
    "manager",
    "admin",
    "integration"
  ],
  "POST /api/v1/calculations/arrears": [
    "citizen",
    "partner",
    "analyst",
    "supervisor",
    "manager",
    "admin",
    "integration"
  ],
  "GET /api/v1/calculations/parameters": ["analyst", "supervisor", "manager", "admin", "integration"],
  "POST /api/v1/calculations/parameters/:kind": ["manager", "admin"]
};
export {
  accessMatrix
};
