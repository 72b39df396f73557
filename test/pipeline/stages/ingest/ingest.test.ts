import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { EpisodeRow, EpisodeTrace } from '../../../../analyses/episode';
import { StrictRejectError } from '../../../../pipeline/errors';
import { ingestStage } from '../../../../pipeline/stages/ingest/stage';
import { runStages, tempDir } from '../../../helpers/run-stages';

const jsonl = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);

const tasks = [
  { task: 't1', question: 'Who directed Blue Harbor?', answers: ['Mara Voss'], family: 'bridge', gold_docs: ['Blue Harbor', 'Mara Voss'] },
  { task: 't2', question: 'Which was founded first, Acme or Zenit?', answers: ['Acme'], family: 'comparison' },
];
const good = (over: Record<string, unknown> = {}) => ({
  policy: 'base',
  task: 't1',
  budget: 2,
  steps: [
    { type: 'call', tool: 'search', args: { query: 'Blue Harbor' }, round: 0 },
    { type: 'result', tool: 'search', text: 'Blue Harbor is a film directed by Mara Voss.', docs: [{ id: 'd1', title: 'Blue Harbor', text: 'Blue Harbor is a film directed by Mara Voss.' }] },
    { type: 'call', tool: 'search', args: 'Mara Voss', round: 1 },
    { type: 'result', tool: 'search', text: 'Mara Voss', docs: [{ title: 'mara voss', text: 'Mara Voss is a director.' }] },
    { type: 'answer', text: 'Mara Voss.' },
  ],
  ...over,
});

async function ingest(trajectoryText: string | Buffer, options: { strict?: boolean; tasksText?: string; maxLineBytes?: number } = {}) {
  const dir = tempDir();
  const tasksPath = join(dir, 'tasks.jsonl');
  writeFileSync(tasksPath, options.tasksText ?? jsonl(tasks));
  const trajPath = join(dir, 'trajectories.jsonl');
  writeFileSync(trajPath, trajectoryText);
  const params: Record<string, unknown> = { tasks: tasksPath, trajectories: [trajPath] };
  if (options.maxLineBytes) params.maxLineBytes = options.maxLineBytes;
  const { outcomes, captured } = await runStages(
    [ingestStage],
    { stages: [{ name: 'ingest', params }], settings: { seed: 1, strict: options.strict ?? false } },
    join(dir, 'run'),
  );
  const out = outcomes[0]!.dir;
  return {
    counts: outcomes[0]!.manifest.counts,
    summary: captured.out,
    rows: readJsonl<EpisodeRow>(join(out, 'episodes.jsonl')),
    traces: readJsonl<EpisodeTrace>(join(out, 'traces.jsonl')),
    rejects: readJsonl<{ file: string; line: number; reason: string; category: string }>(join(out, 'rejects.jsonl')),
  };
}

