import { z } from 'zod';

/**
 * Response schemas of the requests routes (OpenAPI document and serializer: a field missing here
 * is stripped from the answer, a field the handler does not return is a 500).
 */

export const Clock = z
  .object({
    state: z.enum(['not_started', 'running', 'paused', 'stopped']),
    maxDays: z.number().int(),
    elapsedDays: z.number().int(),
    pausedDays: z.number().int(),
    dueDate: z.string().nullable(),
    remainingDays: z.number().int(),
    isOverdue: z.boolean(),
    daysOverdue: z.number().int(),
  })
  .nullable()
  .describe('Prazo legal (acordo STF RE 1.171.152; dias corridos, vencimento prorrogado ao dia útil)');
export const AllowedAction = z.object({ action: z.string(), label: z.string() });
export const Filed = z.object({
  id: z.string(),
  protocol: z.string(),
  status: z.string(),
  der: z.string(),
  taskId: z.string(),
  dueDate: z.string().nullable(),
});
export const RequestStatus = z.object({
  id: z.string(),
  protocol: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  allowedActions: z.array(AllowedAction),
  version: z.number().int(),
  updatedAt: z.string(),
  deadline: Clock,
});
export const Task = z.object({
  id: z.string(),
  requestId: z.string(),
  protocol: z.string().nullable(),
  kind: z.enum(['analysis', 'appeal_compliance', 'revision']),
  serviceCode: z.string(),
  species: z.string(),
  unitId: z.string(),
  queue: z.enum(['regular', 'extraordinary', 'training']),
  system: z.enum(['PAT', 'SABI']),
  status: z.enum(['open', 'assigned', 'waiting', 'concluded', 'cancelled']),
  assigneeStaffId: z.string().nullable(),
  assignedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  isOverdue: z.boolean(),
  escalatedToUnitId: z.string().nullable(),
  subtasks: z.array(z.string()),
  reason: z.string().nullable(),
  concludedOn: z.string().nullable(),
  concludedByStaffId: z.string().nullable(),
  conclusion: z.enum(['granted', 'denied', 'other']).nullable(),
  isAutomatic: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  deadline: Clock,
});
