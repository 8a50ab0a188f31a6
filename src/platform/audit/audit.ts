import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../auth/roles';
import type { Database, Executor } from '../db/database';

export interface AuditEntry {
  /** read, create, update, delete, login, deny, export, … */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  outcome?: 'success' | 'denied' | 'error';
  /** Non-personal context (route, filters, counts). Never put CPF/name here: reference ids instead. */
  details?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  actorUnitId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditLog {
  /** Appends one row in the caller's transaction (so the audit row commits or rolls back with the change). */
  record(exec: Executor, ctx: Ctx, entry: AuditEntry): Promise<void>;
  /** Appends in its own transaction (denials, logins: nothing else to commit with). */
  recordNow(ctx: Ctx, entry: AuditEntry): Promise<void>;
}

export const GENESIS = '0'.repeat(64);

/** JSON with sorted keys: jsonb reorders keys, so the hash must not depend on key order. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

type Content = Omit<AuditRow, 'hash' | 'prevHash' | 'seq'>;

/** The canonical text of a row's content (everything but its position in the chain). */
export function rowContent(r: Content): string {
  return canonicalJson([
    r.at,
    r.actorId,
    r.actorRole,
    r.actorUnitId,
    r.action,
    r.resourceType,
    r.resourceId,
    r.outcome,
    r.requestId,
    r.details,
  ]);
}

/** Same formula as the SQL function audit_append (migration 0001). */
export function rowHash(prevHash: string, seq: number, content: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${content}`, 'utf8').digest('hex');
}

export function createAuditLog(db: Database, clock: { now(): Date }): AuditLog {
  const record = async (exec: Executor, ctx: Ctx, entry: AuditEntry) => {
    const row: Content = {
      at: clock.now().toISOString(),
      actorId: ctx.actor.accountId,
      actorRole: ctx.actor.role,
      actorUnitId: ctx.actor.unitId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      outcome: entry.outcome ?? 'success',
      requestId: ctx.requestId,
      details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    };
    await exec.execute(sql`
      SELECT audit_append(${row.at}::timestamptz, ${row.actorId}, ${row.actorRole}, ${row.actorUnitId}, ${row.action},
                          ${row.resourceType}, ${row.resourceId}, ${row.outcome}, ${row.requestId},
                          ${JSON.stringify(row.details)}::jsonb, ${rowContent(row)})`);
  };
  return {
    record,
    recordNow: (ctx, entry) => db.tx((tx) => record(tx, ctx, entry)),
  };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** First row whose hash or link does not match. */
  brokenAt: number | null;
  reason: string | null;
  /** Hash of the last verified row: anchor it outside the database to detect truncation of the tail. */
  lastHash: string;
}

/** Walks the whole chain in sequence order; reports the first row that was altered, removed or inserted. */
export async function verifyAuditChain(
  db: Database,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  const total = Number((await db.pool.query('SELECT count(*)::int8 AS n FROM audit_log')).rows[0].n);
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  for (;;) {
    const { rows } = await db.pool.query(
      `SELECT seq, at, actor_id, actor_role, actor_unit_id, action, resource_type, resource_id, outcome,
              request_id, details, prev_hash, hash
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 5000`,
      [after],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      const row: Content = {
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorRole: r.actor_role,
        actorUnitId: r.actor_unit_id,
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        outcome: r.outcome,
        requestId: r.request_id,
        details: r.details,
      };
      if (r.prev_hash !== prev) {
        return {
          ok: false,
          checked,
          lastHash: prev,
          brokenAt: seq,
          reason:
            'elo quebrado: prev_hash não corresponde ao registro anterior (registro removido ou inserido)',
        };
      }
      if (rowHash(prev, seq, rowContent(row)) !== r.hash) {
        return {
          ok: false,
          checked,
          lastHash: prev,
          brokenAt: seq,
          reason: 'conteúdo alterado: o hash do registro não confere',
        };
      }
      prev = r.hash;
      after = seq;
      checked++;
    }
    onProgress?.(checked, total);
  }
  return { ok: true, checked, brokenAt: null, reason: null, lastHash: prev };
}
