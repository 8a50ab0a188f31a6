/**
 * One error type for the whole platform (after Medplum's outcomes): a code, an HTTP status, a
 * pt-BR title/detail and optional field errors. Routes never build HTTP errors by hand; the HTTP
 * adapter turns an AppError into RFC 9457 problem+json, the CLI into a message and exit code 2.
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_state'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'locked'
  | 'internal';

export const STATUS_OF: Record<ErrorCode, number> = {
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
  internal: 500,
};

export const TITLE_OF: Record<ErrorCode, string> = {
  bad_request: 'Requisição inválida',
  unauthenticated: 'Autenticação necessária',
  forbidden: 'Acesso negado',
  not_found: 'Não encontrado',
  conflict: 'Conflito',
  invalid_state: 'Ação não permitida na situação atual',
  unprocessable: 'Dados inválidos',
  payload_too_large: 'Conteúdo grande demais',
  unsupported_media_type: 'Tipo de conteúdo não suportado',
  too_many_requests: 'Muitas tentativas',
  locked: 'Conta bloqueada temporariamente',
  internal: 'Erro interno',
};

export interface FieldError {
  /** Path of the field, dot-separated ("links.0.start"). */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  /** Extra members of the problem document (e.g. allowedActions on a 409). */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    opts: { errors?: FieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(detail, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS_OF[code];
    this.detail = detail;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new AppError('bad_request', detail, { errors });
export const unprocessable = (detail: string, errors?: FieldError[]) =>
  new AppError('unprocessable', detail, { errors });
export const notFound = (what: string) => new AppError('not_found', `${what} não encontrado(a).`);
export const forbidden = (detail = 'Você não tem permissão para esta operação.') =>
  new AppError('forbidden', detail);
export const unauthenticated = (detail = 'Faça login para continuar.') =>
  new AppError('unauthenticated', detail);
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new AppError('conflict', detail, { extra });
/** A 409 that names the current state and the actions it allows (OpenCRVS throwConflictIfActionNotAllowed). */
export const actionNotAllowed = (action: string, status: string, allowedActions: readonly string[]) =>
  new AppError(
    'invalid_state',
    `A ação "${action}" não é permitida na situação "${status}". Ações permitidas: ${allowedActions.join(', ') || 'nenhuma'}.`,
    { extra: { currentStatus: status, allowedActions } },
  );

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
