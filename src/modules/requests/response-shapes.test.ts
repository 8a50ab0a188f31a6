import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { answerExigencia } from './answer-exigencia';
import type { complyAppeal } from './comply-appeal';
import type { decideRequest } from './decide-request';
import type { extendExigencia } from './extend-exigencia';
import type { fileAppeal } from './file-appeal';
import type { getRequest } from './get-request';
import type { getRequestStatus } from './get-request-status';
import type { actionPlanIndicators } from './indicators';
import type { listAppointmentSlots } from './list-appointment-slots';
import type { listRequests } from './list-requests';
import type { getTask, listTasks } from './list-tasks';
import type { openExigencia } from './open-exigencia';
import type { reassignTask } from './reassign-task';
import type { recordAppealDecision } from './record-appeal-decision';
import type { recordAttendance } from './record-attendance';
import type { registerPendency, resolvePendency } from './register-pendency';
import type { releaseTask } from './release-task';
import type {
  ActionPlanIndicators,
  AnsweredExigencia,
  AppealCompliance,
  AppealDecision,
  Appointment,
  AppointmentSlots,
  DecisionMade,
  ExtendedExigencia,
  FiledAppeal,
  OpenedExigencia,
  ReassignedTask,
  ReleasedTask,
  RequestDetail,
  RequestPage,
  RequestStatus,
  RequestTransition,
  Task,
  TaskDetail,
  TaskPage,
  TransferredTask,
  UploadedDocument,
} from './responses';
import type { rescheduleAppointment, scheduleAppointment } from './schedule-appointment';
import type { takeNextTask } from './take-next-task';
import type { transferTask } from './transfer-task';
import type { uploadDocument } from './upload-document';

/**
 * Compile-time check (npm run typecheck) that each response schema in responses.ts names exactly
 * the fields its use case returns, at every depth: a field only the use case has would be
 * stripped by the serializer without a word, a field only the schema has is a 500. Types of the
 * leaves are the type provider's job (handler return vs schema) — except where the use case says
 * unknown (jsonb) and the schema gives the shape. A mismatch fails typecheck with the path, e.g.
 * `".items[].cpf (só no caso de uso: o serializador o removeria)"`.
 *
 * Not covered: list-case-records.ts (its rows are Record<string, unknown>) — the serializer checks
 * those answers at run time, and the route tests exercise them.
 */
type Leaf = string | number | boolean | bigint | symbol;
type Named<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 };
type Diff<R, S, P extends string> = unknown extends R
  ? never
  : (null extends R ? 1 : 0) extends (null extends S ? 1 : 0)
    ? [NonNullable<R>] extends [Leaf]
      ? never
      : [NonNullable<R>] extends [readonly (infer RE)[]]
        ? [NonNullable<S>] extends [readonly (infer SE)[]]
          ? Diff<RE, SE, `${P}[]`>
          : `${P} (lista só no caso de uso)`
        : ObjectDiff<NonNullable<R>, NonNullable<S>, P>
    : `${P} (anulável só de um lado)`;
type ObjectDiff<R, S, P extends string> =
  | {
      [K in Named<R>]-?: K extends Named<S>
        ? Diff<R[K], S[K & keyof S], `${P}.${K & string}`>
        : `${P}.${K & string} (só no caso de uso: o serializador o removeria)`;
    }[Named<R>]
  | { [K in Named<S>]-?: K extends Named<R> ? never : `${P}.${K & string} (só no schema)` }[Named<S>];

type Returns<F> = F extends (...args: never[]) => Promise<infer T> ? T : never;
/** `true` when the fields match; otherwise the paths that differ (so `true` does not type-check). */
type SameFields<F, S extends z.ZodType> = [Diff<Returns<F>, z.output<S>, ''>] extends [never]
  ? true
  : Diff<Returns<F>, z.output<S>, ''>;

/** Each entry is `true`, or the type names the paths whose fields differ. */
type Checks = [
  Expect<SameFields<typeof listRequests, typeof RequestPage>>, // listRequests
  Expect<SameFields<typeof getRequest, typeof RequestDetail>>, // getRequest
  Expect<SameFields<typeof getRequestStatus, typeof RequestStatus>>, // getRequestStatus
  Expect<SameFields<typeof uploadDocument, typeof UploadedDocument>>, // uploadDocument
  Expect<SameFields<typeof listTasks, typeof TaskPage>>, // listTasks
  Expect<SameFields<typeof getTask, typeof TaskDetail>>, // getTask
  Expect<SameFields<typeof takeNextTask, ReturnType<typeof Task.nullable>>>, // takeNextTask
  Expect<SameFields<typeof releaseTask, typeof ReleasedTask>>, // releaseTask
  Expect<SameFields<typeof transferTask, typeof TransferredTask>>, // transferTask
  Expect<SameFields<typeof reassignTask, typeof ReassignedTask>>, // reassignTask
  Expect<SameFields<typeof openExigencia, typeof OpenedExigencia>>, // openExigencia
  Expect<SameFields<typeof answerExigencia, typeof AnsweredExigencia>>, // answerExigencia
  Expect<SameFields<typeof extendExigencia, typeof ExtendedExigencia>>, // extendExigencia
  Expect<SameFields<typeof listAppointmentSlots, typeof AppointmentSlots>>, // listAppointmentSlots
  Expect<SameFields<typeof scheduleAppointment, typeof Appointment>>, // scheduleAppointment
  Expect<SameFields<typeof rescheduleAppointment, typeof Appointment>>, // rescheduleAppointment
  Expect<SameFields<typeof recordAttendance, typeof Appointment>>, // recordAttendance
  Expect<SameFields<typeof registerPendency, typeof RequestTransition>>, // registerPendency
  Expect<SameFields<typeof resolvePendency, typeof RequestTransition>>, // resolvePendency
  Expect<SameFields<typeof decideRequest, typeof DecisionMade>>, // decideRequest
  Expect<SameFields<typeof fileAppeal, typeof FiledAppeal>>, // fileAppeal
  Expect<SameFields<typeof recordAppealDecision, typeof AppealDecision>>, // recordAppealDecision
  Expect<SameFields<typeof complyAppeal, typeof AppealCompliance>>, // complyAppeal
  Expect<SameFields<typeof actionPlanIndicators, typeof ActionPlanIndicators>>, // actionPlanIndicators
];
type Expect<T extends true> = T;

describe('response schemas of the requests routes', () => {
  it('name the fields their use cases return (checked by typecheck)', () => {
    const checked: Checks['length'] = 24;
    expect(checked).toBe(24);
  });
});
