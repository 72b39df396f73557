/**
 * The verdict per family and policy pair: did a expand the capability boundary over b, only become
 * more efficient on what both could already do, or neither? Decided from two tests per pair — the
 * exact McNemar test of the k = n boundary and the sign-flip test of the pass@1 difference on the
 * tasks both policies solve — with Holm-adjusted p-values over every test the run's verdicts make
 * (verdict-table.ts), so the chance of any false claim among all verdicts is at most alpha.
 */
import { pValueText, signed } from '../stats/format';

/** The verdict categories. */
export const VERDICTS = [
  'expansion',
  'expansion with a reliability loss',
  'regression',
  'regression with a reliability gain',
  'efficiency only',
  'efficiency loss',
  'no difference',
] as const;

/** A verdict. */
export type Verdict = (typeof VERDICTS)[number];

/** The numbers a verdict rests on. */
export interface VerdictEvidence {
  /** Boundary at k = n: tasks only a solves, only b solves. */
  onlyA: number;
  onlyB: number;
  /** Exact McNemar p-value of onlyA vs onlyB, raw and Holm-adjusted over the verdicts' tests. */
  pValue: number;
  pAdjusted: number;
  /** Tasks both policies solve at k = n (the shared capability) … */
  sharedTasks: number;
  /** … and the paired pass@1 difference a − b on them, with its bootstrap interval … */
  sharedPass1Diff: number;
  sharedPass1Low: number;
  sharedPass1High: number;
  /** … and its sign-flip test, raw and Holm-adjusted (NaN: too few shared tasks, no test made). */
  sharedPValue: number;
  sharedPAdjusted: number;
}

/**
 * Rules, on the Holm-adjusted p-values at `alpha`: a significant boundary difference decides between
 * `expansion` (onlyA > onlyB) and `regression`, and a significant shared-task pass@1 difference in the
 * opposite direction is said with it (`expansion with a reliability loss`, `regression with a
 * reliability gain`), so a verdict never hides a significant loss. Otherwise a significant shared-task
 * difference gives `efficiency only` (a higher) or `efficiency loss` (a lower); else `no difference`.
 */
export function decideVerdict(evidence: VerdictEvidence, alpha: number): Verdict {
  const boundary = evidence.pAdjusted < alpha;
  const shared = evidence.sharedPAdjusted < alpha;
  const sharedUp = shared && evidence.sharedPass1Diff > 0;
  const sharedDown = shared && evidence.sharedPass1Diff < 0;
  if (boundary && evidence.onlyA > evidence.onlyB) return sharedDown ? 'expansion with a reliability loss' : 'expansion';
  if (boundary && evidence.onlyA < evidence.onlyB) return sharedUp ? 'regression with a reliability gain' : 'regression';
  if (sharedUp) return 'efficiency only';
  if (sharedDown) return 'efficiency loss';
  return 'no difference';
}

/** The verdict as one sentence with the numbers that justify it, raw and adjusted p-values included. */
export function verdictSentence(context: { family: string; budget: string; a: string; b: string; k: number }, verdict: Verdict, evidence: VerdictEvidence): string {
  const { family, budget, a, b, k } = context;
  const boundary =
    `${a} solves ${evidence.onlyA} task${evidence.onlyA === 1 ? '' : 's'} ${b} never does and ${b} ${evidence.onlyB} that ${a} never does at k=${k} ` +
    `(exact McNemar p=${pValueText(evidence.pValue)}, Holm-adjusted ${pValueText(evidence.pAdjusted)})`;
  let shared = 'no task solved by both, so no shared pass@1';
  if (evidence.sharedTasks > 0) {
    const interval = Number.isFinite(evidence.sharedPass1Low) ? ` [${signed(evidence.sharedPass1Low)}, ${signed(evidence.sharedPass1High)}]` : '';
    const test = Number.isFinite(evidence.sharedPValue) ? ` (sign-flip p=${pValueText(evidence.sharedPValue)}, Holm-adjusted ${pValueText(evidence.sharedPAdjusted)})` : ' (too few tasks to test)';
    shared = `pass@1 on the ${evidence.sharedTasks} task${evidence.sharedTasks === 1 ? '' : 's'} both solve ${signed(evidence.sharedPass1Diff)}${interval}${test}`;
  }
  // With one sample per task "solved at least once in n" is a single try: no boundary beyond pass@1.
  const single = k === 1 ? ' With n = 1 sample per task this boundary is only pass@1, not what the policy can do in many tries.' : '';
  return `${family}, T=${budget}: ${a} vs ${b} — ${verdict}: ${boundary}; ${shared}.${single}`;
}
