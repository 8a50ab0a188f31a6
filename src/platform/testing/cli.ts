import { spawnSync } from 'node:child_process';
import { projectPath } from '../paths';

export const BIN = projectPath('bin/previdencia');

/** Runs bin/previdencia as an operator would: a real process, quiet logs, stdin optional. */
export function runCli(
  args: string[],
  opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'development', ...opts.env },
    timeout: opts.timeoutMs ?? 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
