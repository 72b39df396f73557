/**
 * The verdict per family and policy pair: did a expand the capability boundary over b, only become
 * more efficient on what both could already do, or neither? Decided from the boundary test and the
 * pass@1 difference on the tasks both policies solve.
 */
import { pValueText, signed } from '../stats/format';

/** The verdict categories, in the order the rules try them. */
export type Verdict = 'expansion' | 'regression' | 'efficiency only' | 'efficiency loss' | 'no difference';

/** The numbers a verdict rests on. */
export interface VerdictEvidence {
  /** Boundary at k = n: tasks only a solves, only b solves. */
  onlyA: number;
  onlyB: number;
  /** Exact McNemar p-value of onlyA vs onlyB. */
  pValue: number;
  /** Tasks both policies solve at k = n (the shared capability) … */
  sharedTasks: number;
  /** … and the paired pass@1 difference a − b on them, with its bootstrap interval. */
  sharedPass1Diff: number;
  sharedPass1Low: number;
  sharedPass1High: number;
}

/**
 * Rules, first match wins: `expansion` when a solves significantly more tasks that b never solves
 * than the reverse (onlyA > onlyB, p < alpha); `regression` when significantly fewer; otherwise, with
 * at least `minSharedTasks` shared tasks (a bootstrap over fewer says nothing), `efficiency only` when
 * pass@1 on shared tasks is higher (interval above 0) and `efficiency loss` when it is lower
 * (interval below 0); otherwise `no difference`.
 */
export function decideVerdict(evidence: VerdictEvidence, alpha: number, minSharedTasks = 5): Verdict {
  const significant = evidence.pValue < alpha;
  if (significant && evidence.onlyA > evidence.onlyB) return 'expansion';
  if (significant && evidence.onlyA < evidence.onlyB) return 'regression';
  const enough = evidence.sharedTasks >= Math.max(1, minSharedTasks);
  if (enough && evidence.sharedPass1Low > 0) return 'efficiency only';
  if (enough && evidence.sharedPass1High < 0) return 'efficiency loss';
  return 'no difference';
}

/** The verdict as one sentence with the numbers that justify it. */
export function verdictSentence(context: { family: string; budget: string; a: string; b: string; k: number }, verdict: Verdict, evidence: VerdictEvidence): string {
  const { family, budget, a, b, k } = context;
  const boundary = `${a} solves ${evidence.onlyA} task${evidence.onlyA === 1 ? '' : 's'} ${b} never does and ${b} ${evidence.onlyB} that ${a} never does at k=${k} (exact McNemar p=${pValueText(evidence.pValue)})`;
  const shared =
    evidence.sharedTasks > 0
      ? `pass@1 on the ${evidence.sharedTasks} task${evidence.sharedTasks === 1 ? '' : 's'} both solve ${signed(evidence.sharedPass1Diff)} [${signed(evidence.sharedPass1Low)}, ${signed(evidence.sharedPass1High)}]`
      : 'no task solved by both, so no shared pass@1';
  // With one sample per task "solved at least once in n" is a single try: no boundary beyond pass@1.
  const single = k === 1 ? ' With n = 1 sample per task this boundary is only pass@1, not what the policy can do in many tries.' : '';
  return `${family}, T=${budget}: ${a} vs ${b} — ${verdict}: ${boundary}; ${shared}.${single}`;
}

