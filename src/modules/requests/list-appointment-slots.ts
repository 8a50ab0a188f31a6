import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { BusinessDays, LocalDate } from '../../platform/values/dates';
import { rows, today } from './store';

export const listSlotsQuery = z.object({
  unitId: z.string().min(1).max(40),
  kind: z.enum(['medical_exam', 'social_evaluation']),
  from: z.string().refine(LocalDate.isValid, 'data inválida').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Free places of an agency (public information: no personal data). */
export async function listAppointmentSlots(deps: Deps, _ctx: Ctx, raw: z.input<typeof listSlotsQuery>) {
  const q = listSlotsQuery.parse(raw);
  const from = q.from ?? LocalDate.addDays(today(deps), 1);
  const list = await rows<{
    id: string;
    slot_date: string;
    start_time: string;
    capacity: number;
    booked: number;
  }>(
    deps.db.orm,
    sql`SELECT id, slot_date, start_time, capacity, booked FROM req_appointment_slots
         WHERE unit_id = ${q.unitId} AND kind = ${q.kind} AND slot_date >= ${from} AND booked < capacity
         ORDER BY slot_date, start_time LIMIT ${q.limit}`,
  );
  return {
    items: list.map((s) => ({
      id: s.id,
      unitId: q.unitId,
      kind: q.kind,
      date: s.slot_date,
      time: s.start_time,
      free: s.capacity - s.booked,
    })),
  };
}

/** Opens capacity: `perDay` places at each time of each business day in [from, to]. Used by the seed and the CLI. */
export async function createAppointmentSlots(
  deps: Pick<Deps, 'db'>,
  input: {
    unitId: string;
    kind: 'medical_exam' | 'social_evaluation';
    from: string;
    to: string;
    times: string[];
    capacity: number;
  },
) {
  let n = 0;
  for (let d = input.from; LocalDate.daysBetween(d, input.to) >= 0; d = LocalDate.addDays(d, 1)) {
    if (!BusinessDays.isBusinessDay(d)) continue;
    for (const t of input.times) {
      await deps.db.orm.execute(sql`
        INSERT INTO req_appointment_slots (id, unit_id, kind, slot_date, start_time, capacity)
        VALUES (uuid_v7(), ${input.unitId}, ${input.kind}, ${d}, ${t}, ${input.capacity})
        ON CONFLICT (unit_id, kind, slot_date, start_time) DO NOTHING`);
      n++;
    }
  }
  return n;
}
