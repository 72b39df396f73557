/**
 * Figure 5a — how often each policy uses each strategy (rule labels), with 95% bootstrap intervals
 * clustered by task, per family at its largest budget.
 */
import { percent } from '../../analyses/stats/format';
import { BOTTOM_LEGEND, policyColor } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';
import { strategyPanels, strategyStats } from './strategy-stats';

function build({ data }: FigureContext): FigureOutcome {
  if (!data.frequencies) return skip(data.problems['compare_frequencies.csv'] ?? 'no compare_frequencies.csv in this run.');
  const stats = strategyStats(data.frequencies);
  if (stats.length === 0) return skip('compare_frequencies.csv has no rule-label rows.');
  const { families, policies, y, yOffset, spec: panelSpec } = strategyPanels(stats);
  const spec = panelSpec('Strategy frequencies per policy with bootstrap intervals', 'share of episodes', [
    {
      mark: { type: 'bar', height: { band: 0.8 } },
      encoding: {
        y,
        yOffset,
        x: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: null, format: '.0%', values: [0, 0.5, 1] } },
        color: policyColor(policies, BOTTOM_LEGEND),
        tooltip: [{ field: 'policy' }, { field: 'strategy' }, { field: 'count', title: 'episodes' }, { field: 'share', format: '.3f' }, { field: 'share_lo', format: '.3f' }, { field: 'share_hi', format: '.3f' }],
      },
    },
    {
      transform: [{ filter: 'isValid(datum.share_lo)' }],
      mark: { type: 'rule', color: '#222', strokeWidth: 1 },
      encoding: { y, yOffset, x: { field: 'share_lo', type: 'quantitative' }, x2: { field: 'share_hi' } },
    },
  ]);
  const top = families.map((family) => {
    const parts = policies
      .map((policy) => stats.filter((s) => s.family === family && s.policy === policy).sort((a, b) => b.share - a.share)[0])
      .filter((s) => s !== undefined)
      .map((s) => `${s.policy} ${s.strategy} (${percent(s.share, 0)})`);
    return `${family}: ${parts.join(', ')}`;
  });
  return {
    kind: 'figure',
    spec,
    caption: `Share of each policy's episodes carrying each strategy label, with task-clustered bootstrap 95% intervals (black rules). Most frequent strategy per policy — ${top.join('; ')}.`,
    notes: [],
  };
}

/** Figure 5a. */
export const strategyFrequencies: FigureBuilder = { name: 'strategy-frequencies', number: '5a', title: 'Strategy frequencies per policy', build };
