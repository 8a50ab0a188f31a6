/**
 * Vocabulary of the supervision module (Portaria DIRBEN/INSS 1.309/2025). Codes as in the CLI
 * contract; the Portuguese labels are the ones the norm prescribes for the "Origem da Supervisão"
 * field (art. 12 §1, art. 17) and the ones used by the PAT.
 */
export const QUEUES = ['regular', 'extraordinary', 'training'] as const;
export type Queue = (typeof QUEUES)[number];

export const SYSTEMS = ['PAT', 'SABI'] as const;
export type System = (typeof SYSTEMS)[number];

export const DECISIONS = ['granted', 'denied', 'other'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Origin of a supervision (art. 3 §1, art. 7, art. 8, art. 12 §1, art. 17). */
export const ORIGINS = ['random', 'targeted', 'error_indication', 'extraordinary', 'training_track'] as const;
export type Origin = (typeof ORIGINS)[number];

export const ORIGIN_LABEL: Record<Origin, string> = {
  random: 'Amostra aleatória', // art. 7
  targeted: 'Seleção direcionada', // art. 7 §1, art. 8
  error_indication: 'Indicação de erro administrativo', // art. 3 §1
  extraordinary: 'Monitoramento Filas Extraordinárias', // art. 12 §1
  training_track: 'Trilha de Formação - novos servidores', // art. 17
};

/** Conclusion of a supervision (art. 9 §§2–5). */
export const OUTCOMES = ['full_ratification', 'ratified_with_revision', 'not_ratified'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABEL: Record<Outcome, string> = {
  full_ratification: 'Ratificação plena',
  ratified_with_revision: 'Ratificada com revisão',
  not_ratified: 'Não ratificada',
};

/** A concluded task as the sampling frame sees it (CSV `tasks frame` or the `sup_frame_tasks` read model). */
export interface FrameTask {
  taskId: string;
  protocol: string;
  serviceCode: string;
  species: string;
  sr: string;
  gex: string;
  serverId: string;
  queue: Queue;
  system: System;
  subtasks: readonly string[];
  /** YYYY-MM-DD */
  concludedAt: string;
  decision: Decision;
}

/** A supervision as the indicators see it (CSV `supervisions` or the `sup_supervisions` table). */
export interface SupervisionRecord {
  supervisionId: string;
  taskId: string;
  serverId: string;
  sr: string;
  gex: string;
  origin: Origin;
  cycle: string;
  /** YYYY-MM-DD, null while pending. */
  concludedAt: string | null;
  outcome: Outcome | null;
}

export interface ServerRecord {
  serverId: string;
  sr: string;
  gex: string;
  /** Start date of exercise (início do exercício), YYYY-MM-DD. */
  startDate: string;
}

/** Group labels for tasks without a server (automatic conclusion) or without an SR/GEX above the unit. */
export const AUTOMATIC_LABEL = '(conclusão automática)';
export const NO_SR_LABEL = '(sem SR)';
export const NO_GEX_LABEL = '(sem GEX)';