describe('ingest stage', () => {
  it('resolves defaults: id, answer, correct by exact match, F1 score, rounds, retrieval', async () => {
    const { rows, traces, counts } = await ingest(jsonl([good(), good({ task: 't2', budget: 0, steps: [{ type: 'answer', text: 'Zenit' }] })]));
    expect(counts).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(rows[0]).toEqual({
      id: 'base/t1/2/#0', policy: 'base', task: 't1', family: 'bridge', budget: 2, sample: null, rounds: 2, calls: 2,
      answered: true, correct: true, score: 1, gold_total: 2, gold_retrieved: 2, answer_in_results: true,
    });
    expect(rows[1]).toMatchObject({ id: 'base/t2/0/#0', correct: false, score: 0, rounds: 0, gold_total: 0, answer_in_results: false });
    expect(traces[0]!.steps.map((s) => s.type)).toEqual(['call', 'result', 'call', 'result', 'answer']);
    expect(traces[0]!.steps[2]).toEqual({ type: 'call', tool: 'search', query: 'Mara Voss', round: 1 });
  });

  it('accepts an outcome-only episode: counted, marked in its row and trace, nothing known of its retrieval', async () => {
    const { rows, traces, summary } = await ingest(jsonl([good(), good({ steps: [], trace: 'missing', correct: true, sample: 4 }), good({ trace: 'partial', sample: 5 })]));
    expect(rows[1]).toMatchObject({ trace: 'missing', correct: true, rounds: 0, calls: 0, answered: false, gold_retrieved: 0, answer_in_results: null });
    expect(rows[2]).toMatchObject({ trace: 'partial', rounds: 2, answer_in_results: true });
    expect('trace' in rows[0]!).toBe(false);
    expect(traces.map((t) => t.trace)).toEqual([undefined, 'missing', 'partial']);
    expect(summary).toContain('ingest: 1 episodes have no trace (outcome only: counted by passkt and boundary, left out of retrieval, label, cluster and compare): base 1');
    expect(summary).toContain('ingest: 1 episodes have a partial trace (steps cut): base 1');
  });

  it('matches an id-less trajectory by question only when one task has that question', async () => {
    const twins = jsonl([...tasks, { task: 't3', question: 'Who directed Blue Harbor?', answers: ['Ivo Marsh'] }]);
    const { rows, rejects } = await ingest(jsonl([good({ task: 'Which was founded first, Acme or Zenit?' }), good({ task: 'Who directed Blue Harbor?' })]), { tasksText: twins });
    expect(rows.map((r) => r.task)).toEqual(['t2']);
    expect(rejects.map((r) => [r.category, r.reason])).toEqual([
      ['ambiguous question', 'task "Who directed Blue Harbor?" is not a task id, and its question matches 2 tasks ("t1", "t3"): give the trajectory its task id'],
    ]);
  });

  it('keeps given verdicts, scores and ids; ids of episodes without sample count arrivals', async () => {
    const { rows } = await ingest(jsonl([good({ correct: false, score: 0.25, id: 'mine' }), good(), good()]));
    expect(rows.map((r) => [r.id, r.correct, r.score, r.sample])).toEqual([
      ['mine', false, 0.25, null],
      ['base/t1/2/#1', true, 1, null],
      ['base/t1/2/#2', true, 1, null],
    ]);
  });

  it('episodes without sample never collide with numbered ones, in either order', async () => {
    const { rows, counts } = await ingest(jsonl([good({ sample: 0 }), good(), good(), good({ sample: 1 })]));
    expect(counts).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
    expect(rows.map((r) => r.id)).toEqual(['base/t1/2/0', 'base/t1/2/#0', 'base/t1/2/#1', 'base/t1/2/1']);
  });

  it('malformed corpus: every record accepted or rejected with file, line and reason', async () => {
    const lines = [
      JSON.stringify(good({ sample: 0 })), // 1 ok
      JSON.stringify(good({ sample: 1 })).slice(0, 40), // 2 truncated line
      '\u0000\u0001\u00ff binary garbage \u0002', // 3 garbage
      JSON.stringify(good({ sample: 2, budget: 'two' })), // 4 wrong type
      JSON.stringify({ policy: 'base', task: 't1' }), // 5 missing steps
      JSON.stringify(good({ sample: 3, task: 'nope' })), // 6 unknown task
      JSON.stringify(good({ sample: 0 })), // 7 duplicate id
      '', // 8 blank: not a record
      JSON.stringify(good({ sample: 4, pad: 'x'.repeat(3000) })), // 9 huge line
      '[1,2,3]', // 10 not an object
      JSON.stringify(good({ sample: 5 })), // 11 ok (last line, CRLF before)
    ];
    const text = '\uFEFF' + lines.join('\r\n');
    const { counts, rejects, rows, summary } = await ingest(text, { maxLineBytes: 2000 });
    expect(counts).toMatchObject({ read: 10, accepted: 2, rejected: 8 });
    expect(counts.read).toBe(counts.accepted! + counts.rejected!);
    expect(rows.map((r) => r.sample)).toEqual([0, 5]);
    expect(rejects.map((r) => [r.line, r.category])).toEqual([
      [2, 'JSON syntax error'],
      [3, 'JSON syntax error'],
      [4, 'wrong type or value'],
      [5, 'missing field'],
      [6, 'unknown task'],
      [7, 'duplicate id'],
      [9, 'line too long'],
      [10, 'not an object'],
    ]);
    expect(rejects.every((r) => r.file.endsWith('trajectories.jsonl') && r.reason.length > 10)).toBe(true);
    expect(rejects[3]!.reason).toBe('missing field "steps"');
    expect(rejects[2]!.reason).toMatch(/field "budget"/);
    expect(summary[0]).toBe('ingest: read 10, accepted 2, rejected 8 — reasons in rejects.jsonl');
  });

  it('an empty file gives zero counts, and gzip input reads the same as plain', async () => {
    expect((await ingest('')).counts).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    const plain = await ingest(jsonl([good(), good()]));
    const zipped = await ingest(gzipSync(jsonl([good(), good()])));
    expect(zipped.rows).toEqual(plain.rows);
  });

  it('matches trajectories to tasks by normalized question text', async () => {
    const { rows, counts } = await ingest(jsonl([good({ task: 'who directed blue harbor' }), good({ task: 'x', meta: { question: 'WHO directed  Blue Harbor?' } })]));
    expect(counts.accepted).toBe(2);
    expect(rows.every((r) => r.task === 't1')).toBe(true);
  });

  it('without a tasks file, derives tasks and rejects episodes without a verdict', async () => {
    const dir = tempDir();
    const path = join(dir, 'trajectories.jsonl');
    writeFileSync(path, jsonl([good({ correct: true }), good({ sample: 1 })]));
    const { outcomes } = await runStages([ingestStage], { stages: [{ name: 'ingest', params: { trajectories: [path] } }], settings: { seed: 1, strict: false } }, join(dir, 'run'));
    expect(outcomes[0]!.manifest.counts).toMatchObject({ read: 2, accepted: 1, rejected: 1, tasks: 1 });
    const rejects = readJsonl<{ reason: string }>(join(outcomes[0]!.dir, 'rejects.jsonl'));
    expect(rejects[0]!.reason).toMatch(/no "correct" verdict/);
  });

  it('--strict makes the first reject fatal', async () => {
    await expect(ingest(jsonl([good(), { policy: 'x' }]), { strict: true })).rejects.toBeInstanceOf(StrictRejectError);
  });

  it('rejects bad and duplicate task lines, counted apart from episodes', async () => {
    const tasksText = jsonl([...tasks, tasks[0], { task: 3 }]);
    const { counts } = await ingest(jsonl([good()]), { tasksText });
    expect(counts).toMatchObject({ read: 1, accepted: 1, rejected: 0, tasks: 2, tasks_rejected: 2 });
  });
});

