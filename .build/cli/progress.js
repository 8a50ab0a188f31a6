import cliProgress from "cli-progress";
function progressBar(label, total) {
  if (!process.stderr.isTTY) {
    return { increment() {
    }, update() {
    }, stop() {
    } };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(32)} |{bar}| {percentage}% \xB7 {value}/{total} \xB7 {eta_formatted} restantes`,
      stream: process.stderr,
      hideCursor: true
    },
    cliProgress.Presets.shades_classic
  );
  bar.start(total, 0);
  return {
    increment: (n = 1) => bar.increment(n),
    update: (v) => bar.update(v),
    stop: () => bar.stop()
  };
}
export {
  progressBar
};
