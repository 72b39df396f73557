/**
 * The k × T heatmap grid shared by figures 2b and 2c: which (k, T) cells are drawn, and the faceted
 * grid (a row per family, a column per policy or policy pair) whose layers fill and label the cells.
 */
import { integerBudgets, isShownK, orderFamilies } from '../data/select';
import type { Budget } from '../data/tables';
import { ROW_HEADER, envelope } from './common';

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

/** The faceted heatmap: k across, T upwards, a column per value of `column.field`; `layer` draws the cells. */
export function ktHeatmapSpec(description: string, values: readonly object[], grid: KTGrid<unknown>, column: { field: string; sort: readonly string[] }, layer: readonly object[]) {
  return envelope(description, {
    data: { values },
    facet: {
      row: { field: 'family', type: 'nominal', sort: grid.families, header: ROW_HEADER },
      column: { field: column.field, type: 'nominal', sort: column.sort, header: { title: null } },
    },
    spacing: 8,
    spec: {
      width: { step: 22 },
      height: { step: 16 },
      encoding: {
        x: { field: 'k', type: 'ordinal', sort: grid.ks, axis: { title: 'k (samples per task)', labelAngle: 0 } },
        y: { field: 'T', type: 'ordinal', sort: 'descending', axis: { title: 'T (max rounds)' } },
      },
      layer,
    },
  });
}
