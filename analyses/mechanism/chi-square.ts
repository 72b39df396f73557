/**
 * The chi-square distribution's CDF and survival function (the p-value of a chi-square or G statistic).
 */
import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma';

function checkDegrees(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`chi-square needs df > 0, got ${df}`);
}

/** P(X ≤ x) for X ~ χ²(df). */
export function chiSquareCdf(x: number, df: number): number {
  checkDegrees(df);
  if (Number.isNaN(x)) return NaN;
  return x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2);
}

/** P(X > x) for X ~ χ²(df): the p-value of an observed statistic x. */
export function chiSquareSurvival(x: number, df: number): number {
  checkDegrees(df);
  if (Number.isNaN(x)) return NaN;
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}
