/** `diversity.csv`: unique query sequences per task and overlap with the base policy's sequences, with task-bootstrap intervals. */
import type { DiversityRow } from '../../analyses/strategy/diversity';
import { defineCsvTable } from './csv-table';
import { episodeBudget, int, num, optionalNum, text } from './cells';

/** The columns of `diversity.csv`. */
export const diversityTable = defineCsvTable<DiversityRow>('diversity.csv', {
  policy: text,
  family: text,
  budget: episodeBudget,
  base: text,
  tasks: int,
  episodes: int,
  mean_unique: num,
  unique_ci_low: num,
  unique_ci_high: num,
  tasks_with_base: int,
  share_in_base: optionalNum,
  share_in_base_ci_low: optionalNum,
  share_in_base_ci_high: optionalNum,
  share_of_base: optionalNum,
  share_of_base_ci_low: optionalNum,
  share_of_base_ci_high: optionalNum,
  episode_share_in_base: optionalNum,
});
