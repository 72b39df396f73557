/**
 * A synthetic chat log in the shape agent frameworks write — `question_id`, `sample_idx`, `max_turns`,
 * tool messages holding JSON hits — through import → ingest → passkt → retrieval: the tasks, samples,
 * budgets and gold documents must come out exactly as written, and a policy whose results hold no
 * documents must not read as "retrieval 0".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EpisodeRow } from '../../../analyses/episode';
import { parseCsv } from '../../../pipeline/io/csv';
import { importStage } from '../../../pipeline/stages/import/stage';
import { ingestStage } from '../../../pipeline/stages/ingest/stage';
import { passktStage } from '../../../pipeline/stages/passkt/stage';
import { retrievalStage } from '../../../pipeline/stages/retrieval/stage';
import { runStages, tempDir } from '../../helpers/run-stages';

// Two tasks share a question (a film and its remake): two ids, so two tasks, never merged.
const TASKS = [
  { task: 'q1', question: 'Who directed Blue Harbor?', answers: ['Mara Voss'], family: 'film', gold_docs: ['Blue Harbor', 'doc-mara'] },
  { task: 'q2', question: 'Who directed Blue Harbor?', answers: ['Ivo Marsh'], family: 'film', gold_docs: ['Blue Harbor (2010)'] },
];

const HITS: Record<string, string> = {
  // Hits under a common key, one with a title, one with an id only and text.
  harbor: JSON.stringify({ results: [{ title: 'Blue Harbor', snippet: 'Blue Harbor is a 1994 film directed by Mara Voss.', url: 'https://w/blue' }, { id: 'doc-mara', text: 'Mara Voss is a director.' }] }),
  remake: JSON.stringify([{ title: 'Blue Harbor (2010)', content: 'The 2010 remake was directed by Ivo Marsh.' }, { title: 'Ivo Marsh', content: 'Ivo Marsh directs films.' }]),
  miss: JSON.stringify([{ title: 'Green Harbor', snippet: 'Green Harbor is a town.' }]),
};

function chat(id: string, sample: number, budget: number, hits: string[], answer: string, reward: number) {
  const messages: unknown[] = [{ role: 'user', content: 'Who directed Blue Harbor?' }];
  hits.forEach((hit, i) => {
    messages.push({ role: 'assistant', content: null, tool_calls: [{ id: `c${i}`, type: 'function', function: { name: 'web_search', arguments: JSON.stringify({ query: `Blue Harbor ${i}` }) } }] });
    messages.push({ role: 'tool', tool_call_id: `c${i}`, content: hit });
  });
  messages.push({ role: 'assistant', content: answer });
  return { question_id: id, sample_idx: sample, max_turns: budget, messages, reward };
}

const A = [
  chat('q1', 0, 1, [HITS.harbor!], 'Mara Voss', 1),
  chat('q1', 1, 1, [HITS.miss!], 'Ivo Marsh', 0),
  chat('q1', 0, 3, [HITS.miss!, HITS.harbor!], 'Mara Voss', 1),
  chat('q2', 0, 1, [HITS.remake!], 'Ivo Marsh', 1),
  chat('q2', 0, 3, [HITS.harbor!, HITS.remake!], 'Mara Voss', 0),
];
// Policy b's tool returns plain text: no document identity at all.
const B = [chat('q1', 0, 1, ['Blue Harbor is a 1994 film directed by Mara Voss.'], 'Mara Voss', 1), chat('q2', 0, 3, ['Nothing found.'], 'Mara Voss', 0)];

/** Gold documents found per record, computed here from the raw JSON. */
function goldFound(record: ReturnType<typeof chat>): number {
  const gold = TASKS.find((task) => task.task === record.question_id)!.gold_docs;
  const names = new Set<string>();
  for (const message of record.messages as { role: string; content: string }[]) {
    if (message.role !== 'tool' || !message.content.startsWith('[') && !message.content.startsWith('{')) continue;
    const parsed = JSON.parse(message.content) as { results?: unknown[] } | unknown[];
    for (const hit of (Array.isArray(parsed) ? parsed : parsed.results ?? []) as Record<string, string>[]) for (const key of ['title', 'id']) if (hit[key]) names.add(hit[key]!);
  }
  return gold.filter((name) => names.has(name)).length;
}

