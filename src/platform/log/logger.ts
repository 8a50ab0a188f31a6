import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Personal data never reaches the logs (LGPD; architecture guide). Two layers:
 * 1. pino redaction of known field names, at any of the first levels of nesting;
 * 2. a scrubber for free text (URLs, messages) that masks CPF/NIT-shaped digit runs, e-mails,
 *    phone numbers and bearer tokens.
 */
const SENSITIVE_KEYS = [
  'cpf',
  'nit',
  'cnpj',
  'name',
  'nome',
  'email',
  'phone',
  'telefone',
  'password',
  'senha',
  'token',
  'apiToken',
  'secret',
  'birthDate',
  'birth_date',
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
];

export const REDACT_PATHS = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((k) => `*.${k}`),
  ...SENSITIVE_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

const PATTERNS: [RegExp, string][] = [
  [/\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g, '[cpf]'],
  [/\b\d{3}\.?\d{5}\.?\d{2}-?\d\b/g, '[nit]'],
  [/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[email]'],
  [/\(?\+?55\)?\s?\(?\d{2}\)?\s?9?\d{4}-?\d{4}\b/g, '[telefone]'],
  [/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [token]'],
];

export function scrub(text: string): string {
  let out = text;
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}

function scrubDeep<T>(v: T, depth = 0): T {
  if (typeof v === 'string') return scrub(v) as T;
  if (depth > 4 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => scrubDeep(x, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = scrubDeep(x, depth + 1);
  return out as T;
}

export function createLogger(opts: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: opts.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'previdencia' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: {
        req(req: { id?: string; method?: string; url?: string }) {
          return { id: req.id, method: req.method, url: req.url ? scrub(req.url) : req.url };
        },
        res(res: { statusCode?: number }) {
          return { statusCode: res.statusCode };
        },
        // Errors carry free text from anywhere (a PostgreSQL unique violation's detail names the
        // CPF that collided): every string in them is scrubbed too.
        err: (e: Error) => scrubDeep(pino.stdSerializers.err(e)),
      },
      hooks: {
        logMethod(args, method) {
          // Free-text messages are scrubbed too: a CPF interpolated into a message is masked.
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as typeof args;
          return method.apply(this, scrubbed);
        },
      },
    },
    opts.destination,
  );
}

type LogFn = (...args: unknown[]) => void;

/**
 * Fastify's childLoggerFactory: the per-request logger (bound to the request id) is created on
 * its first enabled log call instead of for every request. Creating a pino child runs the
 * redaction over its bindings (~7 µs with our paths), which a request that logs nothing — most
 * of them at level info and above — does not need. A class, so that a request costs one small
 * object and no closures.
 */
class LazyRequestLogger {
  private real: Logger | undefined;
  constructor(
    private readonly parent: Logger,
    private readonly bound: pino.Bindings,
    private readonly opts: pino.ChildLoggerOptions,
  ) {}
  private log(): Logger {
    this.real ??= this.parent.child(this.bound, this.opts);
    return this.real;
  }
  private emit(level: pino.Level, args: unknown[]) {
    if ((this.real ?? this.parent).isLevelEnabled(level)) (this.log()[level] as LogFn)(...args);
  }
  get level() {
    return (this.real ?? this.parent).level;
  }
  set level(v: string) {
    this.log().level = v;
  }
  fatal(...a: unknown[]) {
    this.emit('fatal', a);
  }
  error(...a: unknown[]) {
    this.emit('error', a);
  }
  warn(...a: unknown[]) {
    this.emit('warn', a);
  }
  info(...a: unknown[]) {
    this.emit('info', a);
  }
  debug(...a: unknown[]) {
    this.emit('debug', a);
  }
  trace(...a: unknown[]) {
    this.emit('trace', a);
  }
  silent() {}
  child(b: pino.Bindings, o?: pino.ChildLoggerOptions) {
    return this.log().child(b, o);
  }
  bindings() {
    return this.real ? this.real.bindings() : { ...this.parent.bindings(), ...this.bound };
  }
  isLevelEnabled(level: string) {
    return (this.real ?? this.parent).isLevelEnabled(level);
  }
  flush(cb?: (err?: Error) => void) {
    this.parent.flush(cb);
  }
}

export function lazyChildLogger(
  parent: Logger,
  bindings: pino.Bindings,
  opts: pino.ChildLoggerOptions,
): Logger {
  return new LazyRequestLogger(parent, bindings, opts) as unknown as Logger;
}
