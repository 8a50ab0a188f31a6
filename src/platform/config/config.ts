import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * All configuration, in one place, validated at start-up. Every variable is documented in the
 * README ("Configuração"); development defaults let `npm start` run with nothing set.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A real PostgreSQL ≥ 15. Absent: the embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Public base URL (links in e-mails, cookie Secure flag). */
  PUBLIC_URL: z.string().url().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Secure cookies: default on outside development/test. */
  COOKIE_SECURE: bool.optional(),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Login attempts per IP per minute. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** JSON body limit in bytes (uploads have their own limits). */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** Load demo data on first start (empty database). */
  DEMO_SEED: bool.default(true),
  /**
   * Run background workers in this process: the audit sealer, the outbox dispatcher, pg-boss jobs.
   */
  WORKERS: bool.default(true),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  /** Idempotency keys are kept this long. */
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(1).default(24),
  /** Documents: blob store. "local" keeps files under DATA_DIR/blobs; "s3" uses the S3_* settings. */
  BLOB_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  UPLOAD_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(10 * 1024 * 1024),
  UPLOAD_MAX_REQUEST_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
});

export type RawConfig = z.infer<typeof schema>;

export interface Config extends RawConfig {
  isProduction: boolean;
  isTest: boolean;
  cookieSecure: boolean;
  dataDir: string;
  pgliteDir: string;
  blobDir: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuração inválida:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = resolve(c.DATA_DIR);
  return {
    ...c,
    isProduction: c.NODE_ENV === 'production',
    isTest: c.NODE_ENV === 'test',
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    dataDir,
    pgliteDir: `${dataDir}/pglite`,
    blobDir: `${dataDir}/blobs`,
  };
}

/** Every test override in one place (Medplum's loadTestConfig). */
export function loadTestConfig(overrides: Partial<Record<keyof RawConfig, string>> = {}): Config {
  const c = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WORKERS: 'false',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    DATA_DIR: '.tmp/test',
    // Tests log in many times from one address; the rate-limit test sets its own low limit.
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
  return { ...c, pgliteDir: overrides.DATA_DIR ? c.pgliteDir : 'memory://' };
}
