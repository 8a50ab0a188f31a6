import { LocalDate } from '../../../platform/values/dates';
import { isInScope } from '../domain/scope';
import {
  DECISIONS,
  type Decision,
  type FrameTask,
  ORIGINS,
  type Origin,
  OUTCOMES,
  type Outcome,
  QUEUES,
  type Queue,
  type ServerRecord,
  type SupervisionRecord,
  SYSTEMS,
  type System,
} from '../domain/types';
import { CsvInputError, type CsvReadResult, type CsvRow, readCsv, readCsvRows } from './csv-reader';

/** Column sets of the CLI contract (issue 5). */
export const FRAME_COLUMNS = [
  'task_id',
  'protocol',
  'service_code',
  'species',
  'sr',
  'gex',
  'server_id',
  'queue',
  'system',
  'subtasks',
  'concluded_at',
  'decision',
] as const;
export const SUPERVISION_COLUMNS = [
  'supervision_id',
  'task_id',
  'server_id',
  'sr',
  'gex',
  'origin',
  'cycle',
  'concluded_at',
  'outcome',
] as const;
export const SERVER_COLUMNS = ['server_id', 'sr', 'gex', 'start_date'] as const;
export const REFERRAL_COLUMNS = ['server_id', 'cycle'] as const;

// Field positions in the arrays handed to callbacks (contract order).
export const F = {
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
  decision: 11,
} as const;

const dateCache = new Map<string, boolean>();
function checkDate(value: string, column: string, line: number): string {
  let ok = dateCache.get(value);
  if (ok === undefined) {
    ok = LocalDate.isValid(value);
    if (dateCache.size < 100_000) dateCache.set(value, ok);
  }
  if (!ok) throw new CsvInputError(line, `data inválida "${value}" na coluna ${column} (use AAAA-MM-DD).`);
  return value;
}

function checkEnum<T extends string>(value: string, allowed: readonly T[], column: string, line: number): T {
  // Small enums: a linear scan beats hashing.
  for (let k = 0; k < allowed.length; k++) if (allowed[k] === value) return value as T;
  throw new CsvInputError(
    line,
    `valor desconhecido "${value}" na coluna ${column} (valores aceitos: ${allowed.join(', ')}).`,
  );
}

function checkRequired(value: string, column: string, line: number): string {
  if (value.length === 0) throw new CsvInputError(line, `campo obrigatório vazio na coluna ${column}.`);
  return value;
}

