/**
 * Bridge tasks: "What is the nationality of the director of <film>?" — the second lookup depends on
 * the first paragraph. Distractors: people with the bridge's exact name, paragraphs that mention the
 * bridge (its other films), works whose titles share words with the question's, the bridge's
 * surname-sharing namesakes and people in the same role.
 */
import type { Rng } from '../../../analyses/random/rng';
import type { World } from '../world/entities';
import { valueOf } from '../world/facts';
import { buildCorpus } from './distractors';
import { questionKeywords } from './keywords';
import type { NameIndex } from './name-index';
import type { SimTask } from './sim-task';
import { BRIDGE_TEMPLATES, bridgeOf } from './templates';
import { docOf, taskId } from './world-docs';
import { shuffle } from './distractors';

/** How the bridge tasks are drawn. */
export interface BridgeOptions {
  /** Share of questions worded through the bridge's own description. */
  descriptiveRate: number;
  /** Share of tasks drawn among bridges with many exact namesakes (when the template has such bridges). */
  crowdedRate: number;
  /** Namesakes a bridge needs to count as crowded. */
  crowdedNamesakes: number;
}

/** Generates `count` bridge tasks, cycling through the templates. */
export function bridgeTasks(world: World, index: NameIndex, count: number, options: BridgeOptions, rng: Rng): SimTask[] {
  // Per template two queues of question entities: those whose bridge is crowded by namesakes, and the rest.
  const queues = BRIDGE_TEMPLATES.map((template) => {
    const crowded: number[] = [];
    const plain: number[] = [];
    for (const id of world.byKind[template.hop1]) {
      const bridge = bridgeOf(world.entities[id]!, template.relation);
      if (bridge < 0 || valueOf(world, world.entities[bridge]!, template.attribute) === undefined) continue;
      (index.sameName(world.entities[bridge]!).length >= options.crowdedNamesakes ? crowded : plain).push(id);
    }
    return { crowded: shuffle(crowded, rng), plain: shuffle(plain, rng) };
  });
  const tasks: SimTask[] = [];
  for (let i = 0; tasks.length < count; i++) {
    const t = i % BRIDGE_TEMPLATES.length;
    const queue = queues[t]!;
    const wantCrowded = rng.next() < options.crowdedRate;
    const id = (wantCrowded ? queue.crowded.pop() : undefined) ?? queue.plain.pop() ?? queue.crowded.pop();
    if (id === undefined) {
      if (queues.every((q) => q.crowded.length === 0 && q.plain.length === 0)) throw new Error(`the world has too few entities for ${count} bridge tasks`);
      continue;
    }
    const template = BRIDGE_TEMPLATES[t]!;
    const hop1 = world.entities[id]!;
    const bridge = world.entities[bridgeOf(hop1, template.relation)]!;
    const sameRole = bridge.kind === 'person' ? world.byRole[bridge.role] : world.byKind[bridge.kind];
    const corpus = buildCorpus(
      [hop1.id, bridge.id],
      [
        { ids: index.sameName(bridge), quota: 3 },
        { ids: index.mentioning(bridge).filter((m) => m !== hop1.id), quota: 1 },
        { ids: index.sharingWords(hop1), quota: 2 },
        { ids: index.mentioning(hop1).filter((m) => m !== bridge.id), quota: 1 },
        { ids: index.sharingWords(bridge), quota: 1 },
        { ids: sameRole, quota: 1 },
      ],
      world.byKind[hop1.kind],
      world.entities.length,
      rng,
    );
    const descriptor = rng.next() < options.descriptiveRate ? template.descriptor(bridge) : undefined;
    const question = template.question(hop1.name, descriptor);
    tasks.push({
      row: {
        task: taskId('bridge', tasks.length),
        question,
        answers: [valueOf(world, bridge, template.attribute)!],
        family: 'bridge',
        gold_docs: [hop1.title, bridge.title],
        docs: corpus.map((e) => docOf(world.entities[e]!)),
        meta: { simulated: true, template: template.id },
      },
      plans: 'bridge',
      terms: {
        question,
        keywords: questionKeywords(question),
        entities: [hop1.name],
        relation: descriptor ? `${descriptor} ${template.relationWords}` : template.relationWords,
        role: template.roleWords,
        attribute: template.attributeWords,
        type: '',
      },
      docEntities: corpus,
      truth: { family: 'bridge', template, hop1: hop1.id, bridge: bridge.id },
    });
  }
  return tasks;
}
