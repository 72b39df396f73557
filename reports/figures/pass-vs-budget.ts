/**
 * Figure 3a — PASS@(k,T) against the budget T at a few k (rows) per family (columns), one line per
 * policy with its band; each policy's saturation depth T* (from `saturation.csv`) is a dashed rule.
 */
import { budgetLabel, integerBudgets, orderFamilies } from '../data/select';
import { BUDGET_TITLE, passEncoding } from '../theme/axes';
import { orderPolicies } from '../theme/colors';
import { SMALL_PANEL } from '../theme/theme';
import { BOTTOM_LEGEND, MAX_COLUMNS, SHORT_PASS_TITLE, envelope, panelHeader, panelLabel, policyColor } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

/** k = 1, the power of two nearest √n, and n: reliability, the middle, the boundary. */
export function budgetFigureKs(maxK: number): number[] {
  const mid = 2 ** Math.round(Math.log2(Math.sqrt(maxK)));
  return [...new Set([1, mid, maxK])].sort((a, b) => a - b);
}

function build({ data }: FigureContext): FigureOutcome {
  if (!data.passkt) return skip(data.problems['passkt.csv'] ?? 'no passkt.csv in this run.');
  const budgets = integerBudgets(data.passkt.map((row) => row.budget));
  if (budgets.length < 2) return skip('PASS@(k,T) was computed for fewer than two budgets T.');
  const maxK = Math.max(...data.passkt.map((row) => row.k));
  const ks = budgetFigureKs(maxK);
  const rows = data.passkt.filter((row) => row.budget !== 'all' && ks.includes(row.k));
  const families = orderFamilies(rows.map((row) => row.family));
  const policies = orderPolicies(rows.map((row) => row.policy));
  const panel = (family: string, k: number) => panelLabel([family, `k = ${k}`]);
  const values: Record<string, unknown>[] = rows.map((row) => ({ layer: 'curve', panel: panel(row.family, row.k), policy: row.policy, T: row.budget, pass: row.pass, ci_low: row.ci_low, ci_high: row.ci_high }));
  const notes: string[] = [];
  const saturated = (data.saturation ?? []).filter((row) => ks.includes(row.k) && row.t_star !== null);
  for (const row of saturated) values.push({ layer: 'tstar', panel: panel(row.family, row.k), policy: row.policy, T: row.t_star });
  if (!data.saturation) notes.push(`T* is not marked: ${data.problems['saturation.csv'] ?? 'no saturation.csv.'}`);
  const threshold = data.saturation?.[0]?.threshold;
  const x = { field: 'T', type: 'quantitative', scale: { domain: [budgets[0], budgets[budgets.length - 1]], nice: false }, axis: { values: budgets, format: 'd', title: null, grid: true } };
  const spec = envelope('PASS@(k,T) against the budget T at selected k, with saturation depths T*', {
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: ks.flatMap((k) => families.map((family) => panel(family, k))), header: panelHeader(BUDGET_TITLE, SMALL_PANEL.width, 2) },
    columns: Math.min(families.length, MAX_COLUMNS),
    spacing: 8,
    spec: {
      width: SMALL_PANEL.width,
      height: SMALL_PANEL.height,
      layer: [
        { transform: [{ filter: "datum.layer === 'curve' && isValid(datum.ci_low)" }], mark: { type: 'area', opacity: 0.16 }, encoding: { x, y: passEncoding('ci_low', SHORT_PASS_TITLE), y2: { field: 'ci_high' }, color: policyColor(policies, BOTTOM_LEGEND) } },
        { transform: [{ filter: "datum.layer === 'curve'" }], mark: { type: 'line', point: { size: 14 } }, encoding: { x, y: passEncoding('pass', SHORT_PASS_TITLE), color: policyColor(policies, BOTTOM_LEGEND) } },
        { transform: [{ filter: "datum.layer === 'tstar'" }], mark: { type: 'rule', strokeDash: [3, 2], strokeWidth: 1.2 }, encoding: { x, color: policyColor(policies, BOTTOM_LEGEND) } },
      ],
    },
  });
  const stars = saturated
    .filter((row) => row.k === maxK)
    .map((row) => `${row.policy} on ${row.family}: T* = ${row.t_star}`);
  return {
    kind: 'figure',
    spec,
    caption:
      `PASS against the interaction budget at k = ${ks.join(', ')}. Dashed rules mark T*, the smallest budget after which every further ` +
      `step adds less than ${threshold ?? 'the threshold'} (marginal value of depth). ` +
      (stars.length ? `At k = ${maxK}: ${stars.join('; ')}.` : `No policy saturates within ${budgetLabel(budgets[budgets.length - 1]!)} at k = ${maxK}.`),
    notes,
  };
}

/** Figure 3a. */
export const passVsBudget: FigureBuilder = { name: 'pass-vs-budget', number: '3a', title: 'PASS@(k,T) vs T per k, with T* marked', build };
