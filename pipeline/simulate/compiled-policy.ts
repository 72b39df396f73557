/**
 * A policy ready to play: its config plus the samplers of its strategy mixtures and phrasings.
 */
import { FAMILIES, type Family } from '../environment/tasks/sim-task';
import { PHRASINGS } from './phrasings';
import { phrasingWeights, type PolicyConfig } from './policy-config';
import { Sampler } from './sampler';
import type { Strategy } from './strategies';

/** A policy with its samplers. */
export interface CompiledPolicy {
  name: string;
  config: PolicyConfig;
  mixture: Record<Family, Sampler<Strategy>>;
  phrasing: Record<Family, Record<string, Sampler<string>>>;
}

/** Builds the samplers of a policy. */
export function compilePolicy(name: string, config: PolicyConfig): CompiledPolicy {
  const mixture = {} as Record<Family, Sampler<Strategy>>;
  const phrasing = {} as Record<Family, Record<string, Sampler<string>>>;
  for (const family of FAMILIES) {
    mixture[family] = new Sampler<Strategy>(config.mixture[family]);
    phrasing[family] = {};
    for (const slot of Object.keys(PHRASINGS[family])) phrasing[family][slot] = new Sampler(phrasingWeights(config, family, slot));
  }
  return { name, config, mixture, phrasing };
}
