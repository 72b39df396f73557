import { describe, expect, it } from 'vitest';
import { shapePolicy, shapeWeights } from '../../../pipeline/serve/sampling';
import { config } from '../simulate/small-setup';

const close = (actual: number[], expected: number[]) => actual.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));

describe('temperature and top_p on a policy', () => {
  it('reshapes a distribution as a softmax of log-probabilities divided by the temperature', () => {
    close(shapeWeights([2, 1, 1], { temperature: 1, topP: 1 }), [0.5, 0.25, 0.25]);
    // τ = 0.5 squares the probabilities: 0.25, 0.0625, 0.0625 renormalised.
    close(shapeWeights([2, 1, 1], { temperature: 0.5, topP: 1 }), [0.25 / 0.375, 0.0625 / 0.375, 0.0625 / 0.375]);
    // τ = 2 takes square roots.
    const roots = [Math.sqrt(0.5), 0.5, 0.5];
    const sum = roots.reduce((a, b) => a + b, 0);
    close(shapeWeights([2, 1, 1], { temperature: 2, topP: 1 }), roots.map((r) => r / sum));
  });

  it('takes the most likely option at temperature 0, ties staying uniform', () => {
    close(shapeWeights([1, 3, 2], { temperature: 0, topP: 1 }), [0, 1, 0]);
    close(shapeWeights([3, 3, 2], { temperature: 0, topP: 1 }), [0.5, 0.5, 0]);
    close(shapeWeights([0.7, 0.3], { temperature: 1e-4, topP: 1 }), [1, 0]);
  });

  it('keeps the smallest set of most likely options reaching top_p', () => {
    close(shapeWeights([0.5, 0.3, 0.2], { temperature: 1, topP: 0.7 }), [0.625, 0.375, 0]);
    close(shapeWeights([0.5, 0.3, 0.2], { temperature: 1, topP: 0.5 }), [1, 0, 0]);
    close(shapeWeights([0.2, 0.5, 0.3], { temperature: 1, topP: 0.81 }), [0.2, 0.5, 0.3]);
  });

  it('leaves the policy itself at temperature 1, and makes every skill a sure thing at temperature 0', () => {
    const rl = config.policies.rl!;
    expect(shapePolicy(rl, { temperature: 1, topP: 1 })).toBe(rl);
    const greedy = shapePolicy(rl, { temperature: 0, topP: 1 });
    expect(greedy.integration).toBe(rl.integration > 0.5 ? 1 : 0);
    expect(greedy.giveUp).toBe(rl.giveUp > 0.5 ? 1 : 0);
    const mixture = Object.entries(greedy.mixture.bridge).filter(([, w]) => w > 0);
    const best = Object.entries(rl.mixture.bridge).sort((a, b) => b[1] - a[1])[0]![0];
    expect(mixture).toEqual([[best, 1]]);
  });
});
