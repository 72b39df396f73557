/** `judge_labels.csv`: the LLM judge's label beside the rule label for each judged episode (only with `--judge-url`). */
import type { JudgeRow } from '../judge/compare';
import { defineCsvTable } from './csv-table';
import { int, optionalText, text } from './cells';

/** The columns of `judge_labels.csv`. */
export const judgeLabelsTable = defineCsvTable<JudgeRow>('judge_labels.csv', {
  id: text,
  policy: text,
  task: text,
  rule_label: text,
  judge_label: optionalText,
  source: text,
  attempts: int,
  error: optionalText,
  rationale: optionalText,
});
