/**
 * The lifecycle of a benefit request (requerimento) as a table the compiler checks
 * (OpenCRVS `availableActions.ts`): each status lists the actions it allows, and the status is
 * derived from the append-only list of actions (OpenCRVS `getStatusFromActions`). Nothing stores a
 * status that the action list could contradict: `req_requests.status` is a cache of
 * `statusFromActions(actions)`, rewritten in the same transaction as each appended action.
 */

export const STATUSES = [
  'filed', // protocolado, na fila aguardando análise
  'in_analysis', // em análise por um servidor
  'awaiting_citizen', // em exigência: aguardando o requerente
  'awaiting_appointment', // aguardando perícia médica / avaliação social
  'awaiting_automatic', // pendência registrada para análise automática
  'granted', // deferido
  'denied', // indeferido
  'under_appeal', // em recurso (Conselho de Recursos da Previdência Social)
  'appeal_compliance', // em cumprimento de decisão recursal
  'under_revision', // em revisão (supervisão técnica)
] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = [
  'FILE',
  'UPLOAD_DOCUMENT',
  'ASSIGN',
  'RELEASE',
  'TRANSFER',
  'OPEN_EXIGENCIA',
  'EXTEND_EXIGENCIA',
  'ANSWER_EXIGENCIA',
  'EXPIRE_EXIGENCIA',
  'SCHEDULE_APPOINTMENT',
  'RESCHEDULE_APPOINTMENT',
  'ATTEND_APPOINTMENT',
  'NO_SHOW',
  'REGISTER_PENDENCY',
  'RESOLVE_PENDENCY',
  'GRANT',
  'DENY',
  'FILE_APPEAL',
  'APPEAL_UPHELD',
  'APPEAL_DISMISSED',
  'COMPLY_APPEAL',
  'REQUEST_REVISION',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Status → allowed actions. `satisfies` makes the compiler reject a missing status or an unknown
 * action; the exhaustiveness test checks every action is reachable from some status.
 */
export const AVAILABLE_ACTIONS = {
  filed: ['UPLOAD_DOCUMENT', 'ASSIGN', 'TRANSFER', 'SCHEDULE_APPOINTMENT', 'REGISTER_PENDENCY'],
  in_analysis: [
    'UPLOAD_DOCUMENT',
    'RELEASE',
    'TRANSFER',
    'OPEN_EXIGENCIA',
    'SCHEDULE_APPOINTMENT',
    'REGISTER_PENDENCY',
    'GRANT',
    'DENY',
  ],
  awaiting_citizen: ['UPLOAD_DOCUMENT', 'EXTEND_EXIGENCIA', 'ANSWER_EXIGENCIA', 'EXPIRE_EXIGENCIA'],
  awaiting_appointment: ['UPLOAD_DOCUMENT', 'RESCHEDULE_APPOINTMENT', 'ATTEND_APPOINTMENT', 'NO_SHOW'],
  // Automatic recognition decides from here (the only way a decision is "automatic").
  awaiting_automatic: ['RESOLVE_PENDENCY', 'GRANT', 'DENY'],
  granted: ['REQUEST_REVISION'],
  denied: ['UPLOAD_DOCUMENT', 'FILE_APPEAL', 'REQUEST_REVISION'],
  under_appeal: ['UPLOAD_DOCUMENT', 'APPEAL_UPHELD', 'APPEAL_DISMISSED'],
  appeal_compliance: ['COMPLY_APPEAL'],
  under_revision: ['GRANT', 'DENY'],
} as const satisfies Record<Status, readonly Action[]>;

/**
 * Where an action leads. 'back_to_work' returns the case to the analyst who holds it, or to the
 * queue when nobody does; 'same' keeps the status. A `Record<Action, …>` so that adding an
 * action without saying where it leads does not compile.
 */
type Target = Status | 'same' | 'back_to_work';
export const ACTION_TARGET = {
  FILE: 'filed',
  UPLOAD_DOCUMENT: 'same',
  ASSIGN: 'in_analysis',
  RELEASE: 'filed',
  TRANSFER: 'filed',
  OPEN_EXIGENCIA: 'awaiting_citizen',
  EXTEND_EXIGENCIA: 'same',
  ANSWER_EXIGENCIA: 'back_to_work',
  EXPIRE_EXIGENCIA: 'back_to_work',
  SCHEDULE_APPOINTMENT: 'awaiting_appointment',
  RESCHEDULE_APPOINTMENT: 'same',
  ATTEND_APPOINTMENT: 'back_to_work',
  NO_SHOW: 'back_to_work',
  REGISTER_PENDENCY: 'awaiting_automatic',
  RESOLVE_PENDENCY: 'back_to_work',
  GRANT: 'granted',
  DENY: 'denied',
  FILE_APPEAL: 'under_appeal',
  APPEAL_UPHELD: 'appeal_compliance',
  APPEAL_DISMISSED: 'denied',
  COMPLY_APPEAL: 'granted',
  REQUEST_REVISION: 'under_revision',
} as const satisfies Record<Action, Target>;

export const STATUS_LABEL: Record<Status, string> = {
  filed: 'Protocolado — aguardando análise',
  in_analysis: 'Em análise',
  awaiting_citizen: 'Em exigência — aguardando o requerente',
  awaiting_appointment: 'Aguardando perícia médica / avaliação social',
  awaiting_automatic: 'Em análise automática',
  granted: 'Deferido',
  denied: 'Indeferido',
  under_appeal: 'Em recurso',
  appeal_compliance: 'Em cumprimento de decisão recursal',
  under_revision: 'Em revisão',
};

export const ACTION_LABEL: Record<Action, string> = {
  FILE: 'Protocolar requerimento',
  UPLOAD_DOCUMENT: 'Anexar documento',
  ASSIGN: 'Atribuir tarefa',
  RELEASE: 'Devolver tarefa à fila',
  TRANSFER: 'Transferir para outra unidade',
  OPEN_EXIGENCIA: 'Abrir exigência',
  EXTEND_EXIGENCIA: 'Prorrogar exigência',
  ANSWER_EXIGENCIA: 'Cumprir exigência',
  EXPIRE_EXIGENCIA: 'Encerrar exigência por decurso de prazo',
  SCHEDULE_APPOINTMENT: 'Agendar perícia / avaliação social',
  RESCHEDULE_APPOINTMENT: 'Reagendar',
  ATTEND_APPOINTMENT: 'Registrar comparecimento',
  NO_SHOW: 'Registrar não comparecimento',
  REGISTER_PENDENCY: 'Registrar pendência para análise automática',
  RESOLVE_PENDENCY: 'Devolver da análise automática',
  GRANT: 'Deferir',
  DENY: 'Indeferir',
  FILE_APPEAL: 'Interpor recurso',
  APPEAL_UPHELD: 'Registrar provimento do recurso',
  APPEAL_DISMISSED: 'Registrar não provimento do recurso',
  COMPLY_APPEAL: 'Cumprir decisão recursal',
  REQUEST_REVISION: 'Abrir revisão',
};

export function availableActions(status: Status): readonly Action[] {
  return AVAILABLE_ACTIONS[status];
}

export function isActionAllowed(status: Status, action: Action): boolean {
  return (AVAILABLE_ACTIONS[status] as readonly Action[]).includes(action);
}

/** One entry of a request's append-only history (what `statusFromActions` needs of it). */
export interface ActionRecord {
  action: Action;
  /** Staff member the case is with after ASSIGN; ignored for other actions. */
  staffId?: string | null;
}

export class LifecycleError extends Error {
  constructor(
    readonly action: Action,
    readonly status: Status | null,
    readonly allowed: readonly Action[],
  ) {
    super(`ação ${action} não permitida na situação ${status ?? '(nenhuma)'}`);
  }
}

export interface CaseState {
  status: Status;
  /** Staff member holding the case (after ASSIGN, until RELEASE/TRANSFER/decision). */
  holder: string | null;
}

/** Applies one action to a state; throws LifecycleError when the table does not allow it. */
export function applyAction(state: CaseState | null, rec: ActionRecord): CaseState {
  if (state === null) {
    if (rec.action !== 'FILE') throw new LifecycleError(rec.action, null, ['FILE']);
    return { status: 'filed', holder: null };
  }
  if (!isActionAllowed(state.status, rec.action)) {
    throw new LifecycleError(rec.action, state.status, availableActions(state.status));
  }
  const target: Target = ACTION_TARGET[rec.action];
  let holder = state.holder;
  if (rec.action === 'ASSIGN') holder = rec.staffId ?? null;
  if (rec.action === 'RELEASE' || rec.action === 'TRANSFER') holder = null;
  if (target === 'same') return { status: state.status, holder };
  if (target === 'back_to_work') return { status: holder ? 'in_analysis' : 'filed', holder };
  // Decisions and appeals end the analyst's hold: a new task (compliance, revision) is taken anew.
  if (
    target === 'granted' ||
    target === 'denied' ||
    target === 'under_appeal' ||
    target === 'appeal_compliance'
  ) {
    holder = null;
  }
  if (target === 'under_revision') holder = null;
  return { status: target, holder };
}

/** The status of a case from its full history (OpenCRVS getStatusFromActions). */
export function stateFromActions(actions: readonly ActionRecord[]): CaseState {
  let state: CaseState | null = null;
  for (const a of actions) state = applyAction(state, a);
  if (state === null) throw new LifecycleError('FILE', null, ['FILE']);
  return state;
}

export function statusFromActions(actions: readonly ActionRecord[]): Status {
  return stateFromActions(actions).status;
}

export const FINAL_DECISION_STATUSES: readonly Status[] = ['granted', 'denied'];
