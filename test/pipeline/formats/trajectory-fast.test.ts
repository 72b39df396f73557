import { describe, expect, it } from 'vitest';
import { TrajectorySchema } from '../../../pipeline/formats/trajectory';
import { fastTrajectory } from '../../../pipeline/formats/trajectory-fast';

const valid = {
  policy: 'rl',
  task: 't1',
  sample: 3,
  budget: 2,
  steps: [
    { type: 'think', text: 'hm' },
    { type: 'call', tool: 'search', args: { query: 'x', k: 2 }, round: 0 },
    { type: 'call', tool: 'search', args: 'plain' },
    { type: 'result', tool: 'search', text: 'Doc: text', docs: [{ id: 'd1', title: 'Doc', text: 'text' }, { text: 'bare' }] },
    { type: 'result', tool: 'search', text: 'no docs' },
    { type: 'message', role: 'user', text: 'go on' },
    { type: 'answer', text: 'Paris' },
  ],
  answer: null,
  correct: true,
  score: 0.5,
  id: 'e1',
  trace: 'partial',
  meta: { true_strategy: 'sequential', nested: { a: [1, 2] } },
};

// Each variant: the valid record with one change (undefined removes the field).
const variants: [string, Record<string, unknown>][] = [
  ['minimal', { policy: 'p', task: 't', steps: [] }],
  ['unknown fields are dropped', { ...valid, extra: 1, steps: [{ type: 'answer', text: 'a', extra: true }] }],
  ['empty policy', { ...valid, policy: '' }],
  ['numeric task', { ...valid, task: 7 }],
  ['negative sample', { ...valid, sample: -1 }],
  ['fractional budget', { ...valid, budget: 1.5 }],
  ['unsafe integer sample', { ...valid, sample: 2 ** 60 }],
  ['null sample', { ...valid, sample: null }],
  ['steps not an array', { ...valid, steps: {} }],
  ['unknown step type', { ...valid, steps: [{ type: 'tool', text: 'x' }] }],
  ['call without args', { ...valid, steps: [{ type: 'call', tool: 's' }] }],
  ['call with array args', { ...valid, steps: [{ type: 'call', tool: 's', args: [1] }] }],
  ['call with null args', { ...valid, steps: [{ type: 'call', tool: 's', args: null }] }],
  ['negative round', { ...valid, steps: [{ type: 'call', tool: 's', args: 'q', round: -2 }] }],
  ['fractional round', { ...valid, steps: [{ type: 'call', tool: 's', args: 'q', round: 0.5 }] }],
  ['doc without text', { ...valid, steps: [{ type: 'result', tool: 's', text: 't', docs: [{ id: 'x' }] }] }],
  ['doc with numeric title', { ...valid, steps: [{ type: 'result', tool: 's', text: 't', docs: [{ title: 3, text: 'x' }] }] }],
  ['docs not an array', { ...valid, steps: [{ type: 'result', tool: 's', text: 't', docs: 'x' }] }],
  ['message without role', { ...valid, steps: [{ type: 'message', text: 'x' }] }],
  ['numeric answer', { ...valid, answer: 3 }],
  ['string answer', { ...valid, answer: 'Paris' }],
  ['string correct', { ...valid, correct: 'yes' }],
  ['score above 1', { ...valid, score: 1.2 }],
  ['empty id', { ...valid, id: '' }],
  ['unknown trace', { ...valid, trace: 'some' }],
  ['array meta', { ...valid, meta: [] }],
  ['null meta', { ...valid, meta: null }],
  ['__proto__ in meta', { ...valid, meta: JSON.parse('{"__proto__": {"x": 1}, "a": 2}') }],
  ['__proto__ at the top', JSON.parse(JSON.stringify(valid).replace('{', '{"__proto__": {"policy": "x"},'))],
];

// The schema's value: the record without unknown fields (the fast path leaves them in place).
const known = (record: unknown): unknown => {
  const { policy, task, sample, budget, steps, answer, correct, score, id, trace, meta } = record as Record<string, unknown>;
  const fields = { policy, task, sample, budget, answer, correct, score, id, trace, meta };
  const stepFields = (step: Record<string, unknown>) => {
    const { type, text, tool, args, round, docs, role } = step;
    const kept = { type, text, tool, args, round, role, docs: Array.isArray(docs) ? docs.map(({ id: docId, title, text: docText }: Record<string, unknown>) => ({ id: docId, title, text: docText })) : docs };
    return Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== undefined));
  };
  return { ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)), steps: (steps as Record<string, unknown>[]).map(stepFields) };
};

describe('fastTrajectory', () => {
  it('accepts the common valid record: the schema’s value, unknown fields aside', () => {
    const fast = fastTrajectory(valid);
    expect(fast).toBeDefined();
    expect(known(fast)).toEqual(TrajectorySchema.parse(valid));
  });

  it.each(variants)('%s: accepts only what the schema accepts, with the same value', (_name, record) => {
    const fast = fastTrajectory(record);
    const schema = TrajectorySchema.safeParse(record);
    if (fast !== undefined) {
      expect(schema.success).toBe(true);
      expect(known(fast)).toEqual(schema.data);
    }
    // Every record the schema accepts here is common enough for the fast path too.
    if (schema.success) expect(fast).toBeDefined();
  });

  it('leaves non-objects to the schema', () => {
    for (const value of [null, 3, 'x', [], undefined]) expect(fastTrajectory(value)).toBeUndefined();
  });
});
