import type { Command } from 'commander';
import type { Role } from './auth/roles';
import type { Deps } from './deps';
import type { AppInstance } from './http/types';
import type { JobDefinition } from './jobs/jobs';
import type { EventConsumer } from './outbox/types';

/**
 * What a bounded context contributes to the platform. Every module exports one of these from
 * `src/modules/<name>/module.ts`; `src/modules/registry.ts` lists them in dependency order
 * (migrations run in that order, routes and CLI commands are registered from it).
 */
export interface ModuleDefinition {
  name: string;
  /** Absolute path of a folder of `NNNN_description.sql` files, applied in name order, once. */
  migrationsDir?: string;
  /** Permissions this module's routes declare, with the roles that hold each one. */
  permissions?: Record<string, { description: string; roles: readonly Role[] }>;
  /** Registers Fastify routes (each with `config.permission` and Zod schemas). */
  routes?: (app: AppInstance, deps: Deps) => void | Promise<void>;
  /** Adds subcommands to `bin/previdencia`. */
  cli?: (program: Command, ctx: CliContext) => void;
  /** Loads deterministic demo data; runs once, in registry order, after migrations. */
  demoSeed?: (deps: Deps, ctx: SeedContext) => Promise<void>;
  /** Outbox event consumers (at-least-once delivery, deduplicated per consumer). */
  consumers?: readonly EventConsumer[];
  /** Background jobs run by pg-boss (scheduled with cron, or sent by use cases). */
  jobs?: readonly JobDefinition[];
}

export interface CliContext {
  /** Opens the database and the rest of the platform on first call (commands that need no DB never pay for it). */
  deps(): Promise<Deps>;
  /** A progress bar on stderr (no-op when stderr is not a TTY or in tests). */
  progress(label: string, total: number): Progress;
}

export interface SeedContext {
  progress(label: string, total: number): Progress;
  /** Deterministic pseudo-random numbers for demo data (same seed, same data). */
  random(): number;
  /** A line for the operator, printed after seeding (e.g. a token shown once). */
  note?(text: string): void;
}

export interface Progress {
  increment(n?: number): void;
  update(value: number): void;
  stop(): void;
}
