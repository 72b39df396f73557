import cliProgress from 'cli-progress';
import type { Progress } from './stage';

const SILENT: Progress = { tick() {}, setTotal() {}, stop() {} };

/** True when progress bars may be drawn: stderr is a terminal and CI is not set. */
export function progressEnabled(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !process.env.CI;
}

/** A progress bar on stderr, or a silent one when bars are off. */
export function createProgress(label: string, total: number | undefined, enabled: boolean): Progress {
  if (!enabled) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: total ? `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted}` : `${label} {value}`,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    tick: (n = 1) => bar.increment(n),
    setTotal: (value) => bar.setTotal(value),
    stop: () => bar.stop(),
  };
}
