/**
 * The label stage's outputs reduced to label counts: `labels.csv` (one row per episode) gives episodes
 * and successes per (policy, family, task, budget, label); `label_frequencies.csv` gives the planted
 * strategy counts per (policy, family, budget) of simulated data.
 */
import { LabelCounts } from '../../../analyses/shard/label-counts';
import type { StageInput } from '../../runner/stage';
import { labelFrequenciesTable } from '../../tables/label-frequencies';
import { labelsTable } from '../../tables/labels';
import type { StatsHeader } from '../../tables/stats/format';

/** Reads the label stage's tables into label counts, with the labeler that made them. */
export async function readLabelStats(label: StageInput): Promise<{ counts: LabelCounts; labeler: NonNullable<StatsHeader['label']> }> {
  const counts = new LabelCounts();
  for await (const entry of labelsTable.stream(label)) {
    counts.add({ policy: entry.policy, family: entry.family, task: entry.task, budget: entry.budget, label: entry.label }, 1, entry.correct ? 1 : 0);
  }
  if (label.has(labelFrequenciesTable.file)) {
    for (const entry of await labelFrequenciesTable.read(label)) {
      if (entry.true_episodes !== null && entry.true_episodes > 0) {
        counts.addTruth({ policy: entry.policy, family: entry.family, budget: entry.budget, label: entry.label }, entry.true_episodes);
      }
    }
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
