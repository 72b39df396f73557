/**
 * The label stage's outputs reduced to label counts: `labels.csv` (one row per episode) gives episodes
 * and successes per (policy, family, task, budget, label); `label_frequencies.csv` gives the planted
 * strategy counts per (policy, family, budget) of simulated data.
 */
import { LabelCounts } from '../../../analyses/shard/label-counts';
import { StageError } from '../../errors';
import type { StageInput } from '../../runner/stage';
import type { StatsHeader } from '../../tables/stats/format';

function budgetOf(text: string | undefined, where: string): number | null {
  if (text === undefined || text === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new StageError(`${where}: budget "${text}" is not a non-negative integer or empty.`);
  return value;
}

function countOf(text: string | undefined, where: string): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(value) || value < 0) throw new StageError(`${where}: "${text}" is not a count.`);
  return value;
}

/** Reads the label stage's tables into label counts, with the labeler that made them. */
export async function readLabelStats(label: StageInput): Promise<{ counts: LabelCounts; labeler: NonNullable<StatsHeader['label']> }> {
  const counts = new LabelCounts();
  let row = 1;
  for await (const entry of label.csvRows('labels.csv')) {
    row += 1;
    const where = `label/labels.csv line ${row}`;
    const { policy, family, task, label: name, correct } = entry;
    if (policy === undefined || family === undefined || task === undefined || name === undefined || (correct !== 'true' && correct !== 'false')) {
      throw new StageError(`${where}: expected policy, family, task, label and correct (true/false).`);
    }
    counts.add({ policy, family, task, budget: budgetOf(entry.budget, where), label: name }, 1, correct === 'true' ? 1 : 0);
  }
  if (label.has('label_frequencies.csv')) {
    const rows = await label.csv('label_frequencies.csv');
    rows.forEach((entry, i) => {
      if (entry.true_episodes === undefined || entry.true_episodes === '') return;
      const where = `label/label_frequencies.csv line ${i + 2}`;
      const planted = countOf(entry.true_episodes, where);
      if (planted > 0) counts.addTruth({ policy: entry.policy ?? '', family: entry.family ?? '', budget: budgetOf(entry.budget, where), label: entry.label ?? '' }, planted);
    });
  }
  const params = label.manifest.params as { labeler?: unknown; toolRoles?: unknown };
  const roles = params.toolRoles !== null && typeof params.toolRoles === 'object' ? (params.toolRoles as Record<string, unknown>) : {};
  return {
    counts,
    labeler: {
      labeler: String(params.labeler),
      tool_roles: Object.fromEntries(Object.entries(roles).map(([tool, role]) => [tool, String(role)])),
    },
  };
}
