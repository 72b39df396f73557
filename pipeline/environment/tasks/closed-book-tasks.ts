/**
 * Closed-book tasks: arithmetic and calendar questions any model answers from memory, the control
 * family where the tool cannot help. Their corpus is ten unrelated paragraphs and they have no gold
 * documents. Difficulty (how likely recall is right) is set by the size of the numbers.
 */
import type { Rng } from '../../../analyses/random/rng';
import type { World } from '../world/entities';
import { buildCorpus } from './distractors';
import { questionKeywords } from './keywords';
import type { Difficulty, SimTask } from './sim-task';
import { docOf, taskId } from './world-docs';

interface Fact {
  template: string;
  question: string;
  answer: number;
  difficulty: Difficulty;
}

function between(rng: Rng, low: number, high: number): number {
  return low + rng.int(high - low + 1);
}

const GENERATORS: readonly ((rng: Rng) => Fact)[] = [
  (rng) => {
    const [a, b] = [between(rng, 2, 40), between(rng, 2, 40)];
    return { template: 'sum', question: `What is ${a} plus ${b}?`, answer: a + b, difficulty: 'easy' };
  },
  (rng) => {
    const [a, b] = [between(rng, 3, 12), between(rng, 11, 30)];
    return { template: 'product', question: `What is ${a} times ${b}?`, answer: a * b, difficulty: 'medium' };
  },
  (rng) => {
    const [a, b] = [between(rng, 23, 99), between(rng, 23, 99)];
    return { template: 'product', question: `What is ${a} times ${b}?`, answer: a * b, difficulty: 'hard' };
  },
  (rng) => {
    const n = between(rng, 2, 30);
    return { template: 'weeks', question: `How many days are there in ${n} weeks?`, answer: n * 7, difficulty: n <= 10 ? 'easy' : 'medium' };
  },
  (rng) => {
    const n = between(rng, 2, 48);
    return { template: 'hours', question: `How many minutes are there in ${n} hours?`, answer: n * 60, difficulty: n <= 12 ? 'easy' : 'medium' };
  },
  (rng) => {
    const n = between(rng, 13, 99);
    return { template: 'square', question: `What is ${n} squared?`, answer: n * n, difficulty: n <= 25 ? 'medium' : 'hard' };
  },
];

/** Generates `count` closed-book tasks with distinct questions. */
export function closedBookTasks(world: World, count: number, rng: Rng): SimTask[] {
  const tasks: SimTask[] = [];
  const seen = new Set<string>();
  for (let i = 0; tasks.length < count; i++) {
    if (i > count * 100) throw new Error(`could not generate ${count} distinct closed-book questions`);
    const fact = GENERATORS[rng.int(GENERATORS.length)]!(rng);
    if (seen.has(fact.question)) continue;
    seen.add(fact.question);
    // Ten unrelated paragraphs, none of which happens to contain the answer (a year equal to it).
    const answer = String(fact.answer);
    let corpus = buildCorpus([], [], [], world.entities.length, rng);
    while (corpus.some((e) => world.entities[e]!.text.split(/[^\p{L}\p{N}]+/u).includes(answer))) corpus = buildCorpus([], [], [], world.entities.length, rng);
    tasks.push({
      row: {
        task: taskId('closed-book', tasks.length),
        question: fact.question,
        answers: [String(fact.answer)],
        family: 'closed-book',
        gold_docs: [],
        docs: corpus.map((e) => docOf(world.entities[e]!)),
        meta: { simulated: true, template: fact.template, difficulty: fact.difficulty },
      },
      plans: 'closed-book',
      terms: { question: fact.question, keywords: questionKeywords(fact.question), entities: [], relation: '', role: '', attribute: '', type: '' },
      docEntities: corpus,
      truth: { family: 'closed-book', template: fact.template, difficulty: fact.difficulty },
    });
  }
  return tasks;
}
