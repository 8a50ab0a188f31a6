import { BusinessDays, LocalDate } from '../../../platform/values/dates';

/**
 * The legal-deadline clock of a request (acordo homologado pelo STF no RE 1.171.152/SC, 2021).
 *
 * - Maximum days per benefit species: cláusula 2ª of the agreement, table in
 *   data/reference/prazos_acordo_stf_re1171152.csv (30/45/60/90 days).
 * - The clock starts at the end of the instruction ("encerramento da instrução"): the DER when
 *   no medical exam / social evaluation is required, otherwise the day the last required one is
 *   attended (cláusula 2ª, as summarised in the CSV's `contagem` column).
 * - It is suspended while an exigência waits for the citizen and runs again when the exigência is
 *   answered or its term expires.
 * - Calendar or business days? The agreement says "dias" and never "dias úteis"; administrative
 *   deadlines in federal processes are counted by Lei 9.784/1999, art. 66: continuously (§ 2º,
 *   calendar days), excluding the start day and including the last (caput), and a term that ends
 *   on a day without office hours is extended to the next business day (§ 1º). We count calendar
 *   days and roll the due date forward with BusinessDays (national holidays and pontos
 *   facultativos).
 *
 * The clock is stored as events (req_clock_events); everything here is computed from them.
 */

export type ClockEventKind = 'start' | 'pause' | 'resume' | 'stop';

export interface ClockEvent {
  kind: ClockEventKind;
  on: string; // LocalDate
}

export interface ClockStatus {
  /** 'not_started' until the instruction ends; 'running'; 'paused' during an exigência; 'stopped' once decided. */
  state: 'not_started' | 'running' | 'paused' | 'stopped';
  maxDays: number;
  /** Calendar days the clock has run (pauses excluded), as of `at` (or the stop date). */
  elapsedDays: number;
  /** Calendar days paused so far. */
  pausedDays: number;
  /**
   * Effective due date (art. 66 § 1º: rolled to a business day). While paused, the date it
   * would be if the clock resumed on `at`; null before the clock starts.
   */
  dueDate: LocalDate | null;
  /** Days left until the due date (negative when overdue); maxDays before the start. */
  remainingDays: number;
  /** True when `at` (or the stop date) is after the effective due date. */
  isOverdue: boolean;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
}

export class ClockError extends Error {}

/** Checks that the events form a valid sequence: start (pause resume)* [pause] [stop]. */
export function validateClockEvents(events: readonly ClockEvent[]): void {
  let state: ClockStatus['state'] = 'not_started';
  let last: string | null = null;
  for (const e of events) {
    if (last !== null && LocalDate.daysBetween(last, e.on) < 0) {
      throw new ClockError(`evento do prazo fora de ordem: ${e.kind} em ${e.on} após ${last}`);
    }
    last = e.on;
    const ok =
      (e.kind === 'start' && state === 'not_started') ||
      (e.kind === 'pause' && state === 'running') ||
      (e.kind === 'resume' && state === 'paused') ||
      (e.kind === 'stop' && (state === 'running' || state === 'paused' || state === 'not_started'));
    if (!ok) throw new ClockError(`evento do prazo inválido: ${e.kind} com o prazo em ${state}`);
    state = e.kind === 'start' || e.kind === 'resume' ? 'running' : e.kind === 'pause' ? 'paused' : 'stopped';
  }
}

/** Whether a given clock transition is valid now (for use cases deciding which event to append). */
export function clockState(events: readonly ClockEvent[]): ClockStatus['state'] {
  let state: ClockStatus['state'] = 'not_started';
  for (const e of events) {
    state = e.kind === 'start' || e.kind === 'resume' ? 'running' : e.kind === 'pause' ? 'paused' : 'stopped';
  }
  return state;
}

/** Rolls a date forward to the next business day (Lei 9.784/1999, art. 66, § 1º). */
export function rollToBusinessDay(d: string): LocalDate {
  return BusinessDays.add(d, 0);
}

/**
 * The clock as of date `at`. Pure: same events, same answer. Day arithmetic: a segment
 * [from, to) counts `to − from` days, so the start day itself is excluded (art. 66 caput) and
 * a pause opened and answered on the same day suspends nothing.
 */
export function computeClock(events: readonly ClockEvent[], maxDays: number, at: string): ClockStatus {
  validateClockEvents(events);
  let state: ClockStatus['state'] = 'not_started';
  let startedOn: string | null = null;
  let runningSince: string | null = null;
  let pausedSince: string | null = null;
  let elapsed = 0;
  let paused = 0;
  let stoppedOn: string | null = null;
  for (const e of events) {
    if (LocalDate.daysBetween(e.on, at) < 0) break; // events after `at` are not yet known at `at`
    switch (e.kind) {
      case 'start':
        startedOn = e.on;
        runningSince = e.on;
        state = 'running';
        break;
      case 'pause':
        elapsed += LocalDate.daysBetween(runningSince as string, e.on);
        runningSince = null;
        pausedSince = e.on;
        state = 'paused';
        break;
      case 'resume':
        paused += LocalDate.daysBetween(pausedSince as string, e.on);
        pausedSince = null;
        runningSince = e.on;
        state = 'running';
        break;
      case 'stop':
        if (runningSince !== null) elapsed += LocalDate.daysBetween(runningSince, e.on);
        if (pausedSince !== null) paused += LocalDate.daysBetween(pausedSince, e.on);
        runningSince = null;
        pausedSince = null;
        stoppedOn = e.on;
        state = 'stopped';
        break;
    }
  }
  if (startedOn === null) {
    return {
      state: state === 'stopped' ? 'stopped' : 'not_started',
      maxDays,
      elapsedDays: 0,
      pausedDays: 0,
      dueDate: null,
      remainingDays: maxDays,
      isOverdue: false,
      daysOverdue: 0,
    };
  }
  const ref = stoppedOn ?? at;
  if (runningSince !== null) elapsed += LocalDate.daysBetween(runningSince, ref);
  if (pausedSince !== null) paused += LocalDate.daysBetween(pausedSince, ref);
  // The raw due date moves by every paused day; while paused we show the date it would have if
  // the clock ran again today.
  const dueDate = rollToBusinessDay(LocalDate.addDays(startedOn, maxDays + paused));
  const remaining = LocalDate.daysBetween(ref, dueDate);
  const overdueDays = Math.max(0, -remaining);
  return {
    state,
    maxDays,
    elapsedDays: elapsed,
    pausedDays: paused,
    dueDate,
    remainingDays: remaining,
    isOverdue: overdueDays > 0,
    daysOverdue: overdueDays,
  };
}
