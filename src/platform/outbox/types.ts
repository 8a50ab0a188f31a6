/** A domain event as written to the outbox in the same transaction as the change. */
export interface DomainEvent<P = Record<string, unknown>> {
  /** Unique id (uuid) — consumers deduplicate on it. */
  id: string;
  /** "request.filed", "decision.made", … (module.noun.verb-in-past). */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  occurredAt: string;
  /** Schema version of the payload. */
  version: number;
}

export interface NewEvent<P = Record<string, unknown>> {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  version?: number;
}

export interface EventConsumer {
  /** Unique, stable name: the deduplication key together with the event id. */
  name: string;
  /** Event types it handles. */
  events: readonly string[];
  /** Called at least once per event; runs inside a transaction that also records the event as consumed. */
  handle(
    event: DomainEvent,
    tx: import('../db/database').Executor,
    deps: import('../deps').Deps,
  ): Promise<void>;
}
