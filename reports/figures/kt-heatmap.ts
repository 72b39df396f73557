/**
 * The k × T heatmap grid shared by figures 2b and 2c: which (k, T) cells are drawn, and the faceted
 * grid (a row per family, a column per policy or policy pair) whose layers fill and label the cells.
 */
import { integerBudgets, isShownK, orderFamilies } from '../data/select';
import type { Budget } from '../data/tables';
import { MAX_COLUMNS, envelope, panelHeader, panelLabel } from './common';

/** Cell size (px) and the smallest panel width, so a column label has room even with few k values. */
const CELL = { width: 22, height: 16, minPanelWidth: 96 } as const;

/** The cells of a k × T heatmap and the order of its rows and axes. */
export interface KTGrid<R> {
  /** Integer budgets of the whole table, ascending; empty when the run has no k × T surface. */
  budgets: number[];
  rows: R[];
  families: string[];
  ks: number[];
}

/** Selects a heatmap's cells: integer budgets only, k on the log2 ticks of the table's largest k. */
export function ktGrid<R extends { family: string; budget: Budget; k: number }>(table: readonly R[]): KTGrid<R> {
  const budgets = integerBudgets(table.map((row) => row.budget));
  if (budgets.length === 0) return { budgets, rows: [], families: [], ks: [] };
  const kMax = Math.max(...table.map((row) => row.k));
  const rows = table.filter((row) => row.budget !== 'all' && isShownK(row.k, kMax));
  const families = orderFamilies(rows.map((row) => row.family));
  const ks = [...new Set(rows.map((row) => row.k))].sort((a, b) => a - b);
  return { budgets, rows, families, ks };
}

/**
 * The heatmaps: a panel per family and value of `column.field` (a row of panels per family), k across,
 * T upwards; `layer` draws the cells. The k title is shared under the grid; the T axis is titled `T`,
 * which fits a panel of one budget.
 */
export function ktHeatmapSpec(description: string, values: readonly { family: string }[], grid: KTGrid<unknown>, column: { field: string; sort: readonly string[] }, layer: readonly object[]) {
  const width = Math.max(CELL.minPanelWidth, grid.ks.length * CELL.width);
  const panel = (family: string, value: string) => panelLabel([family, ...value.split(' − ').map((part, i) => (i > 0 ? `− ${part}` : part))]);
  return envelope(description, {
    data: { values: values.map((v) => ({ ...v, panel: panel(v.family, String((v as Record<string, unknown>)[column.field])) })) },
    facet: { field: 'panel', type: 'nominal', sort: grid.families.flatMap((family) => column.sort.map((value) => panel(family, value))), header: panelHeader('k (samples per task)', width, 1 + Math.max(...column.sort.map((value) => value.split(' − ').length))) },
    columns: Math.min(column.sort.length, MAX_COLUMNS),
    spacing: 8,
    spec: {
      width,
      height: { step: CELL.height },
      encoding: {
        x: { field: 'k', type: 'ordinal', sort: grid.ks, axis: { title: null, labelAngle: 0 } },
        y: { field: 'T', type: 'ordinal', sort: 'descending', axis: { title: 'T', titleAngle: 0, titleAlign: 'right', titleBaseline: 'middle' } },
      },
      layer,
    },
  });
}
