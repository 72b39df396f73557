/**
 * The invariant of ARCHITECTURE rule 11 over every stage that reads episodes, on a small input with
 * hostile records: each stage's manifest says episodes_in = ingest's accepted = episodes_used +
 * Σ left_out_*. Written against the manifest keys only, so it holds whichever stage adds a reason.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../pipeline/stages/registry';
import { runStages, tempDir } from '../../helpers/run-stages';

const EPISODE_READERS = ['passkt', 'retrieval', 'label', 'cluster', 'compare', 'stats', 'score'];

const tasks = [
  { task: 't1', question: 'Who directed Blue Harbor?', answers: ['Mara Voss'], family: 'bridge', gold_docs: ['Blue Harbor'] },
  { task: 't2', question: 'Who wrote Red Dune?', answers: ['Ann Lee'], family: 'bridge' }, // no gold documents
  { task: 't3', question: 'Rate this essay.', family: 'open' }, // neither answers nor gold documents
];

function episode(policy: string, task: string, budget: number, sample: number, extra: Record<string, unknown> = {}) {
  const answer = sample % 2 === 0 ? 'Mara Voss' : 'Ann Lee';
  return {
    policy, task, budget, sample,
    steps: [
      { type: 'call', tool: 'search', args: { query: `${task} ${sample}` }, round: 0 },
      { type: 'result', tool: 'search', text: 'Blue Harbor was directed by Mara Voss.', docs: [{ title: 'Blue Harbor', text: 'Blue Harbor was directed by Mara Voss.' }] },
      { type: 'answer', text: answer },
    ],
    ...(task === 't3' ? { correct: sample % 3 === 0 } : {}),
    ...extra,
  };
}

function hostileInput(): Buffer {
  const lines: Buffer[] = [];
  const add = (value: unknown) => lines.push(Buffer.from(`${JSON.stringify(value)}\n`));
  for (const policy of ['base', 'rl']) for (const task of ['t1', 't2', 't3']) for (const budget of [0, 2, 5]) for (let sample = 0; sample < 4; sample += 1) add(episode(policy, task, budget, sample));
  add(episode('rl', 't1', 2, 9, { meta: { ['__proto__']: { x: 1 }, note: 'kept' } })); // accepted, every meta key kept
  lines.push(Buffer.concat([Buffer.from('{"policy":"b'), Buffer.from([0xfe]), Buffer.from('ase","task":"t1","steps":[]}\n')])); // invalid UTF-8
  lines.push(Buffer.from(`{"policy":"base","task":"t1","sample":20,"steps":[],"meta":{"a":${'['.repeat(1500)}${']'.repeat(1500)}}}\n`)); // too deep
  add(episode('base', 't1', 2, 21, { steps: [{ type: 'think', text: 'x'.repeat(9000) }] })); // over --max-line-bytes
  add(episode('base', 'nope', 2, 0)); // unknown task
  lines.push(Buffer.from('{"policy": "base", "task": \n')); // JSON syntax error
  add(episode('base', 't1', 0, 0)); // duplicate id
  return Buffer.concat(lines);
}

describe('episode accounting across stages', () => {
  it('every stage that reads episodes accounts for every accepted episode: episodes_in = used + Σ left_out_*', async () => {
    const dir = tempDir('accounting-');
    try {
      writeFileSync(join(dir, 'tasks.jsonl'), tasks.map((task) => JSON.stringify(task)).join('\n'));
      writeFileSync(join(dir, 'trajectories.jsonl'), hostileInput());
      const params: Record<string, Record<string, unknown>> = {
        ingest: { tasks: join(dir, 'tasks.jsonl'), trajectories: [join(dir, 'trajectories.jsonl')], maxLineBytes: 8000 },
        passkt: { budgets: [0, 2], resamples: 20 }, // budget-5 episodes fall outside the grid
        boundary: {},
        retrieval: {},
        label: { resamples: 20 },
        cluster: { clusters: [2, 3], sampleSize: 50, silhouetteSample: 50, restarts: 1, stabilitySeeds: 2 },
        compare: { resamples: 20 },
        stats: {},
        // Reads the trajectory file ingest read (no source stage) and scores with the simulator's base model.
        score: { enabled: true, samples: 2, resamples: 20 },
      };
      const { outcomes, captured } = await runStages(
        STAGES.filter((stage) => stage.name in params),
        { stages: Object.entries(params).map(([name, p]) => ({ name, params: p })), settings: { seed: 3, strict: false } },
        join(dir, 'run'),
      );
      const manifest = (stage: string) => outcomes.find((outcome) => outcome.stage === stage)!.manifest;
      const ingest = manifest('ingest').counts;
      expect(ingest).toMatchObject({ read: 79, accepted: 73, rejected: 6 });
      expect(ingest['read']).toBe(ingest['accepted']! + ingest['rejected']!);
      const rejects = readFileSync(join(outcomes.find((o) => o.stage === 'ingest')!.dir, 'rejects.jsonl'), 'utf8');
      for (const category of ['invalid UTF-8', 'nesting too deep', 'line too long', 'unknown task', 'JSON syntax error', 'duplicate id']) expect(rejects).toContain(`"category":"${category}"`);

      for (const stage of EPISODE_READERS) {
        const counts = manifest(stage).counts;
        const leftOut = Object.entries(counts).filter(([key]) => key.startsWith('left_out_')).reduce((sum, [, n]) => sum + n, 0);
        expect(counts['episodes_in'], stage).toBe(ingest['accepted']);
        expect(counts['episodes_used']! + leftOut, stage).toBe(counts['episodes_in']);
      }
      // The input plants left-out episodes: budget 5 outside passkt's grid, tasks retrieval cannot judge.
      expect(manifest('passkt').counts).toMatchObject({ episodes_used: 49, left_out_budget_outside_grid: 24 });
      expect(captured.out).toContain('passkt: left out 24 of 73 episodes run at a budget outside the grid: base 12, rl 12');
      expect(manifest('retrieval').counts['episodes_used']).toBeLessThan(73);
      expect(captured.out.some((line) => line.startsWith('retrieval: left out'))).toBe(true);
      expect(captured.out.join('\n')).not.toMatch(/replaced by U\+FFFD/); // rejected, not replaced, without --lenient-utf8
      expect(manifest('label').counts).toMatchObject({ episodes_used: 73 });
      expect(manifest('cluster').counts).toMatchObject({ episodes_used: 73 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
