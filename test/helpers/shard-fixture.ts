/**
 * A small input with everything sharding must get right: three policies, two families, capped,
 * uncapped and mixed (policy, task) pairs, planted strategies on some episodes, read calls in one
 * family, outcome-only episodes, rejected task and trajectory records, blank lines. Every episode carries `sample`, as sharded inputs should.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, type Rng } from '../../analyses/random/rng';

const jsonl = (rows: unknown[]) => rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n') + '\n';

/** Paths of the written fixture and how many episodes it holds. */
export interface ShardFixture {
  tasks: string;
  trajectories: string;
  /** Trajectory lines that are records (not blank). */
  records: number;
}

const STRATEGIES = ['sequential', 'parallel', 'single-shot', 'reformulate'];

function steps(rng: Rng, rounds: number, correct: boolean): unknown[] {
  const out: unknown[] = [];
  for (let round = 0; round < rounds; round++) {
    const parallel = rng.next() < 0.3;
    for (let call = 0; call < (parallel ? 2 : 1); call++) {
      const query = `entity ${rng.int(5)} fact ${round}${call}`;
      out.push({ type: 'call', tool: 'search', args: { query }, round });
      out.push({ type: 'result', tool: 'search', text: `about ${query}`, docs: [{ id: `d${rng.int(10)}`, title: `Doc ${rng.int(10)}`, text: `text of ${query}` }] });
    }
  }
  out.push({ type: 'answer', text: correct ? 'yes' : 'no' });
  return out;
}

/** Writes the fixture into `dir` (the same bytes for the same seed). */
export function writeShardFixture(dir: string, seed = 7): ShardFixture {
  const rng = createRng(seed);
  const tasks = [
    ...['b0', 'b1', 'b2', 'b3', 'b4', 'b5'].map((task) => ({ task, question: `Who is behind ${task}?`, answers: ['yes'], family: 'bridge' })),
    ...['c0', 'c1', 'c2', 'c3', 'c4', 'c5'].map((task) => ({ task, question: `Which came first in ${task}?`, answers: ['yes'], family: 'comparison' })),
  ];
  // a rejected task record (a duplicate id): every shard reads the whole tasks file
  writeFileSync(join(dir, 'tasks.jsonl'), jsonl([...tasks, { task: 'b0', question: 'again?' }]));

  const lines: (string | Record<string, unknown>)[] = [];
  const episode = (policy: string, task: string, sample: number, budget: number | undefined, skill: number) => {
    const rounds = rng.int(budget === undefined ? 5 : budget + 1);
    const correct = rng.next() < skill;
    const meta = rng.next() < 0.5 ? { true_strategy: STRATEGIES[rng.int(STRATEGIES.length)] } : undefined;
    const trace = steps(rng, rounds, correct);
    // some bridge episodes open what they found (a read-role tool): their strategies carry the reading depth
    if (sample === 1 && task.startsWith('b') && rounds > 0) trace.splice(2, 0, { type: 'call', tool: 'open_page', args: { url: `page-${task}` }, round: 0 });
    lines.push({ policy, task, sample, ...(budget === undefined ? {} : { budget }), steps: trace, ...(meta ? { meta } : {}) });
  };
  const skill = { base: 0.35, rl: 0.45, sft: 0.3 } as const;
  for (const policy of ['base', 'rl', 'sft'] as const) {
    for (const task of tasks) {
      const p = skill[policy] * (task.task.endsWith('5') ? 0 : 1) + (task.task.endsWith('4') && policy === 'rl' ? 0.4 : 0);
      // base and rl: bridge uncapped (thresholded), comparison capped at T = 1 and 3; sft the other way round
      const capped = (task.family === 'comparison') === (policy !== 'sft');
      if (capped) for (const budget of [1, 3]) for (let s = 0; s < 4; s++) episode(policy, task.task, s, budget, p);
      else for (let s = 0; s < 6; s++) episode(policy, task.task, s, undefined, p);
    }
  }
  // a mixed pair: sft also has uncapped episodes of a capped bridge task
  episode('sft', 'b0', 0, undefined, 0.5);
  episode('sft', 'b0', 1, undefined, 0.5);
  // arrival order unlike the sorted order of the outputs, so order dependence would show
  for (let i = lines.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  // rejects of several kinds, spread over the file so they land in different shards
  const rejects = ['{"policy": "base", "task": ', JSON.stringify({ policy: 'base', task: 'nope', sample: 0, steps: [] }), JSON.stringify({ policy: '', task: 'b1', steps: [] }), JSON.stringify({ policy: 'rl', task: 'b2', sample: 9, steps: 'none' })];
  rejects.forEach((line, i) => lines.splice(17 + 61 * i, 0, line));
  lines.splice(40, 0, '', '   ');
  // outcome-only episodes (no steps): counted by passkt, left out of the trace analyses
  lines.splice(25, 0, { policy: 'rl', task: 'c1', sample: 10, budget: 3, trace: 'missing', steps: [], correct: true });
  lines.splice(90, 0, { policy: 'base', task: 'c2', sample: 10, budget: 1, trace: 'missing', steps: [], correct: false });
  writeFileSync(join(dir, 'trajectories.jsonl'), jsonl(lines));
  return { tasks: join(dir, 'tasks.jsonl'), trajectories: join(dir, 'trajectories.jsonl'), records: lines.filter((line) => typeof line !== 'string' || line.trim() !== '').length };
}
