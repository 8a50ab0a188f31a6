import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Secrets are random 256-bit values; only their SHA-256 is stored (a DB leak yields no usable token). */
export const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
/** One-shot hash (no Hash object): it runs on every authenticated request, for the session cache key. */
export const sha256 = (s: string) => hash('sha256', s, 'hex');

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

export const SESSION_COOKIE = 'pd_session';
export const CSRF_HEADER = 'x-csrf-token';
export const TOKEN_PREFIX = 'pdt_';

/**
 * Password policy (NIST SP 800-63B §5.1.1.2): length over composition rules — at least 10
 * characters, at most 128, not a single repeated character, not the login itself.
 */
export function passwordProblems(password: string, login: string): string[] {
  const out: string[] = [];
  if (password.length < 10) out.push('a senha deve ter pelo menos 10 caracteres');
  if (password.length > 128) out.push('a senha deve ter no máximo 128 caracteres');
  if (/^(.)\1*$/.test(password)) out.push('a senha não pode repetir um único caractere');
  if (password.toLowerCase() === login.toLowerCase()) out.push('a senha não pode ser igual ao login');
  return out;
}

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

/** After `threshold` consecutive failures the account is locked for `minutes`. */
export function nextLockState(failedAttempts: number, now: Date, policy: LockoutPolicy) {
  const attempts = failedAttempts + 1;
  if (attempts >= policy.threshold) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.minutes * 60_000) };
  }
  return { failedAttempts: attempts, lockedUntil: null };
}

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export function sessionState(
  s: SessionTimes,
  now: Date,
  idleMinutes: number,
): 'active' | 'revoked' | 'expired_idle' | 'expired_absolute' {
  if (s.revokedAt) return 'revoked';
  if (now >= s.expiresAt) return 'expired_absolute';
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMinutes * 60_000) return 'expired_idle';
  return 'active';
}
