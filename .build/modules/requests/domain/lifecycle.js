const STATUSES = [
  "filed",
  // protocolado, na fila aguardando análise
  "in_analysis",
  // em análise por um servidor
  "awaiting_citizen",
  // em exigência: aguardando o requerente
  "awaiting_appointment",
  // aguardando perícia médica / avaliação social
  "awaiting_automatic",
  // pendência registrada para análise automática
  "granted",
  // deferido
  "denied",
  // indeferido
  "under_appeal",
  // em recurso (Conselho de Recursos da Previdência Social)
  "appeal_compliance",
  // em cumprimento de decisão recursal
  "under_revision"
  // em revisão (supervisão técnica)
];
const ACTIONS = [
  "FILE",
  "UPLOAD_DOCUMENT",
  "ASSIGN",
  "RELEASE",
  "TRANSFER",
  "OPEN_EXIGENCIA",
  "EXTEND_EXIGENCIA",
  "ANSWER_EXIGENCIA",
  "EXPIRE_EXIGENCIA",
  "SCHEDULE_APPOINTMENT",
  "RESCHEDULE_APPOINTMENT",
  "ATTEND_APPOINTMENT",
  "NO_SHOW",
  "REGISTER_PENDENCY",
  "RESOLVE_PENDENCY",
  "GRANT",
  "DENY",
  "FILE_APPEAL",
  "APPEAL_UPHELD",
  "APPEAL_DISMISSED",
  "COMPLY_APPEAL",
  "REQUEST_REVISION"
];
const AVAILABLE_ACTIONS = {
  filed: ["UPLOAD_DOCUMENT", "ASSIGN", "TRANSFER", "SCHEDULE_APPOINTMENT", "REGISTER_PENDENCY"],
  in_analysis: [
    "UPLOAD_DOCUMENT",
    "RELEASE",
    "TRANSFER",
    "OPEN_EXIGENCIA",
    "SCHEDULE_APPOINTMENT",
    "REGISTER_PENDENCY",
    "GRANT",
    "DENY"
  ],
  awaiting_citizen: ["UPLOAD_DOCUMENT", "EXTEND_EXIGENCIA", "ANSWER_EXIGENCIA", "EXPIRE_EXIGENCIA"],
  awaiting_appointment: ["UPLOAD_DOCUMENT", "RESCHEDULE_APPOINTMENT", "ATTEND_APPOINTMENT", "NO_SHOW"],
  // Automatic recognition decides from here (the only way a decision is "automatic").
  awaiting_automatic: ["RESOLVE_PENDENCY", "GRANT", "DENY"],
  granted: ["REQUEST_REVISION"],
  denied: ["UPLOAD_DOCUMENT", "FILE_APPEAL", "REQUEST_REVISION"],
  under_appeal: ["UPLOAD_DOCUMENT", "APPEAL_UPHELD", "APPEAL_DISMISSED"],
  appeal_compliance: ["COMPLY_APPEAL"],
  under_revision: ["GRANT", "DENY"]
};
const ACTION_TARGET = {
  FILE: "filed",
  UPLOAD_DOCUMENT: "same",
  ASSIGN: "in_analysis",
  RELEASE: "filed",
  TRANSFER: "filed",
  OPEN_EXIGENCIA: "awaiting_citizen",
  EXTEND_EXIGENCIA: "same",
  ANSWER_EXIGENCIA: "back_to_work",
  EXPIRE_EXIGENCIA: "back_to_work",
  SCHEDULE_APPOINTMENT: "awaiting_appointment",
  RESCHEDULE_APPOINTMENT: "same",
  ATTEND_APPOINTMENT: "back_to_work",
  NO_SHOW: "back_to_work",
  REGISTER_PENDENCY: "awaiting_automatic",
  RESOLVE_PENDENCY: "back_to_work",
  GRANT: "granted",
  DENY: "denied",
  FILE_APPEAL: "under_appeal",
  APPEAL_UPHELD: "appeal_compliance",
  APPEAL_DISMISSED: "denied",
  COMPLY_APPEAL: "granted",
  REQUEST_REVISION: "under_revision"
};
const STATUS_LABEL = {
  filed: "Protocolado \u2014 aguardando an\xE1lise",
  in_analysis: "Em an\xE1lise",
  awaiting_citizen: "Em exig\xEAncia \u2014 aguardando o requerente",
  awaiting_appointment: "Aguardando per\xEDcia m\xE9dica / avalia\xE7\xE3o social",
  awaiting_automatic: "Em an\xE1lise autom\xE1tica",
  granted: "Deferido",
  denied: "Indeferido",
  under_appeal: "Em recurso",
  appeal_compliance: "Em cumprimento de decis\xE3o recursal",
  under_revision: "Em revis\xE3o"
};
const ACTION_LABEL = {
  FILE: "Protocolar requerimento",
  UPLOAD_DOCUMENT: "Anexar documento",
  ASSIGN: "Atribuir tarefa",
  RELEASE: "Devolver tarefa \xE0 fila",
  TRANSFER: "Transferir para outra unidade",
  OPEN_EXIGENCIA: "Abrir exig\xEAncia",
  EXTEND_EXIGENCIA: "Prorrogar exig\xEAncia",
  ANSWER_EXIGENCIA: "Cumprir exig\xEAncia",
  EXPIRE_EXIGENCIA: "Encerrar exig\xEAncia por decurso de prazo",
  SCHEDULE_APPOINTMENT: "Agendar per\xEDcia / avalia\xE7\xE3o social",
  RESCHEDULE_APPOINTMENT: "Reagendar",
  ATTEND_APPOINTMENT: "Registrar comparecimento",
  NO_SHOW: "Registrar n\xE3o comparecimento",
  REGISTER_PENDENCY: "Registrar pend\xEAncia para an\xE1lise autom\xE1tica",
  RESOLVE_PENDENCY: "Devolver da an\xE1lise autom\xE1tica",
  GRANT: "Deferir",
  DENY: "Indeferir",
  FILE_APPEAL: "Interpor recurso",
  APPEAL_UPHELD: "Registrar provimento do recurso",
  APPEAL_DISMISSED: "Registrar n\xE3o provimento do recurso",
  COMPLY_APPEAL: "Cumprir decis\xE3o recursal",
  REQUEST_REVISION: "Abrir revis\xE3o"
};
function availableActions(status) {
  return AVAILABLE_ACTIONS[status];
}
function isActionAllowed(status, action) {
  return AVAILABLE_ACTIONS[status].includes(action);
}
class LifecycleError extends Error {
  constructor(action, status, allowed) {
    super(`a\xE7\xE3o ${action} n\xE3o permitida na situa\xE7\xE3o ${status ?? "(nenhuma)"}`);
    this.action = action;
    this.status = status;
    this.allowed = allowed;
  }
}
function applyAction(state, rec) {
  if (state === null) {
    if (rec.action !== "FILE") throw new LifecycleError(rec.action, null, ["FILE"]);
    return { status: "filed", holder: null };
  }
  if (!isActionAllowed(state.status, rec.action)) {
    throw new LifecycleError(rec.action, state.status, availableActions(state.status));
  }
  const target = ACTION_TARGET[rec.action];
  let holder = state.holder;
  if (rec.action === "ASSIGN") holder = rec.staffId ?? null;
  if (rec.action === "RELEASE" || rec.action === "TRANSFER") holder = null;
  if (target === "same") return { status: state.status, holder };
  if (target === "back_to_work") return { status: holder ? "in_analysis" : "filed", holder };
  if (target === "granted" || target === "denied" || target === "under_appeal" || target === "appeal_compliance") {
    holder = null;
  }
  if (target === "under_revision") holder = null;
  return { status: target, holder };
}
function stateFromActions(actions) {
  let state = null;
  for (const a of actions) state = applyAction(state, a);
  if (state === null) throw new LifecycleError("FILE", null, ["FILE"]);
  return state;
}
function statusFromActions(actions) {
  return stateFromActions(actions).status;
}
const FINAL_DECISION_STATUSES = ["granted", "denied"];
export {
  ACTIONS,
  ACTION_LABEL,
  ACTION_TARGET,
  AVAILABLE_ACTIONS,
  FINAL_DECISION_STATUSES,
  LifecycleError,
  STATUSES,
  STATUS_LABEL,
  applyAction,
  availableActions,
  isActionAllowed,
  stateFromActions,
  statusFromActions
};
