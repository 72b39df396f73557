/**
 * The episodes of one (family, budget) group in columnar form, with policies, tasks and strategy
 * categories interned to small integers: what the policy comparisons of that group read.
 */

/** One categorical view of the episodes (rule labels, clusters…), with its category names. */
export interface StrategyScheme {
  name: string;
  categories: string[];
  /** Category index per episode. */
  codes: number[];
}

/** The episodes of one family at one budget. */
export interface GroupEpisodes {
  family: string;
  /** Budget key: the integer T as a string, or `all` (uncapped). */
  budget: string;
  policies: string[];
  tasks: string[];
  /** Per episode: index into `policies`. */
  policy: number[];
  /** Per episode: index into `tasks`. */
  task: number[];
  correct: boolean[];
  /** Per episode: retrieval success, or null when it is not defined for the episode's task. */
  retrieved: (boolean | null)[];
  schemes: StrategyScheme[];
}

/** One episode as added to a group. */
export interface GroupEpisodeInput {
  policy: string;
  task: string;
  correct: boolean;
  retrieved: boolean | null;
  /** The episode's category under each scheme, in the group's scheme order. */
  strategies: readonly string[];
}

/** Builds a group episode by episode. */
export interface GroupBuilder {
  readonly group: GroupEpisodes;
  add(episode: GroupEpisodeInput): void;
}

function interner(list: string[]): (value: string) => number {
  const index = new Map<string, number>();
  return (value) => {
    let code = index.get(value);
    if (code === undefined) {
      code = list.length;
      list.push(value);
      index.set(value, code);
    }
    return code;
  };
}

/** Starts an empty group with the given scheme names. */
export function createGroupBuilder(family: string, budget: string, schemeNames: readonly string[]): GroupBuilder {
  const group: GroupEpisodes = {
    family,
    budget,
    policies: [],
    tasks: [],
    policy: [],
    task: [],
    correct: [],
    retrieved: [],
    schemes: schemeNames.map((name) => ({ name, categories: [], codes: [] })),
  };
  const policyCode = interner(group.policies);
  const taskCode = interner(group.tasks);
  const categoryCodes = group.schemes.map((scheme) => interner(scheme.categories));
  return {
    group,
    add(episode) {
      if (episode.strategies.length !== group.schemes.length) {
        throw new RangeError(`expected ${group.schemes.length} strategy categories, got ${episode.strategies.length}`);
      }
      group.policy.push(policyCode(episode.policy));
      group.task.push(taskCode(episode.task));
      group.correct.push(episode.correct);
      group.retrieved.push(episode.retrieved);
      group.schemes.forEach((scheme, s) => scheme.codes.push(categoryCodes[s]!(episode.strategies[s]!)));
    },
  };
}
