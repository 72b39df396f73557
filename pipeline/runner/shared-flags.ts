/**
 * Command-line flags shared by several stages (passkt, boundary, label, compare): the CLI sets a flag
 * on every stage that declares it, so `--base rl` changes them all.
 */
import type { CliFlag } from './stage';

/** `--base <policy>`: the policy every other one is compared with. */
export const BASE_FLAG: CliFlag = {
  flags: '--base <policy>',
  description: 'the reference policy of every comparison (default: base)',
  param: 'base',
};

/** `--resamples <n>`: bootstrap resamples over tasks. */
export const RESAMPLES_FLAG: CliFlag = {
  flags: '--resamples <n>',
  description: 'bootstrap resamples over tasks for the intervals (default: 1000; 0 = no intervals)',
  param: 'resamples',
  parse: (value) => Number(value),
};

/** `--workers <n>`: worker threads for per-episode work (ingest's parsing, label's labeling). */
export const WORKERS_FLAG: CliFlag = {
  flags: '--workers <n>',
  description: 'worker threads for ingest and label (default auto: one per core, up to 4, on large inputs; 0 = none)',
  param: 'workers',
  group: 'performance',
  parse: (value) => (value === 'auto' ? 'auto' : Number(value)),
};
