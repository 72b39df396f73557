/**
 * The collector's progress bar on stderr: episodes done, episodes per second and the time left. Off
 * (silent) when stderr is not a terminal or CI is set, like every bar of the pipeline.
 */
import cliProgress from 'cli-progress';
import { progressEnabled } from '../runner/progress';
import type { Progress } from '../runner/stage';

/** A bar over `total` episodes. */
export function episodeBar(total: number, enabled = progressEnabled()): Progress {
  if (!enabled) return { tick() {}, setTotal() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'collect [{bar}] {percentage}% {value}/{total} episodes | {rate} episodes/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      fps: 4,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  bar.start(total, 0, { rate: '0.0' });
  return {
    tick: (n = 1) => {
      done += n;
      bar.increment(n, { rate: (done / Math.max((performance.now() - started) / 1000, 1e-3)).toFixed(1) });
    },
    setTotal: (value) => bar.setTotal(value),
    stop: () => bar.stop(),
  };
}
