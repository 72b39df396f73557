/** `retrieval.csv` (FORMAT.md): per policy, family and budget, how often episodes retrieved their evidence and how accurate they were with and without it. */
import type { RetrievalRow } from '../../analyses/mechanism/retrieval-table';
import { RETRIEVAL_DEFINITIONS } from '../../analyses/mechanism/retrieval-success';
import { defineCsvTable } from './csv-table';
import { budget, int, num, oneOf, optionalNum, text } from './cells';

/** The columns of `retrieval.csv`; a conditional accuracy over no episode is blank. */
export const retrievalTable = defineCsvTable<RetrievalRow>('retrieval.csv', {
  policy: text,
  family: text,
  budget,
  episodes: int,
  retrieval_rate: num,
  accuracy: num,
  acc_given_retrieved: optionalNum,
  acc_given_missed: optionalNum,
  definition: oneOf(RETRIEVAL_DEFINITIONS),
});
