const STATUS_OF = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  locked: 423,
  internal: 500
};
const TITLE_OF = {
  bad_request: "Requisi\xE7\xE3o inv\xE1lida",
  unauthenticated: "Autentica\xE7\xE3o necess\xE1ria",
  forbidden: "Acesso negado",
  not_found: "N\xE3o encontrado",
  conflict: "Conflito",
  invalid_state: "A\xE7\xE3o n\xE3o permitida na situa\xE7\xE3o atual",
  unprocessable: "Dados inv\xE1lidos",
  payload_too_large: "Conte\xFAdo grande demais",
  unsupported_media_type: "Tipo de conte\xFAdo n\xE3o suportado",
  too_many_requests: "Muitas tentativas",
  locked: "Conta bloqueada temporariamente",
  internal: "Erro interno"
};
class AppError extends Error {
  code;
  status;
  detail;
  errors;
  /** Extra members of the problem document (e.g. allowedActions on a 409). */
  extra;
  constructor(code, detail, opts = {}) {
    super(detail, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.status = STATUS_OF[code];
    this.detail = detail;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}
const badRequest = (detail, errors) => new AppError("bad_request", detail, { errors });
const unprocessable = (detail, errors) => new AppError("unprocessable", detail, { errors });
const notFound = (what) => new AppError("not_found", `${what} n\xE3o encontrado(a).`);
const forbidden = (detail = "Voc\xEA n\xE3o tem permiss\xE3o para esta opera\xE7\xE3o.") => new AppError("forbidden", detail);
const unauthenticated = (detail = "Fa\xE7a login para continuar.") => new AppError("unauthenticated", detail);
const conflict = (detail, extra) => new AppError("conflict", detail, { extra });
const actionNotAllowed = (action, status, allowedActions) => new AppError(
  "invalid_state",
  `A a\xE7\xE3o "${action}" n\xE3o \xE9 permitida na situa\xE7\xE3o "${status}". A\xE7\xF5es permitidas: ${allowedActions.join(", ") || "nenhuma"}.`,
  { extra: { currentStatus: status, allowedActions } }
);
const isAppError = (e) => e instanceof AppError;
export {
  AppError,
  STATUS_OF,
  TITLE_OF,
  actionNotAllowed,
  badRequest,
  conflict,
  forbidden,
  isAppError,
  notFound,
  unauthenticated,
  unprocessable
};
