/**
 * `label_accuracy.csv` and `label_confusion.csv` from the planted-strategy confusion (overall and per
 * policy): the same rows whether the confusion was counted episode by episode or summed over shards.
 */
import type { Confusion } from '../../../analyses/strategy/agreement';
import { recoveryRows } from '../../../analyses/strategy/recovery';
import { TAXONOMY_LABELS } from '../../../analyses/strategy/rules';
import { compareText } from '../../../analyses/stats/compare-text';
import type { StageOutput } from '../../runner/stage';
import { labelAccuracyTable } from '../../tables/label-accuracy';
import { labelConfusionTable } from '../../tables/label-confusion';

/** Writes both tables; returns the recovery rows. */
export async function writeTruthTables(out: StageOutput, truth: Confusion, truthByPolicy: ReadonlyMap<string, Confusion>) {
  const recovery = recoveryRows(truth, truthByPolicy, TAXONOMY_LABELS);
  await labelAccuracyTable.write(out, recovery);
  const confusionRows = [['all', truth] as const, ...[...truthByPolicy].sort(([a], [b]) => compareText(a, b))].flatMap(([policy, confusion]) =>
    confusion.rows(TAXONOMY_LABELS).map((row) => ({ policy, true_label: row.reference, label: row.predicted, episodes: row.episodes })),
  );
  await labelConfusionTable.write(out, confusionRows);
  return recovery;
}
