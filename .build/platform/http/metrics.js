import client from "prom-client";
function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "Dura\xE7\xE3o das requisi\xE7\xF5es HTTP",
    labelNames: ["method", "route", "status"],
    buckets: [1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry]
  });
  const outboxPending = new client.Gauge({
    name: "outbox_pending_events",
    help: "Eventos do outbox ainda n\xE3o despachados",
    registers: [registry]
  });
  return { registry, httpDuration, outboxPending };
}
export {
  createMetrics
};
