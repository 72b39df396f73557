/**
 * Figure 1 — PASS@(k,T) against k at each family's largest budget T, one line per policy with its 95%
 * bootstrap band, k on a log2 axis (the study's Fig. 2). With `--paper-reference`, the study's
 * published values are drawn as open diamonds on the matching panel.
 */
import { optionalProbInterval, prob } from '../../analyses/stats/format';
import { budgetLabel, groupBy, headlineBudgets, isShownK, orderFamilies } from '../data/select';
import type { PasskRow } from '../data/tables';
import { K_TITLE, log2KEncoding, passEncoding } from '../theme/axes';
import { orderPolicies } from '../theme/colors';
import { PANEL } from '../theme/theme';
import { BOTTOM_LEGEND, MAX_COLUMNS, envelope, panelHeader, panelLabel, policyColor } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

/** Rows drawn: the headline budget per family, k a power of two or the series' largest k. */
export function headlineCurves(rows: readonly PasskRow[]): PasskRow[] {
  const budgets = headlineBudgets(rows);
  const atHeadline = rows.filter((row) => budgets.get(row.family) === row.budget);
  const maxK = new Map<string, number>();
  for (const row of atHeadline) {
    const key = `${row.policy}\u0000${row.family}`;
    maxK.set(key, Math.max(maxK.get(key) ?? 0, row.k));
  }
  return atHeadline.filter((row) => isShownK(row.k, maxK.get(`${row.policy}\u0000${row.family}`)!));
}

function caption(curves: readonly PasskRow[], families: string[], policies: string[]): string {
  const parts: string[] = [];
  for (const family of families) {
    const rows = curves.filter((row) => row.family === family);
    if (rows.length === 0) continue;
    const budget = rows[0]!.budget;
    const byPolicy = groupBy(rows, (row) => row.policy);
    const ends = policies
      .filter((policy) => byPolicy.has(policy))
      .map((policy) => {
        const series = byPolicy.get(policy)!.sort((a, b) => a.k - b.k);
        const first = series[0]!;
        const last = series[series.length - 1]!;
        return `${policy} ${prob(first.pass)}${optionalProbInterval(first.ci_low, first.ci_high)} at k = ${first.k} → ${prob(last.pass)} at k = ${last.k}`;
      });
    parts.push(`${family} (${budgetLabel(budget)}, ${rows[0]!.mode}): ${ends.join('; ')}`);
  }
  return (
    'Share of tasks solved at least once in k independent episodes, at the largest budget of each family. ' +
    'Where the curves cross, the policy that is better at k = 1 (reliability) is not the one that solves more ' +
    `tasks given many tries (the capability boundary). ${parts.join('. ')}.`
  );
}

