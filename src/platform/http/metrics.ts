import client from 'prom-client';

/** Prometheus metrics (one registry per app instance so tests can build many apps). */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duração das requisições HTTP',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const outboxPending = new client.Gauge({
    name: 'outbox_pending_events',
    help: 'Eventos do outbox ainda não despachados',
    registers: [registry],
  });
  const auditUnsealed = new client.Gauge({
    name: 'audit_unsealed_rows',
    help: 'Linhas da trilha de auditoria ainda não seladas (contadas até 1 milhão); crescendo sem parar, nenhum selador está rodando',
    registers: [registry],
  });
  return { registry, httpDuration, outboxPending, auditUnsealed };
}
export type Metrics = ReturnType<typeof createMetrics>;
