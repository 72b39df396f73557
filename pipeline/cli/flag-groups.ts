/**
 * The groups `--help` lists flags in, and which flags belong to one source. Stages say where their
 * flags go (`cliGroup` on the stage, `group` on a flag), so a new stage's flags slot into the right
 * group without changes here; a source group is also the rule for when its flags apply.
 */
import { UserError } from '../errors';
import type { CliFlag, FlagGroup, StageDefinition } from '../runner/stage';

/** Help headings in the order `--help` shows them. */
export const GROUP_HEADINGS: Record<FlagGroup | 'run', string> = {
  run: 'Run:',
  input: 'Sources — your own files (tasks and canonical trajectories):',
  simulate: 'Sources — simulate (the default when no trajectories or imports are given):',
  import: 'Sources — import other tools’ files:',
  collect: 'Sources — collect rollouts from a model endpoint:',
  analysis: 'Analysis:',
  experiments: 'Experiments with a model server (on request: --score, --swap):',
  report: 'Report:',
  performance: 'Performance and sharding:',
};

/** Groups whose flags apply only when that source produces the run's trajectories. */
export const SOURCE_GROUPS: readonly FlagGroup[] = ['simulate', 'import', 'collect'];

/** The group of a flag of a stage. */
export function flagGroup(stage: Pick<StageDefinition, 'cliGroup'>, flag: CliFlag): FlagGroup {
  return flag.group ?? stage.cliGroup ?? 'analysis';
}

/** What to say about a run's source in an error. */
const SOURCE_WORDS: Record<string, string> = {
  simulate: 'simulates its data',
  import: 'imports files with --import',
  collect: 'collects rollouts with --collect',
  merge: 'merges shard runs with --merge',
  files: 'reads canonical trajectories given with --trajectories',
};

/**
 * Refuses source flags given for another source (`--quick` with `--import`): silently ignoring them
 * would run something other than what was asked. `given` lists the flags on the command line (a flag
 * several stages declare once per stage); a flag that a stage outside the sources declares too (`--policy`:
 * import's policy name, and the policies score scores) applies whatever the source.
 */
export function checkSourceFlags(given: readonly { flag: CliFlag; group: FlagGroup }[], source: string): void {
  const shared = new Set(given.filter(({ group }) => !SOURCE_GROUPS.includes(group)).map(({ flag }) => flag.flags));
  const wrong = given.filter(({ flag, group }) => SOURCE_GROUPS.includes(group) && group !== source && !shared.has(flag.flags));
  if (wrong.length === 0) return;
  const names = [...new Set(wrong.map(({ flag }) => flag.flags.split(/[ ,]/)[0]!))];
  const groups = [...new Set(wrong.map(({ group }) => group))];
  throw new UserError(
    `${names.join(', ')} ${names.length === 1 ? 'applies' : 'apply'} only when the run ${groups.map((g) => SOURCE_WORDS[g] ?? `uses the ${g} source`).join(' or ')}, but this run ${SOURCE_WORDS[source] ?? `uses the ${source} source`}.`,
    `Remove ${names.join(', ')}, or choose that source (npm run pipeline -- --help lists the flags of each source).`,
  );
}
