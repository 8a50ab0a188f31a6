import { LocalDate } from "../../../platform/values/dates.js";
import { isInScope } from "../domain/scope.js";
import {
  DECISIONS,
  ORIGINS,
  OUTCOMES,
  QUEUES,
  SYSTEMS
} from "../domain/types.js";
import { CsvInputError, readCsv, readCsvRows } from "./csv-reader.js";
const FRAME_COLUMNS = [
  "task_id",
  "protocol",
  "service_code",
  "species",
  "sr",
  "gex",
  "server_id",
  "queue",
  "system",
  "subtasks",
  "concluded_at",
  "decision"
];
const SUPERVISION_COLUMNS = [
  "supervision_id",
  "task_id",
  "server_id",
  "sr",
  "gex",
  "origin",
  "cycle",
  "concluded_at",
  "outcome"
];
const SERVER_COLUMNS = ["server_id", "sr", "gex", "start_date"];
const REFERRAL_COLUMNS = ["server_id", "cycle"];
const F = {
  taskId: 0,
  protocol: 1,
  serviceCode: 2,
  species: 3,
  sr: 4,
  gex: 5,
  serverId: 6,
  queue: 7,
  system: 8,
  subtasks: 9,
  concludedAt: 10,
  decision: 11
};
const dateCache = /* @__PURE__ */ new Map();
function checkDate(value, column, line) {
  let ok = dateCache.get(value);
  if (ok === void 0) {
    ok = LocalDate.isValid(value);
    if (dateCache.size < 1e5) dateCache.set(value, ok);
  }
  if (!ok) throw new CsvInputError(line, `data inv\xE1lida "${value}" na coluna ${column} (use AAAA-MM-DD).`);
  return value;
}
function checkEnum(value, allowed, column, line) {
  for (let k = 0; k < allowed.length; k++) if (allowed[k] === value) return value;
  throw new CsvInputError(
    line,
    `valor desconhecido "${value}" na coluna ${column} (valores aceitos: ${allowed.join(", ")}).`
  );
}
function checkRequired(value, column, line) {
  if (value.length === 0) throw new CsvInputError(line, `campo obrigat\xF3rio vazio na coluna ${column}.`);
  return value;
}
function splitSubtasks(raw) {
  if (raw.length === 0) return [];
  return raw.split(";").map((s) => s.trim()).filter((s) => s.length > 0);
}
function dateKey(iso) {
  return Number(iso.slice(0, 4)) * 1e4 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}
