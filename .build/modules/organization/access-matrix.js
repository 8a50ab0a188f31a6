const accessMatrix = {
  "GET /api/v1/units": ["citizen", "partner", "analyst", "supervisor", "manager", "admin", "integration"],
  "GET /api/v1/units/:id": ["citizen", "partner", "analyst", "supervisor", "manager", "admin", "integration"],
  "POST /api/v1/units": ["admin"],
  "GET /api/v1/staff": ["supervisor", "manager", "admin"],
  "GET /api/v1/staff/:id": ["supervisor", "manager", "admin"],
  "POST /api/v1/staff": ["manager", "admin"]
};
export {
  accessMatrix
};
