import type { AuditLog } from './audit/audit';
import type { Config } from './config/config';
import type { Database } from './db/database';
import type { Logger } from './log/logger';
import type { Outbox } from './outbox/outbox';

export interface Clock {
  now(): Date;
}

/** Everything a use case may need, passed in explicitly (no globals). */
export interface Deps {
  config: Config;
  log: Logger;
  db: Database;
  audit: AuditLog;
  outbox: Outbox;
  clock: Clock;
}
