/** Builds hand-written episode traces for the strategy tests. */
import type { EpisodeTrace, TraceStep } from '../../../analyses/episode';

/** A compact step spec: `['search', 'query']`, `['result', 'text', ['Title']]`, `['answer', 'text']`. */
export type StepSpec = ['search' | 'call', string, string?] | ['result', string, string[]?] | ['answer', string];

/** A trace with the given steps (each call its own round unless a round is given). */
export function trace(steps: StepSpec[], overrides: Partial<EpisodeTrace> = {}): EpisodeTrace {
  let round = 0;
  const out: TraceStep[] = steps.map((spec) => {
    if (spec[0] === 'search') return { type: 'call', tool: 'search', query: spec[1], round: round++ };
    if (spec[0] === 'call') return { type: 'call', tool: spec[1], query: spec[2] ?? '', round: round++ };
    if (spec[0] === 'result') return { type: 'result', tool: 'search', text: spec[1], titles: spec[2] ?? [], ids: [] };
    return { type: 'answer', text: spec[1] };
  });
  const answer = [...out].reverse().find((step) => step.type === 'answer');
  return {
    id: overrides.id ?? 'e1',
    policy: 'base',
    task: 't1',
    family: 'bridge',
    budget: 5,
    rounds: round,
    answer: answer?.type === 'answer' ? answer.text : null,
    correct: true,
    steps: out,
    ...overrides,
  };
}
