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

/** Most panels side by side in a wrapped facet: more wrap into further rows, so a figure's width is capped. */
export const MAX_COLUMNS = 5;

/**
 * A panel's facet key: one line per part. The key keeps every part whole, so two panels never merge;
 * the header shortens each line for display (`panelLines`).
 */
export function panelLabel(parts: readonly string[]): string {
  return parts.join('\n');
}

/**
 * The header label expression that draws a `panelLabel` on `lines` lines, each shortened in the middle
 * to about `width` px of bold 11.5 px DejaVu Sans (≈ 8 px a character): a label never runs into the
 * next panel, whatever the names.
 */
export function panelLines(width: number, lines = 1): string {
  const chars = Math.max(4, Math.floor(width / 8));
  const line = (i: number) => `truncate(split(datum.label, '\\n')[${i}], ${chars}, 'center')`;
  return `[${Array.from({ length: lines }, (_, i) => line(i)).join(', ')}]`;
}

/**
 * Headers of a wrapped facet: each panel's label above it, left-aligned, and the shared x-axis title
 * once under all panels (a title per panel ran into its neighbour when panels were narrow).
 */
export function panelHeader(title: string | null, width: number, lines = 1) {
  return { title, titleOrient: 'bottom', labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left', labelExpr: panelLines(width, lines) } as const;
}

/** Headers of a row facet: each row's label above it, left-aligned (room for long `family · T = …` labels). */
export function topHeader(width: number) {
  return { title: null, labelAngle: 0, labelAlign: 'left', labelOrient: 'top', labelAnchor: 'start', labelExpr: panelLines(width) } as const;
}

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
