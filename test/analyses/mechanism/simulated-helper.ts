/**
 * Test helper: runs the project's simulator on a small bridge task set for two policies and returns
 * the compare analyses of their episodes, with rows built by ingest's own row builder and labels from
 * the rule labeler (as the ingest and label stages would).
 */
import { compareGroups, type CompareOutput } from '../../../analyses/mechanism/compare-group';
import { createGroupBuilder } from '../../../analyses/mechanism/group-episodes';
import { retrievalSuccess } from '../../../analyses/mechanism/retrieval-success';
import { createRng } from '../../../analyses/random/rng';
import { episodeFeatures } from '../../../analyses/strategy/features';
import { LABELERS } from '../../../analyses/strategy/labelers';
import { toolRoleMatcher } from '../../../analyses/strategy/tool-roles';
import { generateEnvironment, type GeneratedEnvironment } from '../../../pipeline/environment/tasks/generate-tasks';
import { resolveEpisode } from '../../../pipeline/stages/ingest/resolve-episode';
import { TaskIndex } from '../../../pipeline/stages/ingest/task-index';
import type { PolicyConfig } from '../../../pipeline/simulate/policy-config';
import { simulateEpisodes } from '../../../pipeline/simulate/simulate-episodes';
import { loadSimulatorConfig } from '../../../pipeline/simulate/simulator-config';

/** The shipped simulator config (its `base` policy is the starting point of every scenario). */
export const SIMULATOR = loadSimulatorConfig();

const environments = new Map<string, { env: GeneratedEnvironment; index: TaskIndex }>();

function environment(tasks: number, seed: string) {
  const key = `${tasks}/${seed}`;
  let cached = environments.get(key);
  if (!cached) {
    const env = generateEnvironment(SIMULATOR.world, ['bridge'], tasks, createRng(seed));
    const index = new TaskIndex();
    for (const task of env.tasks) index.add(task.row);
    cached = { env, index };
    environments.set(key, cached);
  }
  return cached;
}

/** Sizes and seeds of a simulated comparison. */
export interface SimulatedRun {
  tasks: number;
  samples: number;
  budget: number;
  seed: number;
  resamples: number;
}

/** Simulates `base` and `other` on the same bridge tasks and compares them (rule labels, gold_docs retrieval). */
export function simulateAndCompare(base: PolicyConfig, other: PolicyConfig, run: SimulatedRun): CompareOutput & { episodes: number; labelAgreement: number } {
  const { env, index } = environment(run.tasks, `env-${run.seed}`);
  const roleOf = toolRoleMatcher();
  const builder = createGroupBuilder('bridge', String(run.budget), ['label']);
  let episodes = 0;
  let agree = 0;
  for (const trajectory of simulateEpisodes({
    tasks: env.tasks,
    world: env.world,
    policies: { base, other },
    grid: { budgets: [run.budget], samples: run.samples },
    topK: 3,
    seed: run.seed,
  })) {
    const task = index.get(trajectory.task)!;
    const resolved = resolveEpisode(trajectory, task, trajectory.sample ?? null);
    if (typeof resolved === 'string') throw new Error(`simulated episode not scorable: ${resolved}`);
    const label = LABELERS.rules.label(episodeFeatures(resolved.trace, task.row.question, { roleOf })).label;
    if (label === trajectory.meta.true_strategy) agree += 1;
    episodes += 1;
    builder.add({
      policy: resolved.row.policy,
      task: resolved.row.task,
      correct: resolved.row.correct,
      retrieved: retrievalSuccess(resolved.row, 'gold_docs'),
      strategies: [label],
    });
  }
  const output = compareGroups([builder.group], {
    base: 'base',
    resamples: run.resamples,
    level: 0.95,
    rng: createRng(run.seed * 7919),
    definitions: new Map([['bridge', 'gold_docs']]),
  });
  return { ...output, episodes, labelAgreement: agree / episodes };
}

/**
 * A reference policy for planted-truth scenarios: the shipped base policy's fields, with every
 * parameter a scenario varies set here, so retuning the default policies does not move the scenarios.
 */
export function referencePolicy(overrides: Partial<PolicyConfig>): PolicyConfig {
  const base = SIMULATOR.policies.base!;
  return {
    ...base,
    description: 'planted-truth reference',
    mixture: { ...base.mixture, bridge: { 'no-search': 0.1, 'single-shot': 0.4, reformulate: 0.2, sequential: 0.2, verify: 0.1 } },
    bridgeExtraction: 0.7,
    integration: 0.7,
    ...overrides,
  };
}

/** A bridge mixture for the scenarios. */
export function bridgeMixture(bridge: Record<string, number>): PolicyConfig['mixture'] {
  return { ...SIMULATOR.policies.base!.mixture, bridge };
}

/** Bridge phrasing where the reformulate step uses one phrasing only (so the plan issues one query). */
export function reformulatePhrasing(name: string): PolicyConfig['phrasing'] {
  const base = SIMULATOR.policies.base!;
  return { ...base.phrasing, bridge: { ...base.phrasing.bridge, reformulate: { [name]: 1 } } };
}

/** The three planted scenarios: two policies differing in one parameter. */
export const SCENARIOS = {
  /** (a) only the integration skill differs. */
  integration: [referencePolicy({ integration: 0.5 }), referencePolicy({ integration: 0.95 })],
  /**
   * (b) only the strategy mixture differs: b guesses without searching far less often. Only plans whose
   * played behaviour always gets their own label: a sequential plan whose first hop fails is labelled
   * single-shot or reformulate, which would make those labels' success rates depend on the mixture.
   */
  mixture: [
    referencePolicy({ mixture: bridgeMixture({ 'no-search': 0.5, 'single-shot': 0.5 }) }),
    referencePolicy({ mixture: bridgeMixture({ 'no-search': 0.1, 'single-shot': 0.9 }) }),
  ],
  /**
   * (c) only query quality differs: the reformulate plan with a single allowed phrasing issues exactly
   * one query (it never repeats a phrasing), entity + attribute in a, the question's words in b.
   */
  query: [
    referencePolicy({ mixture: bridgeMixture({ 'no-search': 0.3, reformulate: 0.7 }), phrasing: reformulatePhrasing('entity_attribute') }),
    referencePolicy({ mixture: bridgeMixture({ 'no-search': 0.3, reformulate: 0.7 }), phrasing: reformulatePhrasing('question') }),
  ],
} satisfies Record<string, [PolicyConfig, PolicyConfig]>;
