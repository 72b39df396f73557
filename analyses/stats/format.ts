/**
 * Number formatting, in two styles: the console's (`0.363`, `+0.034`, used by summary lines and
 * `inspect`) and the report's, in the study's style (`.363`, `−.042`). Undefined numbers print `n/a`.
 */

/** `0.363` with `digits` decimals, or `n/a` when the number is undefined (null, NaN, infinite). */
export function fixed(value: number | null, digits = 3): string {
  return value !== null && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** A difference with its sign: `+0.034`, `-0.028` (never `-0.000`), or `n/a`. */
export function signed(value: number | null, digits = 3): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const text = Math.abs(value).toFixed(digits);
  return `${value < 0 && Number(text) !== 0 ? '-' : '+'}${text}`;
}

/** A share as a percentage (`36.2%` with one decimal by default), or `n/a`. */
export function percent(value: number | null, digits = 1): string {
  return value !== null && Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : 'n/a';
}

/** A p-value in the console: `0.039`, `5.7e-6`; one that underflows prints `< 1e-300`. */
export function pValueText(p: number): string {
  if (p < 1e-300) return '< 1e-300';
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}

/** A probability in the report's style, three decimals and no leading zero: `.363`, `1.000`, `−.042`. */
export function prob(value: number, digits = 3): string {
  const text = Math.abs(value).toFixed(digits);
  const trimmed = text.startsWith('0.') ? text.slice(1) : text;
  return `${value < 0 && Number(text) !== 0 ? '−' : ''}${trimmed}`;
}

/** A signed difference in the report's style: `+.040`, `−.028`. */
export function signedProb(value: number, digits = 3): string {
  const body = prob(value, digits);
  return body.startsWith('−') ? body : `+${body}`;
}

/** A 95% interval in the report's style: `[.301, .422]`. */
export function probInterval(low: number, high: number, digits = 3): string {
  return `[${prob(low, digits)}, ${prob(high, digits)}]`;
}

/** ` [low, high]` with a leading space, or nothing when the interval was not computed. */
export function optionalProbInterval(low: number | null, high: number | null, digits = 3): string {
  return low === null || high === null ? '' : ` ${probInterval(low, high, digits)}`;
}

/** A p-value in prose: `p = .031`, `p < .001`. */
export function pValueProse(p: number): string {
  if (p < 0.001) return 'p < .001';
  return `p = ${prob(p, p < 0.01 ? 3 : 2)}`;
}

/** A count short enough for a table cell: `980`, `9,870`, `117k`, `1.2M` (116,670 → `117k`). */
export function compactCount(value: number): string {
  if (Math.abs(value) < 10_000) return value.toLocaleString('en-US');
  if (Math.abs(value) < 999_500) return `${Math.round(value / 1000)}k`;
  return `${(value / 1_000_000).toFixed(1)}M`;
}
