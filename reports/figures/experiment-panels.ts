/**
 * The panels of the model-access figures (surprisal, swap): each family with all its budgets together,
 * and all families together — or, when a family has one budget only, that budget's cell.
 */
import { groupName } from '../../analyses/experiments/cells';
import { orderFamilies } from '../data/select';
import type { Budget } from '../data/tables';

/** The label of a group: `bridge · all budgets`, `all families · T = 3`. */
export const groupLabel = groupName;

/** The rows of the panels shown, and the panel labels in order (families in canonical order, `all` last). */
export function experimentPanels<R extends { family: string; budget: Budget }>(rows: readonly R[]): { rows: R[]; panels: string[] } {
  const families = orderFamilies(rows.map((row) => row.family).filter((family) => family !== 'all'));
  const chosen: R[] = [];
  for (const family of [...families, 'all']) {
    const own = rows.filter((row) => row.family === family);
    const pooled = own.filter((row) => row.budget === 'all');
    chosen.push(...(pooled.length > 0 ? pooled : own));
  }
  const panels = [...new Set(chosen.map((row) => groupLabel(row.family, row.budget)))];
  return { rows: chosen, panels };
}
