import { z } from 'zod';
import { verifyAuditChain } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import type { AppInstance } from '../../platform/http/types';
import { queryAudit } from './query-audit';

const ctxOf = (req: { actor: Ctx['actor'] | null; id: string }): Ctx => ({
  actor: req.actor!,
  requestId: req.id,
});

export function auditRoutes(app: AppInstance, deps: Deps) {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['auditoria'],
        summary: 'Consulta a trilha de auditoria (mais recentes primeiro)',
        querystring: z.object({
          actorId: z.string().max(64).optional(),
          resourceType: z.string().max(64).optional(),
          resourceId: z.string().max(128).optional(),
          action: z.string().max(32).optional(),
          outcome: z.enum(['success', 'denied', 'error']).optional(),
          from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                at: z.string(),
                actorId: z.string(),
                actorRole: z.string(),
                actorUnitId: z.string().nullable(),
                action: z.string(),
                resourceType: z.string(),
                resourceId: z.string().nullable(),
                outcome: z.string(),
                requestId: z.string().nullable(),
                details: z.record(z.string(), z.unknown()),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => queryAudit(deps, ctxOf(req), req.query),
  );

  app.post(
    '/api/v1/audit/verify',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags: ['auditoria'],
        summary: 'Verifica a integridade do encadeamento da trilha de auditoria',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            brokenAt: z.number().nullable(),
            reason: z.string().nullable(),
            lastHash: z
              .string()
              .describe('Hash do último elo verificado (para comparar com uma cópia guardada fora do banco)'),
            unsealed: z.number().int().describe('Registros gravados e ainda não selados na cadeia'),
          }),
        },
      },
    },
    async (req) => {
      const r = await verifyAuditChain(deps.db);
      await deps.audit.recordNow(ctxOf(req), {
        action: 'verify',
        resourceType: 'audit_log',
        details: { ok: r.ok, checked: r.checked },
      });
      return r;
    },
  );
}
