/**
 * Figure 11 — the plan/reasoning swap: the accuracy of each cell of the 2 × 2 grid (whose searches ×
 * who reasons and answers), with 95% task-bootstrap intervals, beside the difference between the two
 * policies split into its plan and reasoning parts (the Shapley average of both orders).
 */
import type { SwapAttributionRow } from '../../analyses/experiments/swap-table';
import { fixed, percent, signed } from '../../analyses/stats/format';
import { VL_SCHEMA, panelLabel, topHeader } from './common';
import { experimentPanels, groupLabel } from './experiment-panels';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';
import { THEME } from '../theme/theme';
import type { TopLevelSpec } from 'vega-lite';

const GRID_WIDTH = 110;
const BARS_WIDTH = 150;
const COMPONENT_COLORS = { total: '#555555', plan: '#56B4E9', reasoning: '#D55E00' } as const;

function build({ data, paperReference }: FigureContext): FigureOutcome {
  if (!data.swap || !data.swapAttribution) {
    return skip(`${data.problems['swap.csv'] ?? data.problems['swap_attribution.csv'] ?? 'no swap.csv in this run.'} Run with --swap to cross two policies' plans and reasoning.`);
  }
  const { rows: cells, panels: groups } = experimentPanels(data.swap);
  if (cells.length === 0) return skip('swap.csv has no rows.');
  const panels = groups.map((group) => panelLabel([group]));
  const panel = (row: { family: string; budget: number | 'all' }) => panelLabel([groupLabel(row.family, row.budget)]);
  const inPanel = (row: { family: string; budget: number | 'all' }) => panels.includes(panel(row));
  const terms = data.swapAttribution.filter((row) => inPanel(row) && (row.component === 'total' || row.order === 'shapley'));
  const [a, b] = [terms[0]?.policy_a ?? cells[0]!.plan_policy, terms[0]?.policy_b ?? cells[0]!.reasoning_policy];
  const grid = cells.map((cell) => ({
    panel: panel(cell),
    plan: cell.plan_policy,
    reasoning: cell.reasoning_policy,
    accuracy: cell.accuracy,
    text: `${fixed(cell.accuracy, 2)}`,
    interval: cell.ci_low !== null ? `[${fixed(cell.ci_low, 2)}, ${fixed(cell.ci_high, 2)}]` : '',
    episodes: cell.episodes,
  }));
  const bars = terms.map((row: SwapAttributionRow) => ({ panel: panel(row), component: row.component, value: row.difference, lo: row.ci_low, hi: row.ci_high, share: row.share }));
  const extent = Math.max(0.05, ...bars.flatMap((bar) => [Math.abs(bar.value), Math.abs(bar.lo ?? 0), Math.abs(bar.hi ?? 0)]));
  // The group's name is written once, above its heatmap, with the room of both columns.
  const row = { field: 'panel', type: 'nominal', sort: panels, header: topHeader(GRID_WIDTH + BARS_WIDTH) };
  const axis = (field: string, title: string) => ({ field, type: 'nominal', sort: [a, b], axis: { title, labelAngle: 0 } });
  const spec = {
    $schema: VL_SCHEMA,
    description: `Accuracy of ${a} and ${b} plans crossed with ${a} and ${b} reasoning, and the difference attributed to plan and reasoning`,
    config: THEME,
    hconcat: [
      {
        data: { values: grid },
        facet: { row },
        spacing: 8,
        spec: {
          width: GRID_WIDTH,
          height: 70,
          layer: [
            {
              mark: { type: 'rect' },
              encoding: {
                x: axis('reasoning', 'reasoning and answer by'),
                y: axis('plan', 'searches by'),
                color: { field: 'accuracy', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] }, legend: { title: 'accuracy', orient: 'bottom', gradientLength: 100, format: '.1f' } },
                tooltip: [{ field: 'plan' }, { field: 'reasoning' }, { field: 'accuracy', format: '.3f' }, { field: 'interval' }, { field: 'episodes' }],
              },
            },
            { mark: { type: 'text', fontSize: 9, dy: -5 }, encoding: { x: axis('reasoning', 'reasoning and answer by'), y: axis('plan', 'searches by'), text: { field: 'text' }, color: { condition: { test: 'datum.accuracy > 0.55', value: '#fff' }, value: '#000' } } },
            { mark: { type: 'text', fontSize: 7, dy: 6 }, encoding: { x: axis('reasoning', 'reasoning and answer by'), y: axis('plan', 'searches by'), text: { field: 'interval' }, color: { condition: { test: 'datum.accuracy > 0.55', value: '#fff' }, value: '#000' } } },
          ],
        },
      },
      {
        data: { values: bars },
        // Same labels, not drawn: they keep each row of bars level with its heatmap.
        facet: { row: { ...row, header: { ...topHeader(BARS_WIDTH), labelColor: 'transparent' } } },
        spacing: 8,
        spec: {
          width: BARS_WIDTH,
          height: 70,
          layer: [
            {
              mark: { type: 'bar', height: { band: 0.7 } },
              encoding: {
                y: { field: 'component', type: 'nominal', sort: ['total', 'plan', 'reasoning'], axis: { title: null } },
                x: { field: 'value', type: 'quantitative', scale: { domain: [-extent, extent], nice: true }, axis: { title: `accuracy difference (${a} − ${b})`, format: '+.2f', tickCount: 4 } },
                color: { field: 'component', type: 'nominal', scale: { domain: Object.keys(COMPONENT_COLORS), range: Object.values(COMPONENT_COLORS) }, legend: null },
                tooltip: [{ field: 'component' }, { field: 'value', format: '+.3f' }, { field: 'lo', format: '+.3f' }, { field: 'hi', format: '+.3f' }, { field: 'share', format: '.0%' }],
              },
            },
            {
              transform: [{ filter: 'isValid(datum.lo)' }],
              mark: { type: 'rule', color: '#222' },
              encoding: { y: { field: 'component', type: 'nominal', sort: ['total', 'plan', 'reasoning'] }, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
            },
            { mark: { type: 'rule', color: '#555', strokeWidth: 0.8 }, encoding: { x: { datum: 0 } } },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  const sentences = experimentPanels(data.swapAttribution.filter((r) => r.component === 'total')).rows.map((total) => {
    const part = (component: string) => data.swapAttribution!.find((r) => r.family === total.family && r.budget === total.budget && r.component === component && r.order === 'shapley')!;
    const plan = part('plan');
    const reasoning = part('reasoning');
    return `${groupLabel(total.family, total.budget)}: ${a} − ${b} ${signed(total.difference)} = plan ${signed(plan.difference)} (${percent(plan.share, 0)}) + reasoning ${signed(reasoning.difference)} (${percent(reasoning.share, 0)})`;
  });
  return {
    kind: 'figure',
    spec,
    caption:
      `Left: accuracy when ${a}'s or ${b}'s searches and results (rows) are read and answered by ${a} or ${b} (columns), over the same episodes, with 95% task-bootstrap intervals. ` +
      `Right: the difference ${a} − ${b} (top-left minus bottom-right cell) split into plan and reasoning, each averaged over both swap orders (Shapley). ${sentences.join('; ')}.` +
      (paperReference ? ` The study: ${paperReference.swap.finding}.` : ''),
    notes: [],
  };
}

/** Figure 11. */
export const swapGrid: FigureBuilder = { name: 'swap-grid', number: '11', title: 'Plan × reasoning swap and its attribution', build };