function dateFieldKey(row, k) {
  if (row.length(k) !== 10 || row.charCodeAt(k, 4) !== 45 || row.charCodeAt(k, 7) !== 45) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = row.charCodeAt(k, i) - 48;
    if (c < 0 || c > 9) return -1;
    key = key * 10 + c;
  }
  return key;
}
const dateKeyCache = /* @__PURE__ */ new Map();
function checkDateField(row, k, column) {
  const key = dateFieldKey(row, k);
  let ok = key >= 0 ? dateKeyCache.get(key) : false;
  if (ok === void 0) {
    ok = LocalDate.isValid(row.get(k));
    if (dateKeyCache.size < 1e5) dateKeyCache.set(key, ok);
  }
  if (!ok)
    throw new CsvInputError(row.line, `data inv\xE1lida "${row.get(k)}" na coluna ${column} (use AAAA-MM-DD).`);
  return key;
}
function checkEnumField(row, k, allowed, column) {
  for (let j = 0; j < allowed.length; j++) if (row.equals(k, allowed[j])) return allowed[j];
  throw new CsvInputError(
    row.line,
    `valor desconhecido "${row.get(k)}" na coluna ${column} (valores aceitos: ${allowed.join(", ")}).`
  );
}
function checkRequiredField(row, k, column) {
  if (row.length(k) === 0) throw new CsvInputError(row.line, `campo obrigat\xF3rio vazio na coluna ${column}.`);
}
async function readFrame(path, onRow) {
  const scopeCache = /* @__PURE__ */ new Map();
  const view = {
    row: null,
    line: 0,
    queue: "regular",
    system: "PAT",
    decision: "other",
    inScope: false,
    concludedKey: 0
  };
  return readCsvRows(path, FRAME_COLUMNS, (row) => {
    checkRequiredField(row, F.taskId, "task_id");
    checkRequiredField(row, F.sr, "sr");
    checkRequiredField(row, F.serverId, "server_id");
    const queue = checkEnumField(row, F.queue, QUEUES, "queue");
    const system = checkEnumField(row, F.system, SYSTEMS, "system");
    const decision = checkEnumField(row, F.decision, DECISIONS, "decision");
    const concludedKey = checkDateField(row, F.concludedAt, "concluded_at");
    const species = row.get(F.species);
    const subtasks = row.get(F.subtasks);
    let bySystem = scopeCache.get(species);
    if (!bySystem) {
      bySystem = { PAT: /* @__PURE__ */ new Map(), SABI: /* @__PURE__ */ new Map() };
      scopeCache.set(species, bySystem);
    }
    const bySubtasks = bySystem[system];
    let inScope = bySubtasks.get(subtasks);
    if (inScope === void 0) {
      inScope = isInScope(species, system, splitSubtasks(subtasks));
      if (bySubtasks.size < 1e4) bySubtasks.set(subtasks, inScope);
    }
    view.row = row;
    view.line = row.line;
    view.queue = queue;
    view.system = system;
    view.decision = decision;
    view.inScope = inScope;
    view.concludedKey = concludedKey;
    onRow(view);
  });
}
function frameTaskOf(v) {
  const r = v.row;
  return {
    taskId: r.get(F.taskId),
    protocol: r.get(F.protocol),
    serviceCode: r.get(F.serviceCode),
    species: r.get(F.species),
    sr: r.get(F.sr),
    gex: r.get(F.gex),
    serverId: r.get(F.serverId),
    queue: v.queue,
    system: v.system,
    subtasks: splitSubtasks(r.get(F.subtasks)),
    concludedAt: r.get(F.concludedAt),
    decision: v.decision
  };
}
const S = {
  supervisionId: 0,
  taskId: 1,
  serverId: 2,
  sr: 3,
  gex: 4,
  origin: 5,
  cycle: 6,
  concludedAt: 7,
  outcome: 8
};
async function readSupervisionRows(path, onRow) {
  const view = { row: null, origin: "random", outcome: null };
  return readCsvRows(
    path,
    SUPERVISION_COLUMNS,
    (row) => {
      checkRequiredField(row, S.supervisionId, "supervision_id");
      checkRequiredField(row, S.serverId, "server_id");
      checkRequiredField(row, S.cycle, "cycle");
      const origin = checkEnumField(row, S.origin, ORIGINS, "origin");
      const concluded = row.length(S.concludedAt) > 0;
      if (concluded) checkDateField(row, S.concludedAt, "concluded_at");
      const outcome = row.length(S.outcome) === 0 ? null : checkEnumField(row, S.outcome, OUTCOMES, "outcome");
      if (outcome !== null && !concluded) {
        throw new CsvInputError(row.line, "supervis\xE3o com resultado (outcome) precisa de concluded_at.");
      }
      view.row = row;
      view.origin = origin;
      view.outcome = concluded ? outcome : null;
      onRow(view);
    },
    ["nonconformities"]
  );
}
async function readSupervisions(path, onRow) {
  return readCsv(
    path,
    SUPERVISION_COLUMNS,
    (f, line) => {
      const origin = checkEnum(f[5], ORIGINS, "origin", line);
      const concludedAt = f[7] === "" ? null : checkDate(f[7], "concluded_at", line);
      const outcome = f[8] === "" ? null : checkEnum(f[8], OUTCOMES, "outcome", line);
      if (outcome !== null && concludedAt === null) {
        throw new CsvInputError(line, "supervis\xE3o com resultado (outcome) precisa de concluded_at.");
      }
      onRow(
        {
          supervisionId: checkRequired(f[0], "supervision_id", line),
          taskId: f[1],
          serverId: checkRequired(f[2], "server_id", line),
          sr: f[3],
          gex: f[4],
          origin,
          cycle: checkRequired(f[6], "cycle", line),
          concludedAt,
          // A pending supervision (no conclusion date) has no outcome yet.
          outcome: concludedAt === null ? null : outcome
        },
        line,
        splitSubtasks(f[9])
      );
    },
    ["nonconformities"]
  );
}
async function readServers(path) {
  const out = [];
  await readCsv(path, SERVER_COLUMNS, (f, line) => {
    out.push({
      serverId: checkRequired(f[0], "server_id", line),
      sr: f[1],
      gex: f[2],
      startDate: checkDate(f[3], "start_date", line)
    });
  });
  return out;
}
async function readPreviousReferrals(path) {
  const out = /* @__PURE__ */ new Map();
  await readCsv(path, REFERRAL_COLUMNS, (f, line) => {
    const id = checkRequired(f[0], "server_id", line);
    const cycle = checkRequired(f[1], "cycle", line);
    const list = out.get(id);
    if (list) list.push(cycle);
    else out.set(id, [cycle]);
  });
  return out;
}
export {
  F,
  FRAME_COLUMNS,
  REFERRAL_COLUMNS,
  S,
  SERVER_COLUMNS,
  SUPERVISION_COLUMNS,
  dateKey,
  frameTaskOf,
  readFrame,
  readPreviousReferrals,
  readServers,
  readSupervisionRows,
  readSupervisions,
  splitSubtasks
};