describe('ingest columnar output', () => {
  it('episodes.arrow holds the same rows as episodes.jsonl (with the trace written out)', async () => {
    const { fromArrow } = await import('arquero');
    const dir = tempDir();
    const tasksPath = join(dir, 'tasks.jsonl');
    writeFileSync(tasksPath, jsonl(tasks));
    const trajPath = join(dir, 'trajectories.jsonl');
    writeFileSync(trajPath, jsonl([good(), good({ budget: undefined, correct: false }), good({ task: 't2', steps: [] }), good({ task: 't2', sample: 1, steps: [], trace: 'missing' })]));
    const { outcomes } = await runStages([ingestStage], { stages: [{ name: 'ingest', params: { tasks: tasksPath, trajectories: [trajPath] } }], settings: { seed: 1, strict: false } }, join(dir, 'run'));
    const out = outcomes[0]!.dir;
    const fromJsonl = readJsonl<EpisodeRow>(join(out, 'episodes.jsonl'));
    expect(fromJsonl.map((row) => row.trace)).toEqual([undefined, undefined, undefined, 'missing']);
    const fromArrowRows = fromArrow(readFileSync(join(out, 'episodes.arrow'))).objects();
    expect(fromArrowRows).toEqual(fromJsonl.map((row) => ({ ...row, trace: row.trace ?? 'complete' })));
  });
});

describe('ingest shards', () => {
  it('shards partition the records: together they accept exactly what one run accepts', async () => {
    const dir = tempDir();
    const tasksPath = join(dir, 'tasks.jsonl');
    writeFileSync(tasksPath, jsonl(tasks));
    const trajPath = join(dir, 'trajectories.jsonl');
    const records = Array.from({ length: 23 }, (_, sample) => good({ sample }));
    records.splice(5, 0, { policy: 'broken' } as never);
    writeFileSync(trajPath, jsonl(records).replace('\n', '\n\n'));
    const ingestWith = async (shard?: { index: number; count: number }) => {
      const params = { tasks: tasksPath, trajectories: [trajPath], ...(shard ? { shard } : {}) };
      const { outcomes } = await runStages([ingestStage], { stages: [{ name: 'ingest', params }], settings: { seed: 1, strict: false } }, join(dir, `run-${shard?.index ?? 'all'}`));
      return { counts: outcomes[0]!.manifest.counts, ids: readJsonl<EpisodeRow>(join(outcomes[0]!.dir, 'episodes.jsonl')).map((r) => r.id) };
    };
    const whole = await ingestWith();
    const shards = await Promise.all([0, 1, 2].map((index) => ingestWith({ index, count: 3 })));
    expect(shards.reduce((sum, s) => sum + s.counts.read!, 0)).toBe(whole.counts.read);
    expect(shards.reduce((sum, s) => sum + s.counts.rejected!, 0)).toBe(1);
    expect(shards.flatMap((s) => s.ids).sort()).toEqual([...whole.ids].sort());
    expect(shards[1]!.counts.read).toBe(8);
  });
});

describe('ingest worker threads', () => {
  it('give byte-identical outputs and the same rejects as the single-threaded path', async () => {
    const dir = tempDir();
    const tasksPath = join(dir, 'tasks.jsonl');
    writeFileSync(tasksPath, jsonl(tasks));
    const trajPath = join(dir, 'trajectories.jsonl');
    const records: unknown[] = [];
    for (let i = 0; i < 5000; i++) {
      if (i % 97 === 0) records.push({ policy: 'p', steps: 'nope' });
      else if (i % 89 === 0) records.push(good({ sample: 0 })); // duplicate ids
      else if (i % 7 === 0) records.push(good({ policy: `p${i % 3}` })); // no sample: numbered in order
      else records.push(good({ sample: i, task: i % 2 ? 't1' : 't2' }));
    }
    writeFileSync(trajPath, jsonl(records));
    const files = ['episodes.jsonl', 'traces.jsonl', 'rejects.jsonl', 'tasks.jsonl', 'summary.json', 'episodes.arrow'];
    const run = async (workers: number) => {
      const { outcomes } = await runStages(
        [ingestStage],
        { stages: [{ name: 'ingest', params: { tasks: tasksPath, trajectories: [trajPath], workers } }], settings: { seed: 1, strict: false } },
        join(dir, `run-${workers}`),
      );
      return files.map((file) => readFileSync(join(outcomes[0]!.dir, file)));
    };
    const [inline, threaded] = [await run(0), await run(2)];
    files.forEach((file, i) => expect(threaded[i]!.equals(inline[i]!), file).toBe(true));
  });
});
