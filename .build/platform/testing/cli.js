import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
const BIN = resolve(import.meta.dirname, "../../../bin/previdencia");
function runCli(args, opts = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input,
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent", NODE_ENV: "development", ...opts.env },
    timeout: opts.timeoutMs ?? 12e4
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
export {
  BIN,
  runCli
};
