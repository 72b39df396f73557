/** `sequences.csv`: per (policy, family, budget, task), the distinct query sequences and their overlap with the base policy's. */
import type { SequenceRow } from '../../analyses/strategy/sequence-table';
import { defineCsvTable } from './csv-table';
import { episodeBudget, int, optionalInt, optionalNum, text } from './cells';

/** The columns of `sequences.csv` (overlap columns blank where the base policy has no episode). */
export const sequencesTable = defineCsvTable<SequenceRow>('sequences.csv', {
  policy: text,
  family: text,
  budget: episodeBudget,
  task: text,
  episodes: int,
  unique_sequences: int,
  shared_with_base: optionalInt,
  share_in_base: optionalNum,
  base_unique_sequences: optionalInt,
  share_of_base: optionalNum,
  novel_sequences: optionalInt,
  episode_share_in_base: optionalNum,
});