export function splitSubtasks(raw: string): string[] {
  if (raw.length === 0) return [];
  return raw
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Validated frame row with the scope decision (art. 4) already taken. Valid only during the
 * callback; `row.get(F.x)` makes a string (only for the fields the caller keeps). Enums and dates
 * are validated for every row without allocating strings.
 */
export interface FrameRowView {
  row: CsvRow;
  line: number;
  queue: Queue;
  system: System;
  decision: Decision;
  inScope: boolean;
  /** concluded_at as the integer yyyymmdd (compare with dateKey()). */
  concludedKey: number;
}

/** "2025-10-31" → 20251031 (the caller has validated the format). */
export function dateKey(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** yyyymmdd of a field shaped NNNN-NN-NN, or -1 (any other shape, any non-digit). */
function dateFieldKey(row: CsvRow, k: number): number {
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

const dateKeyCache = new Map<number, boolean>();
/** Validates a YYYY-MM-DD field in place and returns its yyyymmdd key. */
function checkDateField(row: CsvRow, k: number, column: string): number {
  const key = dateFieldKey(row, k);
  let ok = key >= 0 ? dateKeyCache.get(key) : false;
  if (ok === undefined) {
    ok = LocalDate.isValid(row.get(k));
    if (dateKeyCache.size < 100_000) dateKeyCache.set(key, ok);
  }
  if (!ok)
    throw new CsvInputError(row.line, `data inválida "${row.get(k)}" na coluna ${column} (use AAAA-MM-DD).`);
  return key;
}

function checkEnumField<T extends string>(row: CsvRow, k: number, allowed: readonly T[], column: string): T {
  for (let j = 0; j < allowed.length; j++) if (row.equals(k, allowed[j]!)) return allowed[j]!;
  throw new CsvInputError(
    row.line,
    `valor desconhecido "${row.get(k)}" na coluna ${column} (valores aceitos: ${allowed.join(', ')}).`,
  );
}

function checkRequiredField(row: CsvRow, k: number, column: string): void {
  if (row.length(k) === 0) throw new CsvInputError(row.line, `campo obrigatório vazio na coluna ${column}.`);
}

export async function readFrame(path: string, onRow: (row: FrameRowView) => void): Promise<CsvReadResult> {
  // Nested caches (species → system → subtasks) for the scope decision: no per-row key string.
  const scopeCache = new Map<string, Record<System, Map<string, boolean>>>();
  const view: FrameRowView = {
    row: null as unknown as CsvRow,
    line: 0,
    queue: 'regular',
    system: 'PAT',
    decision: 'other',
    inScope: false,
    concludedKey: 0,
  };
  return readCsvRows(path, FRAME_COLUMNS, (row) => {
    checkRequiredField(row, F.taskId, 'task_id');
    checkRequiredField(row, F.sr, 'sr');
    checkRequiredField(row, F.serverId, 'server_id');
    const queue = checkEnumField(row, F.queue, QUEUES, 'queue');
    const system = checkEnumField(row, F.system, SYSTEMS, 'system');
    const decision = checkEnumField(row, F.decision, DECISIONS, 'decision');
    const concludedKey = checkDateField(row, F.concludedAt, 'concluded_at');
    const species = row.get(F.species);
    const subtasks = row.get(F.subtasks);
    let bySystem = scopeCache.get(species);
    if (!bySystem) {
      bySystem = { PAT: new Map(), SABI: new Map() };
      scopeCache.set(species, bySystem);
    }
    const bySubtasks = bySystem[system];
    let inScope = bySubtasks.get(subtasks);
    if (inScope === undefined) {
      inScope = isInScope(species, system, splitSubtasks(subtasks));
      if (bySubtasks.size < 10_000) bySubtasks.set(subtasks, inScope);
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

export function frameTaskOf(v: FrameRowView): FrameTask {
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
    decision: v.decision,
  };
}

/**
 * Reads a supervisions file. `nonconformities` (criterion codes separated by `;`) is an optional
 * extra column used only by the report; the contract's columns are all required.
 */
/** Positions in the supervisions arrays (contract order). */
export const S = {
  supervisionId: 0,
  taskId: 1,
  serverId: 2,
  sr: 3,
  gex: 4,
  origin: 5,
  cycle: 6,
  concludedAt: 7,
  outcome: 8,
} as const;

export interface SupervisionRowView {
  row: CsvRow;
  origin: Origin;
  /** null while pending (no conclusion date). */
  outcome: Outcome | null;
}

/**
 * Lazy, validating reader of a supervisions file (same rules as readSupervisions) for the
 * aggregations over 200,000+ rows: the callback asks only for the strings it needs.
 */
export async function readSupervisionRows(path: string, onRow: (v: SupervisionRowView) => void) {
  const view: SupervisionRowView = { row: null as unknown as CsvRow, origin: 'random', outcome: null };
  return readCsvRows(
    path,
    SUPERVISION_COLUMNS,
    (row) => {
      checkRequiredField(row, S.supervisionId, 'supervision_id');
      checkRequiredField(row, S.serverId, 'server_id');
      checkRequiredField(row, S.cycle, 'cycle');
      const origin = checkEnumField(row, S.origin, ORIGINS, 'origin');
      const concluded = row.length(S.concludedAt) > 0;
      if (concluded) checkDateField(row, S.concludedAt, 'concluded_at');
      const outcome =
        row.length(S.outcome) === 0 ? null : checkEnumField(row, S.outcome, OUTCOMES, 'outcome');
      if (outcome !== null && !concluded) {
        throw new CsvInputError(row.line, 'supervisão com resultado (outcome) precisa de concluded_at.');
      }
      view.row = row;
      view.origin = origin;
      view.outcome = concluded ? outcome : null;
      onRow(view);
    },
    ['nonconformities'],
  );
}

export async function readSupervisions(
  path: string,
  onRow: (s: SupervisionRecord, line: number, nonconformities: string[]) => void,
) {
  return readCsv(
    path,
    SUPERVISION_COLUMNS,
    (f, line) => {
      const origin = checkEnum<Origin>(f[5]!, ORIGINS, 'origin', line);
      const concludedAt = f[7]! === '' ? null : checkDate(f[7]!, 'concluded_at', line);
      const outcome = f[8]! === '' ? null : checkEnum<Outcome>(f[8]!, OUTCOMES, 'outcome', line);
      if (outcome !== null && concludedAt === null) {
        throw new CsvInputError(line, 'supervisão com resultado (outcome) precisa de concluded_at.');
      }
      onRow(
        {
          supervisionId: checkRequired(f[0]!, 'supervision_id', line),
          taskId: f[1]!,
          serverId: checkRequired(f[2]!, 'server_id', line),
          sr: f[3]!,
          gex: f[4]!,
          origin,
          cycle: checkRequired(f[6]!, 'cycle', line),
          concludedAt,
          // A pending supervision (no conclusion date) has no outcome yet.
          outcome: concludedAt === null ? null : outcome,
        },
        line,
        splitSubtasks(f[9]!),
      );
    },
    ['nonconformities'],
  );
}

export async function readServers(path: string): Promise<ServerRecord[]> {
  const out: ServerRecord[] = [];
  await readCsv(path, SERVER_COLUMNS, (f, line) => {
    out.push({
      serverId: checkRequired(f[0]!, 'server_id', line),
      sr: f[1]!,
      gex: f[2]!,
      startDate: checkDate(f[3]!, 'start_date', line),
    });
  });
  return out;
}

export async function readPreviousReferrals(path: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  await readCsv(path, REFERRAL_COLUMNS, (f, line) => {
    const id = checkRequired(f[0]!, 'server_id', line);
    const cycle = checkRequired(f[1]!, 'cycle', line);
    const list = out.get(id);
    if (list) list.push(cycle);
    else out.set(id, [cycle]);
  });
  return out;
}
