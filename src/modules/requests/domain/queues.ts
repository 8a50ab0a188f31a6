import type { ClockStatus } from './deadline';

/**
 * Work queues. A task sits in exactly one queue: by kind (regular, the extraordinary programme
 * queues, the new-servers training track), unit and species. An analyst's eligibility is a list
 * of queue grants (kind + unit + optionally one species); the keys are what the take-next query
 * matches on an index.
 */
export const QUEUE_KINDS = ['regular', 'extraordinary', 'training'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export const QUEUE_LABEL: Record<QueueKind, string> = {
  regular: 'Fila regular',
  extraordinary: 'Fila do programa extraordinário',
  training: 'Trilha de capacitação de novos servidores',
};

export function queueKey(kind: QueueKind, unitId: string, species: string): string {
  return `${kind}:${unitId}:${species}`;
}

export interface QueueGrant {
  queue: QueueKind;
  unitId: string;
  /** null: every species of that unit's queue. */
  species: string | null;
}

/**
 * What an analyst's grants let them take from: whole queues of a unit (a grant without species:
 * every species, read through one index range however many species there are) and single
 * species queues (a species grant not already covered by a whole-queue grant).
 */
export interface Eligibility {
  units: { queue: QueueKind; unitId: string }[];
  keys: string[];
}

export function eligibleQueues(grants: readonly QueueGrant[]): Eligibility {
  const whole = new Map<string, { queue: QueueKind; unitId: string }>();
  for (const g of grants)
    if (g.species === null) whole.set(`${g.queue}:${g.unitId}`, { queue: g.queue, unitId: g.unitId });
  const keys = new Set<string>();
  for (const g of grants) {
    if (g.species !== null && !whole.has(`${g.queue}:${g.unitId}`))
      keys.add(queueKey(g.queue, g.unitId, g.species));
  }
  const units = [...whole.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, u]) => u);
  return { units, keys: [...keys].sort() };
}

export const isEligibilityEmpty = (e: Eligibility) => e.units.length === 0 && e.keys.length === 0;

/**
 * Escalation of overdue tasks (configurable per unit in req_escalation_rules): a task is flagged
 * as soon as it is past its due date, and escalated to the rule's target unit once it is
 * `daysPastDue` days past it.
 */
export interface EscalationRule {
  targetUnitId: string;
  daysPastDue: number;
}

export type EscalationVerdict =
  | { kind: 'on_time' }
  | { kind: 'overdue' }
  | { kind: 'escalate'; targetUnitId: string };

export function escalationVerdict(clock: ClockStatus, rule: EscalationRule | null): EscalationVerdict {
  if (!clock.isOverdue) return { kind: 'on_time' };
  if (rule && clock.daysOverdue >= rule.daysPastDue)
    return { kind: 'escalate', targetUnitId: rule.targetUnitId };
  return { kind: 'overdue' };
}
