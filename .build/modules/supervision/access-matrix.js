const READERS = ["supervisor", "manager", "admin"];
const accessMatrix = {
  "GET /api/v1/supervision/supervisions": READERS,
  "GET /api/v1/supervision/supervisions/:id": READERS,
  "POST /api/v1/supervision/supervisions/:id/conclusion": ["supervisor", "admin"],
  "POST /api/v1/supervision/supervisions/:id/assignment": ["manager", "admin"],
  "POST /api/v1/supervision/cycles/monthly": ["manager", "admin"],
  "POST /api/v1/supervision/cycles/extraordinary": ["manager", "admin"],
  "POST /api/v1/supervision/cycles/training-track": ["manager", "admin"],
  "POST /api/v1/supervision/targeted-selections": ["manager", "admin"],
  "POST /api/v1/supervision/error-indications": READERS,
  "GET /api/v1/supervision/indicators": READERS,
  "POST /api/v1/supervision/referrals/runs": ["manager", "admin"],
  "GET /api/v1/supervision/referrals": READERS,
  "POST /api/v1/supervision/referrals/:id/actions": ["manager", "admin"],
  "GET /api/v1/supervision/checklist": READERS,
  "PUT /api/v1/supervision/checklist": ["admin"],
  "GET /api/v1/supervision/report": READERS
};
export {
  accessMatrix
};