function build({ data, paperReference }: FigureContext): FigureOutcome {
  if (!data.passkt) return skip(data.problems['passkt.csv'] ?? 'the passkt stage is not part of this run (no passkt.csv).');
  const curves = headlineCurves(data.passkt);
  if (curves.length === 0) return skip('passkt.csv has no rows.');
  const families = orderFamilies(curves.map((row) => row.family));
  const policies = orderPolicies(curves.map((row) => row.policy));
  const budgets = headlineBudgets(curves);
  const uniform = new Set(budgets.values()).size === 1;
  // One budget for all panels goes into the axis title; otherwise each panel names its own.
  const panel = (family: string) => panelLabel(uniform ? [family] : [family, budgetLabel(budgets.get(family)!)]);
  const kTitle = uniform ? `${K_TITLE}, ${budgetLabel([...budgets.values()][0]!)}` : K_TITLE;
  const maxK = Math.max(...curves.map((row) => row.k));

  const values: Record<string, unknown>[] = curves.map((row) => ({
    source: 'measured',
    panel: panel(row.family),
    policy: row.policy,
    k: row.k,
    pass: row.pass,
    ci_low: row.ci_low,
    ci_high: row.ci_high,
    tasks: row.tasks,
  }));
  const notes: string[] = [];
  const layers: Record<string, unknown>[] = [
    {
      transform: [{ filter: "datum.source === 'measured' && isValid(datum.ci_low)" }],
      mark: { type: 'area', opacity: 0.16 },
      encoding: {
        x: log2KEncoding(maxK, null),
        y: { ...passEncoding('ci_low') },
        y2: { field: 'ci_high' },
        color: policyColor(policies, BOTTOM_LEGEND),
      },
    },
    {
      transform: [{ filter: "datum.source === 'measured'" }],
      mark: { type: 'line', point: { size: 18 } },
      encoding: {
        x: log2KEncoding(maxK, null),
        y: passEncoding(),
        color: policyColor(policies, BOTTOM_LEGEND),
        tooltip: [
          { field: 'policy', type: 'nominal' },
          { field: 'k', type: 'quantitative' },
          { field: 'pass', type: 'quantitative', format: '.3f' },
          { field: 'ci_low', type: 'quantitative', format: '.3f', title: '95% CI low' },
          { field: 'ci_high', type: 'quantitative', format: '.3f', title: '95% CI high' },
          { field: 'tasks', type: 'quantitative' },
        ],
      },
    },
  ];

  if (paperReference) {
    const panelMaxK = new Map<string, number>();
    for (const row of curves) panelMaxK.set(row.family, Math.max(panelMaxK.get(row.family) ?? 0, row.k));
    const matching = paperReference.points.filter((point) => budgets.has(point.family) && policies.includes(point.policy));
    const shown = matching.filter((point) => point.k <= panelMaxK.get(point.family)!);
    if (shown.length < matching.length) {
      notes.push(`${matching.length - shown.length} published value(s) at k larger than this run's n are not drawn.`);
    }
    for (const point of shown) {
      values.push({ source: 'published', marker: paperReference.label, panel: panel(point.family), policy: point.policy, k: point.k, pass: point.pass });
    }
    const mismatched = shown.filter((point) => budgets.get(point.family) !== point.budget);
    if (mismatched.length > 0) {
      notes.push(`The published values were measured at T = ${mismatched[0]!.budget}; this panel shows ${budgetLabel(budgets.get(mismatched[0]!.family)!)}.`);
    }
    if (matching.length < paperReference.points.length) {
      notes.push(`${paperReference.points.length - matching.length} published value(s) have no matching family/policy in this run and are not drawn.`);
    }
    if (shown.length > 0) {
      notes.push(`Open diamonds: ${paperReference.citation} (${paperReference.setting}).`);
      layers.push({
        transform: [{ filter: "datum.source === 'published'" }],
        mark: { type: 'point', filled: false, size: 60, strokeWidth: 1.6 },
        encoding: {
          x: log2KEncoding(maxK, null),
          y: passEncoding(),
          color: policyColor(policies, BOTTOM_LEGEND),
          shape: { field: 'marker', type: 'nominal', scale: { range: ['diamond'] }, legend: { title: null, ...BOTTOM_LEGEND } },
          tooltip: [
            { field: 'marker', type: 'nominal', title: 'source' },
            { field: 'policy', type: 'nominal' },
            { field: 'k', type: 'quantitative' },
            { field: 'pass', type: 'quantitative', format: '.3f' },
          ],
        },
      });
    }
  }

  const spec = envelope('PASS@(k,T) against k per task family at the largest budget, with 95% bootstrap bands', {
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: families.map(panel), header: panelHeader(kTitle, PANEL.width, uniform ? 1 : 2) },
    columns: Math.min(families.length, MAX_COLUMNS),
    spacing: 8,
    spec: { width: PANEL.width, height: PANEL.height, layer: layers },
    resolve: { legend: { color: 'shared' } },
  });
  return { kind: 'figure', spec, caption: caption(curves, families, policies), notes };
}

/** Figure 1. */
export const passVsK: FigureBuilder = { name: 'pass-vs-k', number: '1', title: 'PASS@(k,T) vs k at the largest budget', build };
