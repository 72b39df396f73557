import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../../../pipeline/errors';
import { TaskSchema } from '../../../../pipeline/formats/task';
import { hotpotqaTask, loadHotpotqa } from '../../../../pipeline/environment/hotpotqa/load-hotpotqa';
import { SearchTool } from '../../../../pipeline/environment/search/search-tool';

const FIXTURE = join(process.cwd(), '../shared/fixtures/hotpotqa/distractor-100.json');

const official = {
  _id: 'q1',
  question: 'Which magazine was started first, Arthur\'s Magazine or First for Women?',
  answer: "Arthur's Magazine",
  type: 'comparison',
  level: 'medium',
  supporting_facts: [
    ["Arthur's Magazine", 0],
    ['First for Women', 0],
    ['First for Women', 1],
  ],
  context: [
    ["Arthur's Magazine", ["Arthur's Magazine (1844–1846) was an American literary periodical.", ' It was published in Philadelphia.']],
    ['First for Women', ["First for Women is a woman's magazine.", ' It was started in 1989.']],
    ['First for Women', ['A second paragraph with the same title.']],
  ],
};

describe('hotpotqaTask', () => {
  it('reads the official layout: docs from context, gold_docs from supporting facts, family from type', () => {
    const task = hotpotqaTask(official, 0);
    expect(TaskSchema.safeParse(task).success).toBe(true);
    expect(task.task).toBe('q1');
    expect(task.family).toBe('comparison');
    expect(task.answers).toEqual(["Arthur's Magazine"]);
    expect(task.gold_docs).toEqual(["Arthur's Magazine", 'First for Women']);
    expect(task.docs.map((d) => d.id)).toEqual(["Arthur's Magazine", 'First for Women', 'First for Women (2)']);
    expect(task.docs[0]!.text).toBe("Arthur's Magazine (1844–1846) was an American literary periodical. It was published in Philadelphia.");
    expect(task.meta).toEqual({ source: 'hotpotqa', level: 'medium' });
  });

  it('reads the columnar layout of the fixture', () => {
    const task = hotpotqaTask(
      {
        id: 'q2',
        question: 'Q?',
        answer: 'A',
        type: 'bridge',
        supporting_facts: { title: ['T1', 'T2'], sent_id: [0, 1] },
        context: { title: ['T1', 'T2'], sentences: [['One.'], ['Two.', ' Three.']] },
      },
      3,
    );
    expect(task.gold_docs).toEqual(['T1', 'T2']);
    expect(task.docs[1]).toEqual({ id: 'T2', title: 'T2', text: 'Two. Three.' });
  });

  it('names the record and the field of bad input', () => {
    expect(() => hotpotqaTask({ ...official, question: 7 }, 4)).toThrow(/record 4: question/);
    expect(() => hotpotqaTask({ ...official, _id: undefined }, 5)).toThrow(/record 5: has neither "_id" nor "id"/);
    expect(() => hotpotqaTask({ ...official, context: [] }, 6)).toThrow(/no paragraphs/);
  });
});

describe('loadHotpotqa', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotpotqa-'));

  it('refuses missing files, non-arrays, broken JSON and duplicate ids with a UserError', () => {
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    expect(() => loadHotpotqa(join(dir, 'absent.json'))).toThrow(InputFileError);
    expect(() => loadHotpotqa(write('object.json', '{}'))).toThrow(/expected a JSON array/);
    expect(() => loadHotpotqa(write('broken.json', '[{'))).toThrow(/not valid JSON/);
    expect(() => loadHotpotqa(write('dup.json', JSON.stringify([official, official])))).toThrow(/duplicate question id "q1"/);
    expect(() => loadHotpotqa(write('bad.json', JSON.stringify([official, { ...official, _id: 'q9', answer: 3 }])))).toThrow(/bad\.json: record 1: answer/);
  });

  describe.skipIf(!existsSync(FIXTURE))('on ../shared/fixtures/hotpotqa/distractor-100.json', () => {
    if (!existsSync(FIXTURE)) console.warn(`skipping the HotpotQA fixture tests: ${FIXTURE} is absent`);

    it('loads 100 tasks (85 bridge, 15 comparison) whose gold titles are among their ten paragraphs', () => {
      const tasks = loadHotpotqa(FIXTURE);
      expect(tasks).toHaveLength(100);
      expect(tasks.filter((t) => t.family === 'bridge')).toHaveLength(85);
      expect(tasks.filter((t) => t.family === 'comparison')).toHaveLength(15);
      for (const task of tasks) {
        expect(TaskSchema.safeParse(task).success).toBe(true);
        expect(task.docs).toHaveLength(10);
        expect(task.gold_docs).toHaveLength(2);
        for (const title of task.gold_docs) expect(task.docs.some((d) => d.title === title)).toBe(true);
      }
    });

    it('lets BM25 find a gold paragraph in the top 3 for the question itself on most questions', () => {
      const tasks = loadHotpotqa(FIXTURE);
      const found = tasks.filter((task) => {
        const top = new SearchTool(task.docs, 3).search(task.question).docs.map((d) => d.title);
        return task.gold_docs.some((title) => top.includes(title));
      });
      expect(found.length).toBeGreaterThan(80);
    });
  });
});
