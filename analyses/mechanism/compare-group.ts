/**
 * Compares every policy of a (family, budget) group with the base policy: strategy frequencies,
 * shift-share decomposition and retrieval-vs-integration, all resampled with one shared task bootstrap
 * per comparison (so the intervals of one comparison come from the same replicates).
 */
import type { Rng } from '../random/rng';
import { budgetValue, compareBudgetKeys } from '../budget';
import type { ComparisonBootstrap, ComparisonKey } from './comparison-key';
import { type DecompositionRow, decompositionRows } from './decomposition-rows';
import { type FrequencyRow, frequencyRows } from './frequency-rows';
import type { GroupEpisodes } from './group-episodes';
import { retrievalPairTable, schemePairTable, selectPair } from './pair-selection';
import type { RetrievalDefinition } from './retrieval-success';
import { THIN_DEFAULTS, type ThinThresholds } from './thin-terms';
import { type RetrievalDecompositionRow, retrievalDecompositionRows } from './retrieval-rows';
import { drawTaskResamples } from '../stats/task-bootstrap';
import { compareText } from '../stats/compare-text';

/** How to compare. */
export interface CompareOptions {
  /** The reference policy every other policy is compared with. */
  base: string;
  /** Bootstrap replicates per comparison. */
  resamples: number;
  /** Interval level, e.g. 0.95. */
  level: number;
  /** Seeded source; each comparison forks its own stream from its key, so results do not depend on order. */
  rng: Rng;
  /** The scheme that splits the retrieval decomposition per strategy (default `label`; none: only the `all` row). */
  retrievalScheme?: string;
  /** Retrieval definition of each family (families without one get no retrieval rows). */
  definitions: ReadonlyMap<string, RetrievalDefinition>;
  /** When a strategy cell is thin (decomposition.csv's `thin` column); default 30 tasks, 100 episodes. */
  thin?: ThinThresholds;
}

/** The rows of all comparisons, and what could not be compared. */
export interface CompareOutput {
  frequencies: FrequencyRow[];
  decomposition: DecompositionRow[];
  retrieval: RetrievalDecompositionRow[];
  /** Human-readable notes on groups that were skipped (e.g. the base policy is absent). */
  notes: string[];
}

/**
 * Compares every non-base policy of one group with the base policy: `policy_a` is the compared policy,
 * `policy_b` the base policy (the reference), every difference a − b.
 */
export function compareGroup(group: GroupEpisodes, options: CompareOptions, into?: CompareOutput): CompareOutput {
  const output = into ?? { frequencies: [], decomposition: [], retrieval: [], notes: [] };
  const base = group.policies.indexOf(options.base);
  const label = `${group.family}, T=${group.budget}`;
  if (base < 0) {
    output.notes.push(`${label}: no episodes of the base policy '${options.base}'; nothing compared`);
    return output;
  }
  const others = group.policies.map((name, i) => ({ name, i })).filter(({ i }) => i !== base).sort((x, y) => compareText(x.name, y.name));
  const perStrategy = group.schemes.find((s) => s.name === (options.retrievalScheme ?? 'label'));
  // Without a strategy scheme, one category holds every episode and only the `all` row is written.
  const retrievalScheme = perStrategy ?? { name: 'none', categories: ['all'], codes: group.policy.map(() => 0) };
  const definition = options.definitions.get(group.family);
  for (const { name, i: compared } of others) {
    const selection = selectPair(group, compared, base);
    const key: ComparisonKey = { family: group.family, budget: budgetValue(group.budget), policy_a: name, policy_b: options.base };
    // The stream's key predates the sign convention (base first); kept, so the resamples stay the same.
    const rng = options.rng.fork(JSON.stringify([group.family, group.budget, options.base, name]));
    const bootstrap: ComparisonBootstrap = { resamples: drawTaskResamples(selection.tasks.length, options.resamples, rng), level: options.level };
    for (const scheme of group.schemes) {
      const table = schemePairTable(scheme, group, selection);
      output.frequencies.push(...frequencyRows(scheme.name, table, key, bootstrap));
      output.decomposition.push(...decompositionRows(scheme.name, table, key, bootstrap, options.thin ?? THIN_DEFAULTS));
    }
    if (definition) {
      const retrieval = retrievalPairTable(retrievalScheme, group, selection);
      output.retrieval.push(...retrievalDecompositionRows(retrieval, definition, key, bootstrap, perStrategy !== undefined));
    }
  }
  if (!definition) output.notes.push(`${label}: no retrieval definition for family '${group.family}'; no retrieval decomposition`);
  return output;
}

/** Compares every group, in family then budget order. */
export function compareGroups(groups: Iterable<GroupEpisodes>, options: CompareOptions): CompareOutput {
  const ordered = [...groups].sort((x, y) => compareText(x.family, y.family) || compareBudgetKeys(x.budget, y.budget));
  const output: CompareOutput = { frequencies: [], decomposition: [], retrieval: [], notes: [] };
  for (const group of ordered) compareGroup(group, options, output);
  return output;
}
