/** `boundary_tasks.json` (boundary): the task ids behind every row of `boundary.csv`. */
import type { Budget } from '../../analyses/budget';
import { defineJsonFile } from './json-file';

/** The task ids of one boundary row's sets. */
export interface BoundaryTaskSets {
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
  k: number;
  /** The largest episode count of a task at this budget (k reports the smallest). */
  n_max: number;
  only_a: string[];
  only_b: string[];
  both: string[];
  neither: string[];
  /** Tasks left out: missing under one of the two policies. */
  excluded: string[];
}

/** The declaration of `boundary_tasks.json`. */
export const boundaryTasksFile = defineJsonFile<BoundaryTaskSets[]>('boundary_tasks.json');
