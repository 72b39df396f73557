import { describe, expect, it } from 'vitest';
import { TrajectorySchema } from '../../../pipeline/formats/trajectory';
import { runAdapter, tempDir, writeTemp } from './helpers';

// No recorded Search-R1 rollouts are public: these texts follow the protocol of Search-R1's
// search_r1/llm_agent/generation.py (observations `\n\n<information>…</information>\n\n`, documents
// `Doc i(Title: t) text`) and its prompt template (which shows an example <answer> block).
const PROMPT = 'Answer the given question. You must conduct reasoning inside <think> and </think> first every time you get new information. After reasoning, if you find you lack some knowledge, you can call a search engine by <search> query </search> and it will return the top searched results between <information> and </information>. You can search as many times as your want. If you find no further external knowledge needed, you can directly provide the answer inside <answer> and </answer>, without detailed illustrations. For example, <answer> Beijing </answer>. Question: Who is the spouse of the director of Jaws?\n';
const RESPONSE = [
  '<think>I need the director of Jaws first.</think>',
  '<search> director of Jaws </search>',
  '\n\n<information>Doc 1(Title: Jaws (film)) Jaws is a 1975 film directed by Steven Spielberg.\nDoc 2(Title: Jaws 2) Jaws 2 is a sequel.\n</information>\n\n',
  '<think>Now his spouse.</think>',
  '<search> Steven Spielberg spouse </search>',
  '\n\n<information>Doc 1(Title: Steven Spielberg) Spielberg married Kate Capshaw in 1991.\n</information>\n\n',
  '<think>Kate Capshaw.</think>',
  '<answer> Kate Capshaw </answer>',
].join('');

describe('search-r1', () => {
  it('reads a plain-text trajectory with its echoed prompt: question, searches, titled documents, last answer', async () => {
    const run = await runAdapter('search-r1', writeTemp(tempDir(), 'rollout.txt', PROMPT + RESPONSE), {}, { policy: 'search-r1-base' });
    expect(run.rejects).toEqual([]);
    const { trajectory, task } = run.trajectories[0]!;
    expect(TrajectorySchema.safeParse(trajectory).success).toBe(true);
    expect(trajectory.task).toBe('Who is the spouse of the director of Jaws?');
    expect(trajectory.policy).toBe('search-r1-base');
    expect(trajectory.answer).toBe('Kate Capshaw');
    expect(trajectory.steps.map((step) => step.type)).toEqual(['think', 'call', 'result', 'think', 'call', 'result', 'think', 'answer']);
    const first = trajectory.steps[2]!;
    expect(first.type === 'result' && first.docs).toEqual([
      { title: 'Jaws (film)', text: 'Jaws is a 1975 film directed by Steven Spielberg.' },
      { title: 'Jaws 2', text: 'Jaws 2 is a sequel.' },
    ]);
    expect(task).toEqual({ task: trajectory.task, question: trajectory.task });
  });

  it('reads JSONL records: text field, list of golden answers, numeric reward as the verdict', async () => {
    const records = [
      { id: 'q1', question: 'Who is the spouse of the director of Jaws?', golden_answers: ['Kate Capshaw', 'Capshaw'], response: RESPONSE, reward: 1 },
      { id: 'q1', question: 'Who is the spouse of the director of Jaws?', golden_answers: ['Kate Capshaw'], response: '<think>guess</think><answer>Amy Irving</answer>', reward: 0, sample: 1 },
      { id: 'q2', question: 'No tags?', response: 'just words', reward: 0 },
    ];
    const run = await runAdapter('search-r1', writeTemp(tempDir(), 'rollouts.jsonl', records.map((r) => JSON.stringify(r)).join('\n')));
    expect(run.trajectories.map((item) => [item.trajectory.task, item.trajectory.sample, item.trajectory.correct, item.trajectory.answer])).toEqual([
      ['q1', undefined, true, 'Kate Capshaw'],
      ['q1', 1, false, 'Amy Irving'],
    ]);
    expect(run.trajectories[0]!.task?.answers).toEqual(['Kate Capshaw', 'Capshaw']);
    expect(run.rejects).toEqual([{ kind: 'reject', location: 3, reason: 'response holds no <search>, <information> or <answer> tags (found 10 characters of text: "just words")' }]);
  });

  it('rejects a plain-text file without a question to name its task', async () => {
    const run = await runAdapter('search-r1', writeTemp(tempDir(), 'bare.txt', RESPONSE));
    expect(run.trajectories).toEqual([]);
    expect(run.rejects[0]!.reason).toMatch(/without a "Question:" line/);
  });
});
