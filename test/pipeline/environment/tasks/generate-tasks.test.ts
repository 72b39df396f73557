import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../analyses/random/rng';
import { normalizeAnswer } from '../../../../analyses/text/normalize';
import { TaskSchema } from '../../../../pipeline/formats/task';
import { SearchTool } from '../../../../pipeline/environment/search/search-tool';
import { generateEnvironment } from '../../../../pipeline/environment/tasks/generate-tasks';
import { FAMILIES } from '../../../../pipeline/environment/tasks/sim-task';
import { valueOf } from '../../../../pipeline/environment/world/facts';
import { loadSimulatorConfig } from '../../../../pipeline/simulate/simulator-config';

const config = loadSimulatorConfig();
const { world, tasks } = generateEnvironment(config.world, FAMILIES, 40, createRng(7));
const entityOf = (id: string) => world.entities[Number(id.slice(1))]!;

describe('generateEnvironment', () => {
  it('writes FORMAT.md tasks with answers, family, gold_docs and exactly ten unique paragraphs', () => {
    expect(tasks).toHaveLength(120);
    for (const family of FAMILIES) expect(tasks.filter((t) => t.row.family === family)).toHaveLength(40);
    expect(new Set(tasks.map((t) => t.row.task)).size).toBe(120);
    expect(new Set(tasks.map((t) => t.row.question)).size).toBe(120);
    for (const { row } of tasks) {
      expect(TaskSchema.safeParse(row).success).toBe(true);
      expect(row.docs).toHaveLength(10);
      expect(new Set(row.docs.map((d) => d.id)).size).toBe(10);
      expect(row.answers.length).toBeGreaterThan(0);
      expect(row.gold_docs).toHaveLength(row.family === 'closed-book' ? 0 : 2);
      for (const title of row.gold_docs) expect(row.docs.some((d) => d.title === title)).toBe(true);
    }
  });

  it('is deterministic for a seed', () => {
    const again = generateEnvironment(config.world, FAMILIES, 40, createRng(7)).tasks.map((t) => t.row);
    expect(JSON.stringify(again)).toBe(JSON.stringify(tasks.map((t) => t.row)));
  });

  it('states each bridge answer in the bridge paragraph, which the first gold paragraph names', () => {
    for (const task of tasks.filter((t) => t.row.family === 'bridge')) {
      const [first, second] = task.row.gold_docs.map((title) => task.row.docs.find((d) => d.title === title)!);
      expect(normalizeAnswer(second!.text)).toContain(normalizeAnswer(task.row.answers[0]!));
      expect(first!.text).toContain(entityOf(second!.id).name);
      expect(task.row.question).toContain(entityOf(first!.id).name);
      // The bridge is not in the question: it has to be read off the first paragraph.
      expect(task.row.question).not.toContain(entityOf(second!.id).name);
    }
  });

  it('answers each comparison with the entity whose paragraph states the earlier (or later) year', () => {
    for (const task of tasks.filter((t) => t.row.family === 'comparison')) {
      const truth = task.truth!;
      if (truth.family !== 'comparison') throw new Error('comparison task without comparison truth');
      const [a, b] = [world.entities[truth.a]!, world.entities[truth.b]!];
      const [ya, yb] = [Number(valueOf(world, a, 'year')), Number(valueOf(world, b, 'year'))];
      for (const entity of [a, b]) expect(entity.text).toContain(valueOf(world, entity, 'year'));
      expect(task.row.answers[0]).toBe((ya < yb) === truth.template.earlier ? a.name : b.name);
    }
  });

  it('makes every gold paragraph retrievable: BM25 ranks it in the top 3 for its name and description', () => {
    for (const task of tasks) {
      const tool = new SearchTool(task.row.docs, 3);
      for (const title of task.row.gold_docs) {
        const doc = task.row.docs.find((d) => d.title === title)!;
        const entity = entityOf(doc.id);
        const query = entity.kind === 'person' ? `${entity.name} ${entity.occupation}` : entity.title;
        expect(tool.search(query).docs, `${task.row.task}: "${query}"`).toContain(doc);
      }
    }
  });

  it('plants distractors: namesakes of the bridge and look-alike titles', () => {
    const bridge = tasks.filter((t) => t.row.family === 'bridge');
    const crowded = bridge.filter((t) => {
      const name = entityOf(t.row.docs.find((d) => d.title === t.row.gold_docs[1])!.id).name;
      return t.row.docs.filter((d) => entityOf(d.id).name === name).length >= 3;
    });
    expect(crowded.length).toBeGreaterThan(bridge.length / 4);
    const sharing = bridge.filter((t) => {
      const words = new Set(entityOf(t.row.docs.find((d) => d.title === t.row.gold_docs[0])!.id).name.toLowerCase().split(' '));
      return t.row.docs.filter((d) => d.title !== t.row.gold_docs[0] && d.title.toLowerCase().split(/\W+/).some((w) => w.length > 3 && words.has(w))).length > 0;
    });
    expect(sharing.length).toBeGreaterThan(bridge.length / 2);
  });

  it('keeps closed-book answers out of their corpus', () => {
    for (const task of tasks.filter((t) => t.row.family === 'closed-book')) {
      expect(task.row.docs.some((d) => normalizeAnswer(d.text).split(' ').includes(task.row.answers[0]!))).toBe(false);
    }
  });
});
