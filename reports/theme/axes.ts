/**
 * Axis and scale definitions shared by figures, so every figure states its units the same way.
 */

/** Powers of two up to n, plus n itself when it is not one: the k values reports show. */
export function kTicks(maxK: number): number[] {
  const ticks: number[] = [];
  for (let k = 1; k <= maxK; k *= 2) ticks.push(k);
  if (ticks[ticks.length - 1] !== maxK && maxK >= 1) ticks.push(maxK);
  return ticks;
}

/** The x encoding of k on a log2 scale, labelled with the powers of two. */
export function log2KEncoding(maxK: number, title: string | null = K_TITLE) {
  const ticks = kTicks(maxK);
  // Narrow panels label every other power of two (1, 4, 16, 64) so the labels never collide.
  let labelled = ticks.length > 5 ? ticks.filter((k, i) => i % 2 === 0 || k === maxK) : ticks;
  // n just above a power of two (e.g. 4 and 5) would print two labels on top of each other.
  labelled = labelled.filter((k) => k === maxK || maxK / k >= 1.5);
  return {
    field: 'k',
    type: 'quantitative' as const,
    scale: { type: 'log' as const, base: 2, domain: [1, Math.max(2, maxK)], nice: false },
    axis: {
      values: ticks,
      format: 'd',
      grid: true,
      title,
      labelExpr: `indexof(${JSON.stringify(labelled)}, datum.value) >= 0 ? datum.label : ''`,
    },
  };
}

/** Title of the k axis, with its unit and scale. */
export const K_TITLE = 'k (samples per task, log₂ scale)';

/** The y encoding of a PASS value (fraction of tasks) on [0, 1]. */
export function passEncoding(field = 'pass', title: string | string[] | null = ['PASS@(k,T)', '(fraction of tasks)']) {
  return {
    field,
    type: 'quantitative' as const,
    // A few pixels of padding keep points at 0 and 1 inside the panel, so facet headers line up.
    scale: { domain: [0, 1], padding: 4, nice: false },
    axis: { format: '.1f', values: [0, 0.2, 0.4, 0.6, 0.8, 1], grid: true, title },
  };
}

/** Title of the budget axis, with its unit. */
export const BUDGET_TITLE = 'T (max tool-call rounds)';
