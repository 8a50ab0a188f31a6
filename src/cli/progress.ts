import cliProgress from 'cli-progress';
import type { Progress } from '../platform/module';

/** A progress bar on stderr for long jobs; silent when stderr is not a terminal (CI, pipes, tests). */
export function progressBar(label: string, total: number): Progress {
  if (!process.stderr.isTTY) {
    return { increment() {}, update() {}, stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(32)} |{bar}| {percentage}% · {value}/{total} · {eta_formatted} restantes`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    increment: (n = 1) => bar.increment(n),
    update: (v) => bar.update(v),
    stop: () => bar.stop(),
  };
}
