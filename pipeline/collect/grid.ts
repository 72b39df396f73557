/**
 * The episode grid: every (policy, task, budget T, sample) key, numbered by a slot so that what is done
 * fits in one bit per episode whatever the run's size. Episodes are run sample by sample, so a run
 * stopped early still has about the same number of samples in every cell.
 */
import { hashString } from '../../analyses/random/rng';

/** One episode's key. */
export interface GridKey {
  policy: number;
  task: number;
  budget: number;
  sample: number;
}

/** The grid of a collection. */
export class Grid {
  private readonly policyIndex: Map<string, number>;
  private readonly taskIndex: Map<string, number>;
  private readonly budgetIndex: Map<number, number>;

  constructor(
    readonly policies: readonly string[],
    readonly tasks: readonly string[],
    readonly budgets: readonly number[],
    readonly samples: number,
  ) {
    this.policyIndex = new Map(policies.map((name, i) => [name, i]));
    this.taskIndex = new Map(tasks.map((id, i) => [id, i]));
    this.budgetIndex = new Map(budgets.map((budget, i) => [budget, i]));
  }

  /** The number of episodes. */
  get size(): number {
    return this.policies.length * this.tasks.length * this.budgets.length * this.samples;
  }

  /** The slot of a key given by indices. */
  slot(key: GridKey): number {
    return ((key.policy * this.tasks.length + key.task) * this.budgets.length + key.budget) * this.samples + key.sample;
  }

  /** The slot of an episode as written in a trajectory; undefined when it is not part of this grid. */
  slotOf(policy: unknown, task: unknown, budget: unknown, sample: unknown): number | undefined {
    const p = typeof policy === 'string' ? this.policyIndex.get(policy) : undefined;
    const t = typeof task === 'string' ? this.taskIndex.get(task) : undefined;
    const b = typeof budget === 'number' ? this.budgetIndex.get(budget) : undefined;
    if (p === undefined || t === undefined || b === undefined || typeof sample !== 'number' || !Number.isInteger(sample) || sample < 0 || sample >= this.samples) return undefined;
    return this.slot({ policy: p, task: t, budget: b, sample });
  }

  /** Every key, sample by sample, then budget, task and policy. */
  *keys(): Generator<GridKey> {
    for (let sample = 0; sample < this.samples; sample++) {
      for (let budget = 0; budget < this.budgets.length; budget++) {
        for (let task = 0; task < this.tasks.length; task++) {
          for (let policy = 0; policy < this.policies.length; policy++) yield { policy, task, budget, sample };
        }
      }
    }
  }
}

/** The request seed of an episode: the same for every turn, different for every key (31 bits, accepted by every server). */
export function episodeSeed(baseSeed: number, policy: string, task: string, budget: number, sample: number): number {
  return hashString(`${baseSeed}|${policy}|${task}|${budget}|${sample}`) >>> 1;
}
