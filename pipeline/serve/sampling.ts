/**
 * How `temperature` and `top_p` act on a simulated policy. Every random choice of a policy is a
 * distribution (its strategy mixture, the phrasing of each plan step, and its skills read as two-way
 * choices: right or wrong reading, give up or guess…). Temperature τ reshapes each one as a softmax of
 * log-probabilities does: p_i ∝ p_i^(1/τ), so τ = 1 is the policy itself, τ → 0 its most likely choice
 * (ties stay uniform) and τ > 1 flatter choices. top_p then keeps the smallest set of most likely options
 * whose probability reaches top_p (nucleus sampling). Choices the readers make uniformly among look-alikes
 * stay uniform, as tempering a uniform distribution leaves it uniform.
 */
import { FAMILIES } from '../environment/tasks/sim-task';
import { PHRASINGS } from '../simulate/phrasings';
import { phrasingWeights, type PolicyConfig } from '../simulate/policy-config';

/** The sampling parameters of a request. */
export interface Sampling {
  temperature: number;
  topP: number;
}

/** Reshapes weights by temperature and nucleus; returns probabilities (zero for options cut). */
export function shapeWeights(weights: readonly number[], { temperature, topP }: Sampling): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return weights.map(() => 0);
  const p = weights.map((w) => w / total);
  let shaped: number[];
  if (temperature === 0) {
    const max = Math.max(...p);
    shaped = p.map((x) => (x === max ? 1 : 0));
  } else {
    // Powers of probabilities divided by the largest one first, so 1/τ up to 1e4 cannot underflow all of them.
    const max = Math.max(...p);
    shaped = p.map((x) => (x > 0 ? (x / max) ** (1 / temperature) : 0));
  }
  const sum = shaped.reduce((s, x) => s + x, 0);
  shaped = shaped.map((x) => x / sum);
  if (topP >= 1) return shaped;
  const order = shaped.map((x, i) => i).sort((a, b) => shaped[b]! - shaped[a]! || a - b);
  const kept = new Set<number>();
  let cumulative = 0;
  for (const i of order) {
    if (cumulative >= topP || shaped[i] === 0) break;
    kept.add(i);
    cumulative += shaped[i]!;
  }
  return shaped.map((x, i) => (kept.has(i) ? x / cumulative : 0));
}

function shapeRecord(weights: Readonly<Record<string, number>>, sampling: Sampling): Record<string, number> {
  const names = Object.keys(weights);
  const shaped = shapeWeights(
    names.map((name) => weights[name]!),
    sampling,
  );
  return Object.fromEntries(names.map((name, i) => [name, shaped[i]!]));
}

function shapeProbability(p: number, sampling: Sampling): number {
  return shapeWeights([p, 1 - p], sampling)[0]!;
}

/** The policy as sampled with these parameters (the policy itself at temperature 1 and top_p 1). */
export function shapePolicy(policy: PolicyConfig, sampling: Sampling): PolicyConfig {
  if (sampling.temperature === 1 && sampling.topP >= 1) return policy;
  const mixture = { ...policy.mixture };
  const phrasing: PolicyConfig['phrasing'] = {};
  for (const family of FAMILIES) {
    mixture[family] = shapeRecord(policy.mixture[family], sampling);
    const slots = Object.keys(PHRASINGS[family]);
    phrasing[family] = Object.fromEntries(slots.map((slot) => [slot, shapeRecord(phrasingWeights(policy, family, slot), sampling)]));
  }
  return {
    ...policy,
    mixture,
    phrasing,
    bridgeExtraction: shapeProbability(policy.bridgeExtraction, sampling),
    integration: shapeProbability(policy.integration, sampling),
    queryNoise: shapeProbability(policy.queryNoise, sampling),
    giveUp: shapeProbability(policy.giveUp, sampling),
    recall: {
      easy: shapeProbability(policy.recall.easy, sampling),
      medium: shapeProbability(policy.recall.medium, sampling),
      hard: shapeProbability(policy.recall.hard, sampling),
    },
  };
}
