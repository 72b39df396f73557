/** Hand-written ingest outputs (tasks and traces) for the label and cluster stage tests. */
import type { EpisodeTrace, TaskRow } from '../../analyses/episode';
import { trace, type StepSpec } from '../analyses/strategy/trace-builder';

/** Two tasks: a bridge and a comparison question. */
export const TASKS: TaskRow[] = [
  { task: 't1', question: 'What is the nationality of the director of Orchid Harbor?', answers: ['French'], family: 'bridge', gold_docs: [] },
  { task: 't2', question: 'Which band was formed first, Velvet Lantern or Copper Atlas?', answers: ['Velvet Lantern'], family: 'comparison', gold_docs: [] },
];

const SEQUENTIAL: StepSpec[] = [
  ['search', 'Orchid Harbor director'],
  ['result', 'Orchid Harbor is a film directed by Mara Quill.', ['Orchid Harbor']],
  ['search', 'Mara Quill nationality'],
  ['result', 'Mara Quill is a French filmmaker.', ['Mara Quill']],
  ['answer', 'French'],
];
const VERIFY: StepSpec[] = [...SEQUENTIAL.slice(0, 4), ['search', 'Mara Quill French'], ['result', 'Mara Quill (French).'], ['answer', 'French']];
const SINGLE: StepSpec[] = [['search', 'Orchid Harbor director nationality'], ['result', 'Orchid Harbor is a film directed by Mara Quill.'], ['answer', 'American']];
const PARALLEL: StepSpec[] = [
  ['search', 'Velvet Lantern formed'],
  ['result', 'Velvet Lantern formed in 1971.'],
  ['search', 'Copper Atlas formed'],
  ['result', 'Copper Atlas formed in 1980.'],
  ['answer', 'Velvet Lantern'],
];

function episode(policy: string, task: string, sample: number, steps: StepSpec[], truth: string, correct: boolean): EpisodeTrace {
  const family = task === 't1' ? 'bridge' : 'comparison';
  return trace(steps, { id: `${policy}/${task}/3/${sample}`, policy, task, family, budget: 3, correct, meta: { true_strategy: truth } });
}

/** Six episodes with planted strategies; one (sft's) is planted wrong on purpose to test the accuracy table. */
export const TRACES: EpisodeTrace[] = [
  episode('base', 't1', 0, SEQUENTIAL, 'sequential', true),
  episode('base', 't1', 1, SINGLE, 'single-shot', false),
  episode('base', 't2', 0, PARALLEL, 'parallel', true),
  episode('rl', 't1', 0, VERIFY, 'verify', true),
  episode('rl', 't1', 1, SEQUENTIAL, 'sequential', true),
  episode('rl', 't2', 0, [['answer', 'Copper Atlas']], 'no-search', false),
  episode('sft', 't2', 0, [['search', 'Velvet Lantern'], ['result', 'Velvet Lantern formed in 1971.']], 'single-shot', false),
];
