import { describe, expect, it } from 'vitest';
import { generateEnvironment } from '../../../pipeline/environment/tasks/generate-tasks';
import { FAMILIES } from '../../../pipeline/environment/tasks/sim-task';
import { CorrectTally } from '../../../pipeline/simulate/passk-check';
import { simulateEpisodes } from '../../../pipeline/simulate/simulate-episodes';
import { DEFAULT_RUN_SEED, simulateStageSeed, stageRandom } from '../../../pipeline/simulate/stage-random';
import { config } from './small-setup';

// The default data's planted picture: the same world and episodes as `npm run pipeline` (run seed
// 20260425, 100 tasks per family, n = 64), at T = 5.
describe('the default policies on the default data', () => {
  const random = stageRandom(simulateStageSeed(DEFAULT_RUN_SEED));
  const { world, tasks } = generateEnvironment(config.world, FAMILIES, 100, random.environment);
  const tally = new CorrectTally(tasks);
  for (const t of simulateEpisodes({ tasks, world, policies: config.policies, grid: { budgets: [5], samples: 64 }, topK: 3, bm25: config.bm25, seed: random.episodes })) tally.add(t);
  const pass = (policy: string, family: string, k: number) => tally.passAtK(policy, family, 5, k);
  const gap = (k: number) => pass('rl', 'bridge', k) - pass('base', 'bridge', k);

  it('bridge: RL slightly below base at k = 1, above at k = 64, the gap widening with k', () => {
    expect(gap(1)).toBeLessThan(0);
    expect(gap(1)).toBeGreaterThan(-0.08);
    expect(gap(64)).toBeGreaterThan(0.03);
    expect(gap(16)).toBeGreaterThan(gap(4));
    expect(gap(4)).toBeGreaterThan(gap(1));
  });

  it("bridge: SFT's boundary (pass@64) below base's", () => {
    expect(pass('sft', 'bridge', 64)).toBeLessThan(pass('base', 'bridge', 64) - 0.03);
  });

  it('comparison and closed-book: little or no boundary expansion', () => {
    for (const family of ['comparison', 'closed-book']) {
      expect(Math.abs(pass('rl', family, 64) - pass('base', family, 64)), family).toBeLessThanOrEqual(0.02);
    }
  });
});
