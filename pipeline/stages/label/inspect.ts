/** `npm run inspect -- label`: label shares per policy and the recovery of planted strategies. */
import { percent } from '../../../analyses/stats/format';
import type { StageInput } from '../../runner/stage';
import { labelAccuracyTable } from '../../tables/label-accuracy';
import { labelFrequenciesTable } from '../../tables/label-frequencies';

/** `npm run inspect -- label`: label shares per policy and the recovery of planted strategies. */
export async function inspectLabels(output: StageInput): Promise<string> {
  const lines: string[] = [...(output.manifest.summary ?? []), ''];
  const frequencies = await labelFrequenciesTable.read(output);
  const byPolicy = new Map<string, Map<string, number>>();
  for (const row of frequencies) {
    const labels = byPolicy.get(row.policy) ?? new Map<string, number>();
    labels.set(row.label, (labels.get(row.label) ?? 0) + row.episodes);
    byPolicy.set(row.policy, labels);
  }
  lines.push('episodes per label and policy:');
  for (const [policy, labels] of byPolicy) {
    const total = [...labels.values()].reduce((a, b) => a + b, 0);
    lines.push(`  ${policy}: ${[...labels].filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n} (${percent(n / total)})`).join(', ')}`);
  }
  if (output.has('label_accuracy.csv')) {
    lines.push('', 'recovery of meta.true_strategy (accuracy per planted class):');
    for (const row of await labelAccuracyTable.read(output)) {
      lines.push(`  ${row.policy} ${row.true_label}: ${row.recovered}/${row.episodes} = ${percent(row.accuracy)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
