/**
 * Comparison tasks: "Which film was released first, <A> or <B>?" — two independent lookups. The pair
 * differs in year; names with homonyms are left out so the question is unambiguous. Distractors:
 * namesakes of either entity and paragraphs mentioning them.
 */
import type { Rng } from '../../../analyses/random/rng';
import type { World } from '../world/entities';
import { valueOf } from '../world/facts';
import { buildCorpus } from './distractors';
import { questionKeywords } from './keywords';
import type { NameIndex } from './name-index';
import type { SimTask } from './sim-task';
import { COMPARISON_TEMPLATES } from './templates';
import { docOf, taskId } from './world-docs';

/** Generates `count` comparison tasks, cycling through the templates. */
export function comparisonTasks(world: World, index: NameIndex, count: number, rng: Rng): SimTask[] {
  const tasks: SimTask[] = [];
  const used = new Set<string>();
  for (let i = 0; tasks.length < count; i++) {
    if (i > count * 200) throw new Error(`the world has too few entities for ${count} comparison tasks`);
    const template = COMPARISON_TEMPLATES[i % COMPARISON_TEMPLATES.length]!;
    const pool = template.pool(world).filter((id) => index.sameName(world.entities[id]!).length === 0);
    const a = world.entities[pool[rng.int(pool.length)]!]!;
    const b = world.entities[pool[rng.int(pool.length)]!]!;
    const yearA = Number(valueOf(world, a, 'year'));
    const yearB = Number(valueOf(world, b, 'year'));
    const key = [a.id, b.id].sort((x, y) => x - y).join('/');
    if (a.id === b.id || yearA === yearB || used.has(key)) continue;
    used.add(key);
    const answer = (yearA < yearB) === template.earlier ? a : b;
    const corpus = buildCorpus(
      [a.id, b.id],
      [
        { ids: index.sharingWords(a), quota: 1 },
        { ids: index.sharingWords(b), quota: 1 },
        { ids: index.mentioning(a), quota: 1 },
        { ids: index.mentioning(b), quota: 1 },
      ],
      template.pool(world),
      world.entities.length,
      rng,
    );
    const question = template.question(a.name, b.name);
    tasks.push({
      row: {
        task: taskId('comparison', tasks.length),
        question,
        answers: [answer.name],
        family: 'comparison',
        gold_docs: [a.title, b.title],
        docs: corpus.map((e) => docOf(world.entities[e]!)),
        meta: { simulated: true, template: template.id },
      },
      plans: 'comparison',
      terms: {
        question,
        keywords: questionKeywords(question),
        entities: [a.name, b.name],
        relation: '',
        role: '',
        attribute: template.attributeWords,
        type: template.typeWords,
      },
      docEntities: corpus,
      truth: { family: 'comparison', template, a: a.id, b: b.id },
    });
  }
  return tasks;
}
