import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, TITLE_OF } from "../errors.js";
const PROBLEM_BASE = "https://previdencia.digital/problemas/";
function problemOf(code, status, detail, req, extra) {
  return {
    type: `${PROBLEM_BASE}${code}`,
    title: TITLE_OF[code],
    status,
    detail,
    instance: req.url.split("?")[0],
    requestId: req.id,
    ...extra
  };
}
const fieldOf = (instancePath, prefix) => [prefix, ...instancePath.split("/").filter(Boolean)].filter(Boolean).join(".");
function toProblem(err, req) {
  if (err instanceof AppError) {
    return problemOf(err.code, err.status, err.detail, req, {
      ...err.errors ? { errors: err.errors } : {},
      ...err.extra ?? {}
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? "body";
    const prefix = where === "body" ? "" : where;
    const errors = err.validation.map((v) => ({
      field: fieldOf(v.instancePath, prefix) || where,
      message: v.message ?? "inv\xE1lido"
    }));
    return problemOf(
      "unprocessable",
      422,
      `Dados inv\xE1lidos: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`,
      req,
      {
        errors
      }
    );
  }
  const fe = err;
  if (isResponseSerializationError(err)) {
    return problemOf("internal", 500, "Erro interno. Informe o c\xF3digo da requisi\xE7\xE3o ao suporte.", req);
  }
  switch (fe.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return problemOf("bad_request", 400, "O corpo da requisi\xE7\xE3o n\xE3o \xE9 um JSON v\xE1lido.", req);
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return problemOf(
        "payload_too_large",
        413,
        "O corpo da requisi\xE7\xE3o excede o tamanho m\xE1ximo permitido.",
        req
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return problemOf("unsupported_media_type", 415, "Tipo de conte\xFAdo n\xE3o suportado.", req);
    case "FST_ERR_RATE_LIMIT_EXCEEDED":
      return problemOf(
        "too_many_requests",
        429,
        "Muitas tentativas. Aguarde um minuto e tente novamente.",
        req
      );
  }
  if (fe.statusCode === 429) {
    return problemOf(
      "too_many_requests",
      429,
      "Muitas tentativas. Aguarde um minuto e tente novamente.",
      req
    );
  }
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.statusCode === 404 ? "not_found" : fe.statusCode === 413 ? "payload_too_large" : fe.statusCode === 415 ? "unsupported_media_type" : "bad_request";
    return problemOf(code, fe.statusCode, "Requisi\xE7\xE3o inv\xE1lida.", req);
  }
  return problemOf("internal", 500, "Erro interno. Informe o c\xF3digo da requisi\xE7\xE3o ao suporte.", req);
}
function sendProblem(reply, p) {
  return reply.status(p.status).type("application/problem+json; charset=utf-8").send(p);
}
export {
  PROBLEM_BASE,
  problemOf,
  sendProblem,
  toProblem
};
