import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError, TITLE_OF } from '../errors';

/** RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export const PROBLEM_BASE = 'https://previdencia.digital/problemas/';

export function problemOf(
  code: ErrorCode,
  status: number,
  detail: string,
  req: FastifyRequest,
  extra?: object,
): Problem {
  return {
    type: `${PROBLEM_BASE}${code}`,
    title: TITLE_OF[code],
    status,
    detail,
    instance: req.url.split('?')[0],
    requestId: req.id,
    ...extra,
  };
}

const fieldOf = (instancePath: string, prefix: string) =>
  [prefix, ...instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');

/** Maps every error to problem+json; 5xx never reveal internals (logged with the request id instead). */
export function toProblem(err: unknown, req: FastifyRequest): Problem {
  if (err instanceof AppError) {
    return problemOf(err.code, err.status, err.detail, req, {
      ...(err.errors ? { errors: err.errors } : {}),
      ...(err.extra ?? {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const prefix = where === 'body' ? '' : where;
    const errors = err.validation.map((v) => ({
      field: fieldOf(v.instancePath, prefix) || where,
      message: v.message ?? 'inválido',
    }));
    return problemOf(
      'unprocessable',
      422,
      `Dados inválidos: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      req,
      {
        errors,
      },
    );
  }
  const fe = err as FastifyError;
  if (isResponseSerializationError(err)) {
    return problemOf('internal', 500, 'Erro interno. Informe o código da requisição ao suporte.', req);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf('bad_request', 400, 'O corpo da requisição não é um JSON válido.', req);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf(
        'payload_too_large',
        413,
        'O corpo da requisição excede o tamanho máximo permitido.',
        req,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemOf('unsupported_media_type', 415, 'Tipo de conteúdo não suportado.', req);
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return problemOf(
        'too_many_requests',
        429,
        'Muitas tentativas. Aguarde um minuto e tente novamente.',
        req,
      );
  }
  if (fe.statusCode === 429) {
    return problemOf(
      'too_many_requests',
      429,
      'Muitas tentativas. Aguarde um minuto e tente novamente.',
      req,
    );
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 404
        ? 'not_found'
        : fe.statusCode === 413
          ? 'payload_too_large'
          : fe.statusCode === 415
            ? 'unsupported_media_type'
            : 'bad_request';
    return problemOf(code, fe.statusCode, 'Requisição inválida.', req);
  }
  return problemOf('internal', 500, 'Erro interno. Informe o código da requisição ao suporte.', req);
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).type('application/problem+json; charset=utf-8').send(p);
}
