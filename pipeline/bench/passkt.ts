/**
 * Benchmark of the PASS@(k,T) bootstrap at the size: 1000 resamples × 300 tasks × 64 k ×
 * 5 budgets × 3 policies (pass@k and pass^k curves plus the paired differences of the 3 policy pairs),
 * on synthetic counts. `npm run bench` calls `benchPassktBootstrap`; `npx tsx pipeline/bench/passkt.ts`
 * runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { analysePass } from '../../analyses/passkt/curves';
import type { Outcome } from '../../analyses/passkt/outcomes';
import { policyPairs } from '../../analyses/passkt/pairs';
import { createRng } from '../../analyses/random/rng';

/** Synthetic outcome tables: per task a success probability, per (policy, T) a binomial count of n episodes. */
export function syntheticOutcomes(options: { tasks: number; samples: number; budgets: readonly number[]; policies: readonly string[]; seed: number }): Outcome[] {
  const rng = createRng(options.seed);
  const outcomes: Outcome[] = [];
  for (let t = 0; t < options.tasks; t++) {
    const difficulty = rng.next();
    for (const policy of options.policies) {
      const skill = 0.5 + rng.next();
      for (const budget of options.budgets) {
        const p = Math.min(1, difficulty * skill * (1 + budget) / (1 + Math.max(...options.budgets)));
        let c = 0;
        for (let i = 0; i < options.samples; i++) if (rng.next() < p) c += 1;
        outcomes.push({ policy, task: `task-${t}`, family: 'bench', budget, mode: 'capped', n: options.samples, c });
      }
    }
  }
  return outcomes;
}

/** Times the bootstrap at the size; returns a label and the wall time in seconds. */
export function benchPassktBootstrap(resamples = 1000): { label: string; seconds: number } {
  const policies = ['base', 'rl', 'sft'];
  const outcomes = syntheticOutcomes({ tasks: 300, samples: 64, budgets: [0, 1, 2, 3, 5], policies, seed: 7 });
  const pairs = policyPairs(policies, 'base');
  const started = process.hrtime.bigint();
  analysePass(outcomes, pairs, { resamples, level: 0.95, rng: createRng(1) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    label: `passkt bootstrap: ${resamples} resamples × 300 tasks × 64 k × 5 T × 3 policies (pass@k + pass^k curves, paired marginal values, ${pairs.length} paired differences)`,
    seconds,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { label, seconds } = benchPassktBootstrap();
  console.log(`${label}: ${seconds.toFixed(2)} s`);
}
