/**
 * Pieces shared by figure builders: the spec envelope, the policy colour encoding, facet headers and
 * the row selections several figures make the same way.
 */
import type { TopLevelSpec } from 'vega-lite';
import { headlineBudgets, orderFamilies } from '../data/select';
import type { Budget } from '../data/tables';
import { policyColorScale } from '../theme/colors';
import { THEME } from '../theme/theme';

/** The Vega-Lite schema every spec declares. */
export const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Wraps a spec body with the schema, the house theme and a description (used as the SVG's aria label). */
export function envelope(description: string, body: Record<string, unknown>): TopLevelSpec {
  return { $schema: VL_SCHEMA, description, config: THEME, ...body } as TopLevelSpec;
}

/** Colour by policy with the report-wide fixed palette. */
export function policyColor(policies: readonly string[], legend: Record<string, unknown> | null = {}) {
  return {
    field: 'policy',
    type: 'nominal' as const,
    scale: policyColorScale(policies),
    legend: legend === null ? null : { title: 'policy', ...legend },
  };
}

/** Legend placed under the plot, in one row: keeps small-multiple figures narrow. */
export const BOTTOM_LEGEND = { orient: 'bottom', direction: 'horizontal', titleOrient: 'left', symbolOpacity: 1 } as const;

/** Row-facet labels on the right, reading downwards, out of the way of the y axis. */
export const ROW_HEADER = { title: null, labelOrient: 'right', labelAngle: 90, labelAlign: 'center', labelBaseline: 'bottom' } as const;

/** Panel titles above each row panel, left-aligned: room for long `family · T = … · …` labels. */
export const TOP_HEADER = { title: null, labelAngle: 0, labelAlign: 'left', labelOrient: 'top', labelAnchor: 'start' } as const;

/** One-line PASS axis title for small panels. */
export const SHORT_PASS_TITLE = 'PASS@(k,T)';

/** The rows of each family at its headline budget (largest T, else `all`). */
export function atHeadlineBudget<R extends { family: string; budget: Budget }>(rows: readonly R[]): R[] {
  const budgets = headlineBudgets(rows);
  return rows.filter((row) => budgets.get(row.family) === row.budget);
}

/** Distinct panel labels of the rows, families in canonical order, first-seen order within a family. */
export function panelsByFamily<R extends { family: string }>(rows: readonly R[], panel: (row: R) => string): string[] {
  const families = orderFamilies(rows.map((row) => row.family));
  return families.flatMap((family) => [...new Set(rows.filter((row) => row.family === family).map((row) => panel(row)))]);
}
