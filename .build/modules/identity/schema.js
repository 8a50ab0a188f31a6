import { boolean, char, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
const idAccounts = pgTable("id_accounts", {
  id: uuid("id").primaryKey(),
  login: text("login").notNull(),
  role: text("role").notNull(),
  name: text("name").notNull(),
  cpf: char("cpf", { length: 11 }),
  unitId: text("unit_id"),
  staffId: uuid("staff_id"),
  partnerEntityId: text("partner_entity_id"),
  email: text("email"),
  passwordHash: text("password_hash"),
  failedAttempts: integer("failed_attempts").notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  active: boolean("active").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true })
});
const idSessions = pgTable("id_sessions", {
  id: text("id").primaryKey(),
  accountId: uuid("account_id").notNull(),
  csrfToken: text("csrf_token").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  revokedReason: text("revoked_reason"),
  ip: text("ip"),
  userAgent: text("user_agent")
});
const idApiTokens = pgTable("id_api_tokens", {
  id: uuid("id").primaryKey(),
  accountId: uuid("account_id").notNull(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull(),
  prefix: text("prefix").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true })
});
export {
  idAccounts,
  idApiTokens,
  idSessions
};
