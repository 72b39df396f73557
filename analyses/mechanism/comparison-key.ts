/** What identifies one comparison: the group and the two policies. */
import type { Budget } from '../budget';
import type { TaskResamples } from '../stats/task-bootstrap';

/** The group and policies of a comparison, written at the start of every output row. */
export interface ComparisonKey {
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
}

/** The shared bootstrap of one comparison. */
export interface ComparisonBootstrap {
  resamples: TaskResamples;
  /** Interval level, e.g. 0.95. */
  level: number;
}
