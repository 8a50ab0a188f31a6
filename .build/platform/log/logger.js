import pino from "pino";
const SENSITIVE_KEYS = [
  "cpf",
  "nit",
  "cnpj",
  "name",
  "nome",
  "email",
  "phone",
  "telefone",
  "password",
  "senha",
  "token",
  "apiToken",
  "secret",
  "birthDate",
  "birth_date",
  "authorization",
  "cookie",
  "set-cookie",
  "x-csrf-token"
];
const REDACT_PATHS = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((k) => `*.${k}`),
  ...SENSITIVE_KEYS.map((k) => `*.*.${k}`),
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]'
];
const PATTERNS = [
  [/\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g, "[cpf]"],
  [/\b\d{3}\.?\d{5}\.?\d{2}-?\d\b/g, "[nit]"],
  [/[\w.+-]+@[\w-]+\.[\w.-]+/g, "[email]"],
  [/\(?\+?55\)?\s?\(?\d{2}\)?\s?9?\d{4}-?\d{4}\b/g, "[telefone]"],
  [/Bearer\s+[\w.~+/=-]+/gi, "Bearer [token]"]
];
function scrub(text) {
  let out = text;
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}
function scrubDeep(v, depth = 0) {
  if (typeof v === "string") return scrub(v);
  if (depth > 4 || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => scrubDeep(x, depth + 1));
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = scrubDeep(x, depth + 1);
  return out;
}
function createLogger(opts) {
  return pino(
    {
      level: opts.level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { service: "previdencia" },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: {
        req(req) {
          return { id: req.id, method: req.method, url: req.url ? scrub(req.url) : req.url };
        },
        res(res) {
          return { statusCode: res.statusCode };
        },
        // Errors carry free text from anywhere (a PostgreSQL unique violation's detail names the
        // CPF that collided): every string in them is scrubbed too.
        err: (e) => scrubDeep(pino.stdSerializers.err(e))
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => typeof a === "string" ? scrub(a) : a);
          return method.apply(this, scrubbed);
        }
      }
    },
    opts.destination
  );
}
export {
  REDACT_PATHS,
  createLogger,
  scrub
};
