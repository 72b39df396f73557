import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaskSchema } from '../../../../pipeline/formats/task';
import { TrajectorySchema, type Trajectory } from '../../../../pipeline/formats/trajectory';
import { ConfigError, StrictRejectError } from '../../../../pipeline/errors';
import { importStage, ImportParams } from '../../../../pipeline/stages/import/stage';
import type { ImportTally } from '../../../../pipeline/tables/imports';
import { parseImportSpec } from '../../../../pipeline/adapters/import-spec';
import type { StageInput } from '../../../../pipeline/runner/stage';
import { FIXTURES, fakeContext, fixture, manifestWith, readJsonl, tempDir, writeTemp } from '../../adapters/helpers';

const present = existsSync(FIXTURES);
if (!present) console.warn(`import stage runs on real files skipped: ${FIXTURES} is absent.`);

const INSPECT_LOG = join(process.cwd(), 'test/fixtures/inspect/hotpot-search-eval.json');

async function runStage(params: Record<string, unknown>, strict = false) {
  const dir = tempDir();
  const ctx = fakeContext('import', ImportParams.parse(params), dir, { seed: 1, strict });
  const result = await importStage.run(ctx);
  return { dir, ctx, result };
}

describe.skipIf(!present)('import stage on several real sources at once', () => {
  it('writes canonical trajectories, rejects, tasks and per-source counts that add up', async () => {
    const imports = [
      `react-text:${fixture('react-text', 'reflexion-react-base-5-trials.txt')}#react-base`,
      `auto:${fixture('tagged-text', 'r1-searcher-bamboogle-qwen.jsonl')}`,
      `openai-chat:${fixture('openai-chat', 'wiki-search-gpt-4.1-nano.jsonl')}`,
      `auto:${INSPECT_LOG}`,
    ];
    const { dir, result } = await runStage({ imports });
    const trajectories = readJsonl<Trajectory>(join(dir, 'trajectories.jsonl'));
    expect(trajectories).toHaveLength(500 + 125 + 100 + 4);
    for (const trajectory of trajectories) expect(TrajectorySchema.safeParse(trajectory).success).toBe(true);
    expect(readFileSync(join(dir, 'rejects.jsonl'), 'utf8')).toBe('');

    const tallies = (result.details as { imports: ImportTally[] }).imports;
    expect(tallies.map((t) => [t.format, t.policy, t.read, t.converted, t.rejected, t.merged, t.with_verdict, t.correct])).toEqual([
      ['react-text', 'react-base', 512, 500, 0, 12, 500, 170],
      ['r1-searcher', 'r1-searcher-bamboogle-qwen', 125, 125, 0, 0, 125, 68],
      ['openai-chat', 'wiki-search-gpt-4.1-nano', 100, 100, 0, 0, 100, 63],
      ['inspect', 'openai/gpt-4o-mini', 4, 4, 0, 0, 4, 2],
    ]);
    expect(result.counts).toMatchObject({ read: 741, converted: 729, rejected: 0, merged: 12, 'react-text.read': 512, 'inspect.converted': 4 });

    const tasks = readJsonl<{ task: string; question: string; answers?: string[] }>(join(dir, 'tasks.jsonl'));
    for (const task of tasks) expect(TaskSchema.safeParse(task).success).toBe(true);
    expect(tasks).toHaveLength(100 + 125 + 100 + 2);
    expect(result.counts!.tasks).toBe(tasks.length);
    // Every trajectory's task is defined once in tasks.jsonl.
    const ids = new Set(tasks.map((task) => task.task));
    expect(trajectories.every((trajectory) => ids.has(trajectory.task))).toBe(true);

    const csv = readFileSync(join(dir, 'imports.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('format,file,policy,read,converted,rejected,merged,with_verdict,correct,results,results_with_docs,outcome_only');
    expect(csv).toHaveLength(5);
    expect(result.summary![0]).toMatch(/^react-text .*reflexion-react-base-5-trials\.txt \[react-base\]: read 512, converted 500, rejected 0, 12 merged; 170\/500 correct \(34\.0%\); \d+ of \d+ tool results carry documents$/);
    expect(result.summary![1]).toBe(
      '  fields: task ← question text (ReAct logs carry no task ids); sample ← BEGIN TRIAL n (sample n - 1); budget ← none: uncapped, reported as budget = all; correct ← section (BEGIN CORRECT / INCORRECT / HALTED AGENTS); policy ← "react-base" (#react-base on --import)',
    );
    expect((result.details as { source_info: Record<string, Record<string, unknown>> }).source_info[fixture('react-text', 'reflexion-react-base-5-trials.txt')]!.trials).toHaveLength(5);
  });

  it('is deterministic: the same imports give identical bytes', async () => {
    const imports = [`auto:${fixture('fireact', 'hotpotqa-gpt-3.5-ft.json')}`, `auto:${fixture('tau-bench', 'gpt-4o-airline-sample.json')}`];
    const first = await runStage({ imports });
    const second = await runStage({ imports });
    for (const file of ['trajectories.jsonl', 'tasks.jsonl', 'imports.csv']) {
      expect(readFileSync(join(first.dir, file), 'utf8')).toBe(readFileSync(join(second.dir, file), 'utf8'));
    }
  });
});

describe('import stage: rejects, options and errors', () => {
  const chat = (id: number, reward: unknown) => JSON.stringify({ id, messages: [{ role: 'user', content: `question ${id}?` }, { role: 'assistant', content: 'answer' }], reward });

  it('writes every reject with file, line, category and reason, and stops on the first one under --strict', async () => {
    const file = writeTemp(tempDir(), 'chat.jsonl', [chat(1, 1), chat(2, 'oops'), '{bad', chat(4, 0)].join('\n'));
    const { dir, result } = await runStage({ imports: [`openai-chat:${file}`] });
    expect(readJsonl(join(dir, 'rejects.jsonl'))).toEqual([
      { file, line: 2, category: 'openai-chat adapter', reason: 'reward reward is "oops", not a number or true/false' },
      { file, line: 3, category: 'openai-chat adapter', reason: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(result.counts).toMatchObject({ read: 4, converted: 2, rejected: 2 });
    await expect(runStage({ imports: [`openai-chat:${file}`] }, true)).rejects.toThrow(StrictRejectError);
  });

  it('names a file whose records all fail by the policy they would have had, and renames policies with --policy-name', async () => {
    const dir = tempDir();
    const broken = writeTemp(dir, 'fireact-llama2-13b.json', JSON.stringify({ 1: { em: 'perhaps', traj: 'x' } }));
    const { result } = await runStage({ imports: [`fireact:${broken}`] });
    expect(result.summary![0]).toMatch(/^fireact .*fireact-llama2-13b\.json \[fireact-llama2-13b\]: read 1, converted 0, rejected 1/);
    const file = writeTemp(dir, 'qwen-base.jsonl', [chat(1, 1), chat(2, 0)].join('\n'));
    const renamed = await runStage({ imports: [`openai-chat:${file}`], policy_names: { 'qwen-base': 'base', nobody: 'x' } });
    expect(readJsonl<Trajectory>(join(renamed.dir, 'trajectories.jsonl')).map((t) => t.policy)).toEqual(['base', 'base']);
    expect(renamed.result.summary![1]).toMatch(/policy ← file name "qwen-base", renamed "base" by --policy-name$/);
    expect(renamed.ctx.warnings).toEqual(['--policy-name nobody=x: no imported trajectory has the policy "nobody" (imported: qwen-base).']);
    const flag = importStage.cli!.find((f) => f.param === 'policy_names')!;
    expect(flag.parse!(['a=b', 'c=d=e'])).toEqual({ a: 'b', c: 'd=e' });
    expect(() => flag.parse!(['=b'])).toThrow(ConfigError);
  });

  it('applies --policy, per-import #policy, plain and scoped options', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'chat.jsonl', [chat(1, 0.6), chat(2, 0.4)].join('\n'));
    const plain = await runStage({ imports: [`openai-chat:${file}`], policy: 'rl', options: { threshold: '0.5' } });
    expect(readJsonl<Trajectory>(join(plain.dir, 'trajectories.jsonl')).map((t) => [t.policy, t.correct])).toEqual([['rl', true], ['rl', false]]);
    const scoped = await runStage({ imports: [`openai-chat:${file}#base`], policy: 'rl', options: { threshold: '0.5', 'openai-chat.threshold': '0.3' } });
    expect(readJsonl<Trajectory>(join(scoped.dir, 'trajectories.jsonl')).map((t) => [t.policy, t.correct])).toEqual([['base', true], ['base', true]]);
  });

  it('refuses unknown formats, options and missing files with ConfigError/UserError messages', async () => {
    const file = writeTemp(tempDir(), 'chat.jsonl', chat(1, 1));
    await expect(runStage({ imports: [] })).rejects.toThrow(/nothing to import/);
    await expect(runStage({ imports: [`csv:${file}`] })).rejects.toThrow(ConfigError);
    await expect(runStage({ imports: [`openai-chat:${file}`], options: { colour: 'red' } })).rejects.toThrow(/import option "colour" is not understood/);
    await expect(runStage({ imports: [`openai-chat:${file}`], options: { 'fireact.task': 'x' } })).rejects.toThrow(ConfigError);
    await expect(runStage({ imports: [`openai-chat:${file}`], options: { rounds: 'sometimes' } })).rejects.toThrow(/not one of message, call/);
    await expect(runStage({ imports: [`auto:${file}.missing`] })).rejects.toThrow(/does not exist/);
  });

  it('parses import specs and declares the files it reads', () => {
    expect(parseImportSpec('react-text:logs/a#b.txt#base')).toMatchObject({ format: 'react-text', display: 'logs/a#b.txt', policy: 'base' });
    expect(parseImportSpec('auto:x.jsonl')).toMatchObject({ format: 'auto', display: 'x.jsonl', policy: '' });
    expect(() => parseImportSpec('x.jsonl')).toThrow(ConfigError);
    expect(() => parseImportSpec('fireact:x.json#')).toThrow(/without a policy name/);
    expect(importStage.externalFiles!(ImportParams.parse({ imports: ['auto:a.jsonl', 'fireact:/b.json#p'] }))).toEqual([join(process.cwd(), 'a.jsonl'), '/b.json']);
    const flags = Object.fromEntries(importStage.cli!.map((flag) => [flag.param, flag]));
    expect(flags.imports!.repeatable).toBe(true);
    expect(flags.imports!.parse!(['auto:x', 'fireact:y'])).toEqual(['auto:x', 'fireact:y']);
    expect(flags.options!.parse!(['messages=prompt+completion', 'openai-chat.task=qid'])).toEqual({ messages: 'prompt+completion', 'openai-chat.task': 'qid' });
    expect(flags.max_json_mb!.parse!('12')).toBe(12);
    expect(() => flags.max_json_mb!.parse!('lots')).toThrow(ConfigError);
  });

  it('prints per-source counts and the first rejects for npm run inspect', async () => {
    const file = writeTemp(tempDir(), 'chat.jsonl', [chat(1, 1), '{bad'].join('\n'));
    const { dir, result } = await runStage({ imports: [`openai-chat:${file}`] });
    const output = {
      stage: 'import',
      manifest: manifestWith(result.details!),
      has: (name: string) => existsSync(join(dir, name)),
      jsonl: <T>(name: string) => ({ async *[Symbol.asyncIterator]() { for (const row of readJsonl<T>(join(dir, name))) yield row; } }),
    } as unknown as StageInput;
    const text = await importStage.inspect!(output);
    expect(text).toContain('format\tfile\tpolicy\tread\tconverted\trejected\tmerged\twith_verdict\tcorrect');
    expect(text).toContain(`openai-chat\t${file}\tchat\t2\t1\t1\t0\t1\t1`);
    expect(text).toMatch(/first rejects:\n {2}.*chat\.jsonl:2 {2}not valid JSON/);
  });
});
