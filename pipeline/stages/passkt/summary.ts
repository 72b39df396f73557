/**
 * The passkt stage's summary lines (printed after the run and kept in the manifest): how episodes
 * were assigned to budgets, then per family the headline budget's pass@1 and pass@n per policy and
 * each pair's difference and crossover.
 */
import { headlineBudget } from '../../../analyses/budget';
import type { CurveCrossover } from '../../../analyses/passkt/crossover';
import type { PassAnalysis } from '../../../analyses/passkt/curves';
import type { OutcomeReport } from '../../../analyses/passkt/outcomes';
import type { SaturationDepth } from '../../../analyses/passkt/saturation';
import { fixed, signed } from '../../../analyses/stats/format';
import { compareText } from '../../../analyses/stats/compare-text';

function interval(low: number, high: number, format: (value: number) => string = fixed): string {
  return Number.isFinite(low) && Number.isFinite(high) ? ` [${format(low)}, ${format(high)}]` : '';
}

/** How the outcome table was built, in words. */
export function assignmentLines(report: OutcomeReport, pairs: number): string[] {
  const lines = [
    `passkt: ${report.episodes} episodes in ${pairs} (policy, task) pairs — ${report.pairsCapped} capped, ${report.pairsThresholded} thresholded; budget grid ${report.grid.join(',')} (from ${report.gridSource})`,
  ];
  if (report.pairsMixed > 0) {
    lines.push(
      `passkt: mixed input — ${report.pairsMixed} (policy, task) pairs have both capped and uncapped episodes: their capped episodes are used at their own T, their ${report.uncappedOfMixedPairs} uncapped episodes only in budget=all rows`,
    );
  }
  if (report.correctRoundsUnknown > 0) {
    lines.push(
      `passkt: ${report.correctRoundsUnknown} correct uncapped episodes have no (or a cut) trace, so their rounds are unknown: they count as successes in budget=all rows and as failures at every threshold T`,
    );
  }
  return lines;
}

/** `k=3 [2, 9]`, `[2, >64]` when the upper end lies beyond the grid. */
function kWithInterval(k: number, low: number, high: number, kMax: number): string {
  if (Number.isNaN(low) || Number.isNaN(high)) return String(k);
  return `${k} [${low}, ${Number.isFinite(high) ? high : `>${kMax}`}]`;
}

/** What the crossover sentence needs (from the analysis, or read back from `crossover.csv`). */
export type CrossoverFacts = Pick<CurveCrossover, 'a' | 'b' | 'kMax' | 'status' | 'k' | 'kLow' | 'kHigh' | 'significant'>;

/** The crossover of a pair, in words (with its interval and whether it is significant at `level`). */
export function crossoverText(crossover: CrossoverFacts, tolerance: number, level: number): string {
  const { a, b, kMax } = crossover;
  switch (crossover.status) {
    case 'crosses': {
      const where = `curves cross at k=${kWithInterval(crossover.k as number, crossover.kLow, crossover.kHigh, kMax)}`;
      const note = crossover.significant === false ? ` (not significant: the ${Math.round(level * 100)}% interval of ${a} − ${b} covers 0 at every k ≤ ${crossover.k})` : '';
      return `${where}${note}`;
    }
    case 'converge':
      return `${a} and ${b} converge at the ceiling (both ≥ 1 − ${tolerance} at k=${kMax})`;
    case 'above':
      return `${a} above ${b} (beyond ${tolerance}) at some k, never below`;
    case 'below':
      return `${a} below ${b} (beyond ${tolerance}) at some k, never above`;
    case 'none':
      return `${a} and ${b} within ${tolerance} of each other at every k`;
  }
}

/** T* with its bootstrap interval: `3 [2, 5]`, `3 [2, not reached]`. */
function tStarText(row: SaturationDepth): string {
  const depth = row.tStar === null ? 'not reached' : String(row.tStar);
  if (Number.isNaN(row.tStarLow) || Number.isNaN(row.tStarHigh)) return depth;
  const bound = (value: number) => (Number.isFinite(value) ? String(value) : 'not reached');
  return `${depth} [${bound(row.tStarLow)}, ${bound(row.tStarHigh)}]`;
}

/** Headline lines per family at the headline budget. */
export function headlineLines(analysis: PassAnalysis, crossovers: readonly CurveCrossover[], saturation: readonly SaturationDepth[], settings: { saturationThreshold: number; crossoverTolerance: number; level: number }): string[] {
  const lines: string[] = [];
  const families = [...new Set(analysis.curves.map((curve) => curve.family))].sort(compareText);
  for (const family of families) {
    const curves = analysis.curves.filter((curve) => curve.family === family);
    const budget = headlineBudget(curves);
    if (budget === null) continue;
    for (const curve of curves.filter((entry) => entry.budget === budget)) {
      const n = curve.kMax;
      // With one sample per task there is no pass@k beyond pass@1 to report.
      const atN = n === 1 ? ' (n = 1 sample per task: pass@1 only)' : `, pass@${n} ${fixed(curve.pass[n - 1] as number)}${interval(curve.passLow[n - 1] as number, curve.passHigh[n - 1] as number)}`;
      lines.push(
        `passkt: ${family} T=${budget} ${curve.policy} (${curve.mode}, ${curve.tasks[0]} tasks): pass@1 ${fixed(curve.pass[0] as number)}${interval(curve.passLow[0] as number, curve.passHigh[0] as number)}${atN}`,
      );
    }
    for (const diff of analysis.diffs.filter((entry) => entry.family === family && entry.budget === budget)) {
      const n = diff.kMax;
      const crossover = crossovers.find((row) => row.family === family && row.budget === budget && row.a === diff.a && row.b === diff.b);
      const where = crossover ? `; ${crossoverText(crossover, settings.crossoverTolerance, settings.level)}` : '';
      const atN = n === 1 ? '' : `, k=${n} ${signed(diff.diff[n - 1] as number)}${interval(diff.low[n - 1] as number, diff.high[n - 1] as number, signed)}`;
      lines.push(`passkt: ${family} T=${budget} ${diff.a} − ${diff.b}: k=1 ${signed(diff.diff[0] as number)}${interval(diff.low[0] as number, diff.high[0] as number, signed)}${atN}${where}`);
    }
    const depth = saturation.filter((row) => row.family === family && row.k === 1);
    if (depth.length > 0) lines.push(`passkt: ${family} saturation depth T* at k=1 (Δ_T < ${settings.saturationThreshold}; ${Math.round(settings.level * 100)}% bootstrap interval): ${depth.map((row) => `${row.policy} ${tStarText(row)}`).join(', ')}`);
  }
  return lines;
}