async function run(files: Record<string, unknown[]>) {
  const dir = tempDir('chat-json-');
  const tasks = join(dir, 'tasks.jsonl');
  writeFileSync(tasks, TASKS.map((t) => JSON.stringify(t)).join('\n'));
  const imports = Object.entries(files).map(([name, records]) => {
    writeFileSync(join(dir, `${name}.jsonl`), records.map((r) => JSON.stringify(r)).join('\n'));
    return `openai-chat:${join(dir, `${name}.jsonl`)}`;
  });
  const plan = {
    stages: [
      { name: 'import', params: { imports } },
      { name: 'ingest', params: { tasks } },
      { name: 'passkt', params: { resamples: 0, base: 'a' } },
      { name: 'retrieval', params: {} },
    ],
    settings: { seed: 1, strict: false },
  };
  const { outcomes, captured } = await runStages([importStage, ingestStage, passktStage, retrievalStage], plan, join(dir, 'run'));
  const file = (stage: string, name: string) => readFileSync(join(outcomes.find((o) => o.stage === stage)!.dir, name), 'utf8');
  return { captured, file };
}

describe('a chat log with JSON tool results and question_id / sample_idx / max_turns', () => {
  it('keeps tasks, samples and budgets exactly, finds the gold documents, and says which field fed what', async () => {
    const { captured, file } = await run({ a: A });
    expect(captured.out).toContain('  fields: task ← question_id; sample ← sample_idx; budget ← max_turns; correct ← reward >= 1; policy ← file name "a"');
    // Every tool message of policy a holds JSON hits with a title or an id.
    const toolMessages = A.flatMap((record) => (record.messages as { role: string }[]).filter((m) => m.role === 'tool')).length;
    expect(captured.out.find((line) => line.startsWith('openai-chat '))).toMatch(new RegExp(`; ${toolMessages} of ${toolMessages} tool results carry documents$`));
    const rows = file('ingest', 'episodes.jsonl').trim().split('\n').map((line) => JSON.parse(line) as EpisodeRow);
    expect(rows.map((row) => [row.task, row.sample, row.budget, row.correct, row.gold_total, row.gold_retrieved])).toEqual(
      A.map((record) => [record.question_id, record.sample_idx, record.max_turns, record.reward === 1, TASKS.find((t) => t.task === record.question_id)!.gold_docs.length, goldFound(record)]),
    );
    // Two ids with one question stay two tasks.
    expect(file('ingest', 'tasks.jsonl').trim().split('\n')).toHaveLength(2);
    // Budgets 1 and 3 are kept apart (capped), and the headline names the largest budget the data ran at.
    const pass = parseCsv(file('passkt', 'passkt.csv'));
    expect([...new Set(pass.map((row) => `${row.budget}:${row.mode}`))].sort()).toEqual(['1:capped', '3:capped']);
    expect(captured.out.filter((line) => line.startsWith('passkt: film T=')).every((line) => line.startsWith('passkt: film T=3 '))).toBe(true);
    const retrieval = parseCsv(file('retrieval', 'retrieval.csv'));
    const atOne = A.filter((record) => record.max_turns === 1);
    expect(retrieval.find((row) => row.budget === '1')).toMatchObject({
      definition: 'gold_docs',
      episodes: String(atOne.length),
      retrieval_rate: String(atOne.filter((record) => goldFound(record) === TASKS.find((t) => t.task === record.question_id)!.gold_docs.length).length / atOne.length),
    });
  });

  it('falls back to answer_in_results, saying so, when a policy’s results carry no document', async () => {
    const { captured, file } = await run({ a: A, b: B });
    expect(captured.out).toContain(
      'retrieval: warning: film: the tasks list gold documents, but no tool result of b carries a document, so gold_docs would count every episode of that policy as missing its evidence — using answer_in_results for this family instead',
    );
    const retrieval = parseCsv(file('retrieval', 'retrieval.csv'));
    expect(new Set(retrieval.map((row) => row.definition))).toEqual(new Set(['answer_in_results']));
    // b's first result names the gold answer: retrieved; its second does not.
    expect(retrieval.filter((row) => row.policy === 'b').map((row) => [row.budget, row.retrieval_rate])).toEqual([['1', '1'], ['3', '0']]);
  });
});
