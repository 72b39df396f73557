/**
 * Figure 10 — surprisal by segment (the study's Fig. 4a): the mean surprisal per token of each scored
 * policy's queries, reasoning and answers under the scoring model, with 95% task-bootstrap intervals;
 * with `--paper-reference`, the study's perplexities of RL's queries (2.07) and reasoning (3.08) under
 * the base model as diamonds (in nats: ln 2.07, ln 3.08).
 */
import { SURPRISAL_SEGMENTS } from '../../analyses/experiments/segments';
import { fixed, signed } from '../../analyses/stats/format';
import { orderPolicies } from '../theme/colors';
import { BOTTOM_LEGEND, MAX_COLUMNS, envelope, panelHeader, panelLabel, policyColor } from './common';
import { experimentPanels, groupLabel } from './experiment-panels';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

const WIDTH = 200;

function build({ data, paperReference }: FigureContext): FigureOutcome {
  if (!data.surprisal) return skip(`${data.problems['surprisal.csv'] ?? 'no surprisal.csv in this run.'} Run with --score to score the episodes under a model.`);
  const { rows, panels: groups } = experimentPanels(data.surprisal.filter((row) => row.mean_nats !== null));
  const panels = groups.map((group) => panelLabel([group]));
  if (rows.length === 0) return skip('surprisal.csv has no segment with tokens.');
  const policies = orderPolicies(rows.map((row) => row.policy));
  const scorers = [...new Set(rows.map((row) => row.scorer))];
  const values: Record<string, unknown>[] = rows.map((row) => ({
    layer: 'bar',
    panel: panelLabel([groupLabel(row.family, row.budget)]),
    policy: row.policy,
    segment: row.segment,
    nats: row.mean_nats,
    lo: row.ci_low,
    hi: row.ci_high,
    perplexity: row.perplexity,
    tokens: row.tokens,
    episodes: row.episodes,
  }));
  const reference = paperReference?.surprisal;
  if (reference) {
    for (const panel of panels) {
      for (const [segment, perplexity] of Object.entries(reference.perplexity)) values.push({ layer: 'published', panel, segment, nats: Math.log(perplexity), perplexity, policy: `${reference.policy} (published)` });
    }
  }
  const x = { field: 'segment', type: 'nominal', sort: [...SURPRISAL_SEGMENTS], axis: { title: null, labelAngle: 0 } };
  const xOffset = { field: 'policy', type: 'nominal', sort: policies };
  const spec = envelope('Mean surprisal per token of queries, reasoning and answers under the scoring model', {
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: panels, header: panelHeader(null, WIDTH) },
    columns: Math.min(panels.length, MAX_COLUMNS),
    spacing: 10,
    spec: {
      width: WIDTH,
      height: 160,
      layer: [
        {
          transform: [{ filter: "datum.layer === 'bar'" }],
          mark: { type: 'bar' },
          encoding: {
            x,
            xOffset,
            y: { field: 'nats', type: 'quantitative', axis: { title: ['mean surprisal', '(nats per token)'], tickCount: 5 } },
            color: policyColor(policies, BOTTOM_LEGEND),
            tooltip: [{ field: 'policy' }, { field: 'segment' }, { field: 'nats', format: '.3f', title: 'nats/token' }, { field: 'perplexity', format: '.2f' }, { field: 'tokens' }, { field: 'episodes' }],
          },
        },
        {
          transform: [{ filter: "datum.layer === 'bar' && isValid(datum.lo)" }],
          mark: { type: 'rule', color: '#222' },
          encoding: { x, xOffset, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
        },
        // Only with --paper-reference: an empty layer would give its scale an infinite extent.
        ...(reference
          ? [
              {
                transform: [{ filter: "datum.layer === 'published'" }],
                mark: { type: 'point', shape: 'diamond', filled: true, color: '#000', size: 45 },
                encoding: { x, y: { field: 'nats', type: 'quantitative' }, tooltip: [{ field: 'policy' }, { field: 'segment' }, { field: 'perplexity', format: '.2f', title: 'published perplexity' }] },
              },
            ]
          : []),
      ],
    },
  });
  const headline = experimentPanels(data.surprisalDiff ?? []).rows.map(
    (diff) => `${diff.policy} (${groupLabel(diff.family, diff.budget)}): reasoning − query ${signed(diff.difference, 2)} nats${diff.ci_low !== null ? ` [${fixed(diff.ci_low, 2)}, ${fixed(diff.ci_high, 2)}]` : ''}, perplexity × ${fixed(diff.perplexity_ratio, 2)}`,
  );
  return {
    kind: 'figure',
    spec,
    caption:
      `How surprising each policy's own text is to the scoring model (${scorers.join(', ')}): mean surprisal per token (perplexity = e^mean), ` +
      `bars with 95% task-bootstrap intervals. Lower means more familiar to the scorer. ${headline.join('; ')}.` +
      (reference ? ` Diamonds: the study's ${reference.policy} under ${reference.scorer} (${Object.entries(reference.perplexity).map(([s, p]) => `${s} perplexity ${p}`).join(', ')}).` : ''),
    notes: [],
  };
}

/** Figure 10. */
export const surprisalBySegment: FigureBuilder = { name: 'surprisal-by-segment', number: '10', title: 'Surprisal by segment under the scoring model', build };
