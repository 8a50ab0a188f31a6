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
import { CsvInputError, type CsvReadResult, readCsv } from './csv-reader';

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
 * Validated frame row with the scope decision (art. 4) already taken. `fields` is reused between
 * rows (copy what you keep); enums and dates are validated for every row.
 */
export interface FrameRowView {
  fields: string[];
  line: number;
  queue: Queue;
  system: System;
  decision: Decision;
  inScope: boolean;
}

export async function readFrame(path: string, onRow: (row: FrameRowView) => void): Promise<CsvReadResult> {
  const scopeCache = new Map<string, Record<System, Map<string, boolean>>>();
  const view: FrameRowView = {
    fields: [],
    line: 0,
    queue: 'regular',
    system: 'PAT',
    decision: 'other',
    inScope: false,
  };
  return readCsv(path, FRAME_COLUMNS, (f, line) => {
    checkRequired(f[F.taskId]!, 'task_id', line);
    checkRequired(f[F.sr]!, 'sr', line);
    checkRequired(f[F.serverId]!, 'server_id', line);
    const queue = checkEnum(f[F.queue]!, QUEUES, 'queue', line);
    const system = checkEnum(f[F.system]!, SYSTEMS, 'system', line);
    const decision = checkEnum(f[F.decision]!, DECISIONS, 'decision', line);
    checkDate(f[F.concludedAt]!, 'concluded_at', line);
    const species = f[F.species]!;
    const subtasks = f[F.subtasks]!;
    // Nested caches (species → system → subtasks): no per-row key concatenation.
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
    view.fields = f;
    view.line = line;
    view.queue = queue;
    view.system = system;
    view.decision = decision;
    view.inScope = inScope;
    onRow(view);
  });
}

export function frameTaskOf(row: FrameRowView): FrameTask {
  const f = row.fields;
  return {
    taskId: f[F.taskId]!,
    protocol: f[F.protocol]!,
    serviceCode: f[F.serviceCode]!,
    species: f[F.species]!,
    sr: f[F.sr]!,
    gex: f[F.gex]!,
    serverId: f[F.serverId]!,
    queue: row.queue,
    system: row.system,
    subtasks: splitSubtasks(f[F.subtasks]!),
    concludedAt: f[F.concludedAt]!,
    decision: row.decision,
  };
}

/**
 * Reads a supervisions file. `nonconformities` (criterion codes separated by `;`) is an optional
 * extra column used only by the report; the contract's columns are all required.
 */
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
