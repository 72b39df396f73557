/** Number formatting for captions and tables, in the study's style (.363, not 0.363). */

/** A probability with three decimals and no leading zero: `.363`, `1.000`, `−.042`. */
export function prob(value: number, digits = 3): string {
  const fixed = Math.abs(value).toFixed(digits);
  const trimmed = fixed.startsWith('0.') ? fixed.slice(1) : fixed;
  return `${value < 0 && Number(fixed) !== 0 ? '−' : ''}${trimmed}`;
}

/** A signed difference: `+.040`, `−.028`. */
export function signed(value: number, digits = 3): string {
  const body = prob(value, digits);
  return body.startsWith('−') ? body : `+${body}`;
}

/** A 95% interval: `[.301, .422]`. */
export function interval(low: number, high: number, digits = 3): string {
  return `[${prob(low, digits)}, ${prob(high, digits)}]`;
}

/** ` [low, high]` with a leading space, or nothing when the interval was not computed. */
export function optionalInterval(low: number | null, high: number | null, digits = 3): string {
  return low === null || high === null ? '' : ` ${interval(low, high, digits)}`;
}

/** A p-value: `p = .031`, `p < .001`. */
export function pValue(p: number): string {
  if (p < 0.001) return 'p < .001';
  return `p = ${prob(p, p < 0.01 ? 3 : 2)}`;
}

/** A percentage with no decimals: `36%`. */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A count short enough for a table cell: `980`, `9,870`, `117k`, `1.2M` (116,670 → `117k`). */
export function compactCount(value: number): string {
  if (Math.abs(value) < 10_000) return value.toLocaleString('en-US');
  if (Math.abs(value) < 999_500) return `${Math.round(value / 1000)}k`;
  return `${(value / 1_000_000).toFixed(1)}M`;
}
