import { readFileSync } from 'node:fs';
import { projectPath } from '../../platform/paths';
import { type DeadlineTable, deadlineTable, parseDeadlineCsv } from './domain/species';

/** Reads the STF agreement table once (data/reference/prazos_acordo_stf_re1171152.csv). */
const FILE = projectPath('data/reference/prazos_acordo_stf_re1171152.csv');
let cached: DeadlineTable | null = null;

export function stfDeadlines(): DeadlineTable {
  cached ??= deadlineTable(parseDeadlineCsv(readFileSync(FILE, 'utf8')));
  return cached;
}
