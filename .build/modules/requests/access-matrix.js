const accessMatrix = {
  "POST /api/v1/requests": ["citizen", "partner", "analyst", "manager", "admin"],
  "GET /api/v1/requests": ["citizen", "partner", "analyst", "supervisor", "manager", "admin", "integration"],
  "GET /api/v1/requests/:id": [
    "citizen",
    "partner",
    "analyst",
    "supervisor",
    "manager",
    "admin",
    "integration"
  ],
  "GET /api/v1/requests/:id/status": [
    "citizen",
    "partner",
    "analyst",
    "supervisor",
    "manager",
    "admin",
    "integration"
  ],
  "POST /api/v1/requests/:id/documents": ["citizen", "partner", "analyst", "manager", "admin"],
  "GET /api/v1/documents/:id/content": ["citizen", "partner", "analyst", "supervisor", "manager", "admin"],
  "GET /api/v1/tasks": ["analyst", "supervisor", "manager", "admin"],
  "GET /api/v1/tasks/:id": ["analyst", "supervisor", "manager", "admin"],
  "POST /api/v1/tasks/take-next": ["analyst", "supervisor"],
  "POST /api/v1/tasks/:id/release": ["analyst", "supervisor", "manager"],
  "POST /api/v1/tasks/:id/transfer": ["analyst", "supervisor", "manager"],
  "POST /api/v1/tasks/:id/reassign": ["supervisor", "manager", "admin"],
  "POST /api/v1/requests/:id/exigencias": ["analyst", "supervisor"],
  "POST /api/v1/exigencias/:id/answer": ["citizen", "partner", "analyst"],
  "POST /api/v1/exigencias/:id/extend": ["analyst", "supervisor"],
  "GET /api/v1/appointment-slots": ["citizen", "partner", "analyst", "supervisor", "manager"],
  "POST /api/v1/requests/:id/appointments": ["citizen", "partner", "analyst", "supervisor"],
  "POST /api/v1/appointments/:id/reschedule": ["citizen", "partner", "analyst", "supervisor"],
  "POST /api/v1/appointments/:id/attendance": ["analyst", "supervisor"],
  "POST /api/v1/requests/:id/pendency": ["analyst", "supervisor"],
  "POST /api/v1/requests/:id/pendency/resolve": ["integration", "supervisor"],
  "POST /api/v1/requests/:id/decisions": ["analyst", "supervisor", "integration"],
  "POST /api/v1/requests/:id/appeals": ["citizen", "partner", "analyst"],
  "POST /api/v1/appeals/:id/decision": ["manager", "admin", "integration"],
  "POST /api/v1/requests/:id/appeal-compliance": ["analyst", "supervisor"],
  "GET /api/v1/exigencias": [
    "citizen",
    "partner",
    "analyst",
    "supervisor",
    "manager",
    "admin",
    "integration"
  ],
  "GET /api/v1/appointments": [
    "citizen",
    "partner",
    "analyst",
    "supervisor",
    "manager",
    "admin",
    "integration"
  ],
  "GET /api/v1/decisions": ["citizen", "partner", "analyst", "supervisor", "manager", "admin", "integration"],
  "GET /api/v1/appeals": ["citizen", "partner", "analyst", "supervisor", "manager", "admin", "integration"],
  "GET /api/v1/requests-indicators": ["supervisor", "manager", "admin"],
  "GET /api/v1/queue-grants": ["manager", "admin"],
  "POST /api/v1/queue-grants": ["manager", "admin"],
  "POST /api/v1/queue-grants/revoke": ["manager", "admin"],
  "PUT /api/v1/escalation-rules/:unitId": ["manager", "admin"],
  "POST /api/v1/appointment-slots": ["manager", "admin"]
};
export {
  accessMatrix
};
