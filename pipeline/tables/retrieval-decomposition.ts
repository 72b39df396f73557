/** `retrieval_decomposition.csv`: retrieval vs integration terms of the accuracy difference of one comparison, over all episodes and within each shared strategy label. */
import type { RetrievalDecompositionRow } from '../../analyses/mechanism/retrieval-rows';
import { RETRIEVAL_DEFINITIONS } from '../../analyses/mechanism/retrieval-success';
import { defineCsvTable } from './csv-table';
import { budget, int, oneOf, optionalNum, text } from './cells';

/** The columns of `retrieval_decomposition.csv` (docs/mechanism.md); undefined numbers are blank. */
export const retrievalDecompositionTable = defineCsvTable<RetrievalDecompositionRow>('retrieval_decomposition.csv', {
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  label: text,
  definition: oneOf(RETRIEVAL_DEFINITIONS),
  episodes_a: int,
  episodes_b: int,
  excluded_a: int,
  excluded_b: int,
  retrieval_a: optionalNum,
  retrieval_b: optionalNum,
  acc_given_retrieved_a: optionalNum,
  acc_given_retrieved_b: optionalNum,
  acc_given_missed_a: optionalNum,
  acc_given_missed_b: optionalNum,
  acc_a: optionalNum,
  acc_b: optionalNum,
  total: optionalNum,
  total_lo: optionalNum,
  total_hi: optionalNum,
  retrieval: optionalNum,
  retrieval_lo: optionalNum,
  retrieval_hi: optionalNum,
  integration: optionalNum,
  integration_lo: optionalNum,
  integration_hi: optionalNum,
  integration_retrieved: optionalNum,
  integration_retrieved_lo: optionalNum,
  integration_retrieved_hi: optionalNum,
  integration_missed: optionalNum,
  integration_missed_lo: optionalNum,
  integration_missed_hi: optionalNum,
  tasks: int,
});
