import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
const newSecret = (prefix) => `${prefix}${randomBytes(32).toString("base64url")}`;
const sha256 = (s) => createHash("sha256").update(s).digest("hex");
function safeEqual(a, b) {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
const SESSION_COOKIE = "pd_session";
const CSRF_HEADER = "x-csrf-token";
const TOKEN_PREFIX = "pdt_";
function passwordProblems(password, login) {
  const out = [];
  if (password.length < 10) out.push("a senha deve ter pelo menos 10 caracteres");
  if (password.length > 128) out.push("a senha deve ter no m\xE1ximo 128 caracteres");
  if (/^(.)\1*$/.test(password)) out.push("a senha n\xE3o pode repetir um \xFAnico caractere");
  if (password.toLowerCase() === login.toLowerCase()) out.push("a senha n\xE3o pode ser igual ao login");
  return out;
}
function nextLockState(failedAttempts, now, policy) {
  const attempts = failedAttempts + 1;
  if (attempts >= policy.threshold) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.minutes * 6e4) };
  }
  return { failedAttempts: attempts, lockedUntil: null };
}
function sessionState(s, now, idleMinutes) {
  if (s.revokedAt) return "revoked";
  if (now >= s.expiresAt) return "expired_absolute";
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMinutes * 6e4) return "expired_idle";
  return "active";
}
export {
  CSRF_HEADER,
  SESSION_COOKIE,
  TOKEN_PREFIX,
  newSecret,
  nextLockState,
  passwordProblems,
  safeEqual,
  sessionState,
  sha256
};
