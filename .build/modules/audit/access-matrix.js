const accessMatrix = {
  "GET /api/v1/audit": ["manager", "admin"],
  "POST /api/v1/audit/verify": ["admin"]
};
export {
  accessMatrix
};
