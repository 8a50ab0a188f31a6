import { BusinessDays, LocalDate } from "../../../platform/values/dates.js";
class ClockError extends Error {
}
function validateClockEvents(events) {
  let state = "not_started";
  let last = null;
  for (const e of events) {
    if (last !== null && LocalDate.daysBetween(last, e.on) < 0) {
      throw new ClockError(`evento do prazo fora de ordem: ${e.kind} em ${e.on} ap\xF3s ${last}`);
    }
    last = e.on;
    const ok = e.kind === "start" && state === "not_started" || e.kind === "pause" && state === "running" || e.kind === "resume" && state === "paused" || e.kind === "stop" && (state === "running" || state === "paused" || state === "not_started");
    if (!ok) throw new ClockError(`evento do prazo inv\xE1lido: ${e.kind} com o prazo em ${state}`);
    state = e.kind === "start" || e.kind === "resume" ? "running" : e.kind === "pause" ? "paused" : "stopped";
  }
}
function clockState(events) {
  let state = "not_started";
  for (const e of events) {
    state = e.kind === "start" || e.kind === "resume" ? "running" : e.kind === "pause" ? "paused" : "stopped";
  }
  return state;
}
function rollToBusinessDay(d) {
  return BusinessDays.add(d, 0);
}
function computeClock(events, maxDays, at) {
  validateClockEvents(events);
  let state = "not_started";
  let startedOn = null;
  let runningSince = null;
  let pausedSince = null;
  let elapsed = 0;
  let paused = 0;
  let stoppedOn = null;
  for (const e of events) {
    if (LocalDate.daysBetween(e.on, at) < 0) break;
    switch (e.kind) {
      case "start":
        startedOn = e.on;
        runningSince = e.on;
        state = "running";
        break;
      case "pause":
        elapsed += LocalDate.daysBetween(runningSince, e.on);
        runningSince = null;
        pausedSince = e.on;
        state = "paused";
        break;
      case "resume":
        paused += LocalDate.daysBetween(pausedSince, e.on);
        pausedSince = null;
        runningSince = e.on;
        state = "running";
        break;
      case "stop":
        if (runningSince !== null) elapsed += LocalDate.daysBetween(runningSince, e.on);
        if (pausedSince !== null) paused += LocalDate.daysBetween(pausedSince, e.on);
        runningSince = null;
        pausedSince = null;
        stoppedOn = e.on;
        state = "stopped";
        break;
    }
  }
  if (startedOn === null) {
    return {
      state: state === "stopped" ? "stopped" : "not_started",
      maxDays,
      elapsedDays: 0,
      pausedDays: 0,
      dueDate: null,
      remainingDays: maxDays,
      isOverdue: false,
      daysOverdue: 0
    };
  }
  const ref = stoppedOn ?? at;
  if (runningSince !== null) elapsed += LocalDate.daysBetween(runningSince, ref);
  if (pausedSince !== null) paused += LocalDate.daysBetween(pausedSince, ref);
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
    daysOverdue: overdueDays
  };
}
export {
  ClockError,
  clockState,
  computeClock,
  rollToBusinessDay,
  validateClockEvents
};
