import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrajectorySchema } from '../../../pipeline/formats/trajectory';
import { FIXTURES, fixture, runAdapter, tempDir, writeTemp, type AdapterRun } from './helpers';

const present = existsSync(FIXTURES);
if (!present) console.warn(`r1-searcher fixture tests skipped: ${FIXTURES} is absent (real R1-Searcher results live there).`);

type Record = { question: string; answer: string; pred_ans: string; gen_text_store: string; gpt4o_output: string };

describe.skipIf(!present)('r1-searcher on the Bamboogle evaluation results', () => {
  for (const model of ['llama', 'qwen']) {
    describe(model, () => {
      const file = fixture('tagged-text', `r1-searcher-bamboogle-${model}.jsonl`);
      let source: Record[];
      let run: AdapterRun;
      beforeAll(async () => {
        source = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record);
        run = await runAdapter('r1-searcher', file);
      });

      it('converts all 125 records into valid trajectories', () => {
        expect(run.rejects).toEqual([]);
        expect(run.trajectories).toHaveLength(125);
        for (const { trajectory } of run.trajectories) expect(TrajectorySchema.safeParse(trajectory).success).toBe(true);
      });

      it('reproduces the count of gpt4o_output == "True" as the correct episodes', () => {
        const judged = source.filter((record) => record.gpt4o_output === 'True').length;
        expect(judged).toBe(68);
        expect(run.trajectories.filter((item) => item.trajectory.correct).length).toBe(judged);
        run.trajectories.forEach((item, i) => expect(item.trajectory.correct).toBe(source[i]!.gpt4o_output === 'True'));
      });

      it('keeps every query and its five retrieved documents with titles, and the answer block', () => {
        run.trajectories.forEach((item, i) => {
          const text = source[i]!.gen_text_store;
          const queries = [...text.matchAll(/<\|begin_of_query\|>([\s\S]*?)<\|end_of_query\|>/g)].map((match) => match[1]!.trim());
          const steps = item.trajectory.steps;
          expect(steps.filter((step) => step.type === 'call').map((step) => step.type === 'call' && step.args)).toEqual(queries.map((query) => ({ query })));
          const results = steps.filter((step) => step.type === 'result');
          expect(results).toHaveLength(queries.length);
          for (const result of results) {
            if (result.type !== 'result') continue;
            expect(result.docs).toHaveLength(5);
            expect(result.docs!.every((doc) => doc.title && doc.text)).toBe(true);
          }
          const answers = [...text.matchAll(/<answer>([\s\S]*?)<\/answer>/g)];
          expect(item.trajectory.answer).toBe(answers[answers.length - 1]![1]!.trim());
          expect(item.trajectory.task).toBe(source[i]!.question);
          expect(item.task).toEqual({ task: source[i]!.question, question: source[i]!.question, answers: [source[i]!.answer] });
        });
      });
    });
  }
});

describe('r1-searcher on corrupted copies', () => {
  it('keeps a record without text as outcome-only, and rejects an unreadable verdict, text without tags, no question and bad JSON', async () => {
    const good = { question: 'Who?', answer: 'Me', gen_text_store: 'hm <|begin_of_query|> who <|end_of_query|>\n<|begin_of_documents|>\n(1)Me   Me is me.\n<|end_of_documents|>\n</think>\n<answer> Me </answer>', gpt4o_output: 'True' };
    const lines = [
      JSON.stringify(good),
      JSON.stringify({ ...good, gen_text_store: undefined }),
      JSON.stringify({ ...good, gpt4o_output: 'Maybe' }),
      JSON.stringify({ ...good, gen_text_store: 'plain words only' }),
      JSON.stringify({ ...good, question: undefined }),
      '{"question": "cut',
      JSON.stringify({ ...good, gpt4o_output: 'False' }),
    ];
    const run = await runAdapter('r1-searcher', writeTemp(tempDir(), 'r1.jsonl', lines.join('\n')));
    expect(run.trajectories.map((item) => [item.location, item.trajectory.correct, item.trajectory.answer, item.trajectory.trace])).toEqual([
      [1, true, 'Me', undefined],
      // No text but a verdict: kept as an outcome-only episode, not rejected.
      [2, true, undefined, 'missing'],
      [7, false, 'Me', undefined],
    ]);
    expect(run.trajectories[0]!.trajectory.steps[2]).toEqual({ type: 'result', tool: 'search', text: '(1)Me   Me is me.', docs: [{ title: 'Me', text: 'Me is me.' }] });
    expect(run.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      [3, 'verdict gpt4o_output is "Maybe", not a number or true/false'],
      [4, 'gen_text_store holds no <|begin_of_query|>, <|begin_of_documents|> or <answer> tags (found 16 characters of text: "plain words only")'],
      [5, 'no task id at task_id,question_id,example_id,id and no question to use instead'],
      [6, expect.stringMatching(/not valid JSON/)],
    ]);
  });
});
