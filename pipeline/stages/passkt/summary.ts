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

/** Headline lines per family at the headline budget. */
export function headlineLines(analysis: PassAnalysis, crossovers: readonly CurveCrossover[], saturation: readonly SaturationDepth[], threshold: number): string[] {
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
      const where = !crossover ? '' : crossover.status === 'always' ? `; ${diff.a} at or above ${diff.b} at every k` : crossover.status === 'never' ? `; ${diff.a} below ${diff.b} at k=${n}` : `; crossover at k=${crossover.k}`;
      const atN = n === 1 ? '' : `, k=${n} ${signed(diff.diff[n - 1] as number)}${interval(diff.low[n - 1] as number, diff.high[n - 1] as number, signed)}`;
      lines.push(`passkt: ${family} T=${budget} ${diff.a} − ${diff.b}: k=1 ${signed(diff.diff[0] as number)}${interval(diff.low[0] as number, diff.high[0] as number, signed)}${atN}${where}`);
    }
    const depth = saturation.filter((row) => row.family === family && row.k === 1);
    if (depth.length > 0) lines.push(`passkt: ${family} saturation depth T* at k=1 (Δ_T < ${threshold}): ${depth.map((row) => `${row.policy} ${row.tStar ?? 'not reached'}`).join(', ')}`);
  }
  return lines;
}
