/**
 * Figure 5b — the success rate of each strategy within each policy, with 95% intervals: whether a
 * policy executes the same strategy better, independently of how often it picks it.
 */
import { BOTTOM_LEGEND, policyColor } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';
import { strategyPanels, strategyStats } from './strategy-stats';

function build({ data }: FigureContext): FigureOutcome {
  if (!data.frequencies) return skip(data.problems['compare_frequencies.csv'] ?? 'no compare_frequencies.csv in this run.');
  const stats = strategyStats(data.frequencies).filter((s) => s.acc !== null && s.count > 0);
  if (stats.length === 0) return skip('compare_frequencies.csv has no per-strategy success rates.');
  const { policies, y, yOffset, spec: panelSpec } = strategyPanels(stats);
  const spec = panelSpec('Per-strategy success rates per policy with bootstrap intervals', 'accuracy (fraction correct)', [
    {
      transform: [{ filter: 'isValid(datum.acc_lo)' }],
      mark: { type: 'rule', strokeWidth: 1.2 },
      encoding: { y, yOffset, x: { field: 'acc_lo', type: 'quantitative' }, x2: { field: 'acc_hi' }, color: policyColor(policies, BOTTOM_LEGEND) },
    },
    {
      mark: { type: 'point', filled: true, size: 30 },
      encoding: {
        y,
        yOffset,
        x: { field: 'acc', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: null, format: '.1f', values: [0, 0.5, 1] } },
        color: policyColor(policies, BOTTOM_LEGEND),
        tooltip: [{ field: 'policy' }, { field: 'strategy' }, { field: 'count', title: 'episodes' }, { field: 'acc', format: '.3f' }, { field: 'acc_lo', format: '.3f' }, { field: 'acc_hi', format: '.3f' }],
      },
    },
  ]);
  return {
    kind: 'figure',
    spec,
    caption:
      'Accuracy of the episodes of each strategy, per policy (points) with task-clustered bootstrap 95% intervals (lines). Where the points of two ' +
      'policies differ for the same strategy, the gain is in execution (the within-strategy term of figure 6a), not in strategy choice.',
    notes: [],
  };
}

/** Figure 5b. */
export const strategySuccess: FigureBuilder = { name: 'strategy-success', number: '5b', title: 'Per-strategy success rates', build };
