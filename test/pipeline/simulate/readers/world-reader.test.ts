import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../analyses/random/rng';
import { WorldReader, HABITUAL_GUESSES } from '../../../../pipeline/simulate/readers/world-reader';
import { valueOf } from '../../../../pipeline/environment/world/facts';
import { smallSetup } from '../small-setup';

const setup = smallSetup(12, {}, ['bridge', 'comparison']);
const world = setup.world!;
const perfect = { integration: 1, dilution: 0 };

describe('WorldReader', () => {
  it('reads the bridge and its value off the paragraphs when a perfect reader has them in view', () => {
    const rng = createRng(1);
    for (const task of setup.tasks.filter((t) => t.truth?.family === 'bridge')) {
      const truth = task.truth!;
      if (truth.family !== 'bridge') continue;
      const reader = new WorldReader(world, task);
      const all = task.row.docs.map((_, i) => i);
      const bridge = reader.bridge(all, 1, rng)!;
      expect(bridge).toBe(world.entities[truth.bridge]!.name);
      expect(reader.attribute(all, bridge, perfect, rng)).toEqual({ value: task.row.answers[0], grounded: true });
      expect(reader.stated(all, bridge)).toBe(task.row.answers[0]);
    }
  });

  it('finds nothing without the question entity\'s paragraph and falls back on a distractor\'s value', () => {
    const rng = createRng(2);
    for (const task of setup.tasks.filter((t) => t.truth?.family === 'bridge')) {
      const truth = task.truth!;
      if (truth.family !== 'bridge') continue;
      const reader = new WorldReader(world, task);
      const others = task.docEntities!.map((e, i) => (e === truth.hop1 || e === truth.bridge ? -1 : i)).filter((i) => i >= 0);
      expect(reader.bridge(others, 1, rng)).toBeNull();
      const name = world.entities[truth.bridge]!.name;
      const reading = reader.attribute(others, name, perfect, rng);
      if (reading) {
        const fromNamesake = task.docEntities!.some((e, i) => others.includes(i) && world.entities[e]!.name === name);
        expect(reading.grounded).toBe(fromNamesake);
      }
    }
  });

  it('decides comparisons from the two years and guesses among a few habitual answers', () => {
    const rng = createRng(3);
    for (const task of setup.tasks.filter((t) => t.truth?.family === 'comparison')) {
      const truth = task.truth!;
      if (truth.family !== 'comparison') continue;
      const reader = new WorldReader(world, task);
      const years = [truth.a, truth.b].map((id) => valueOf(world, world.entities[id]!, 'year')!);
      expect(reader.decide(years, rng)).toBe(task.row.answers[0]);
    }
    const bridgeTask = setup.tasks.find((t) => t.truth?.family === 'bridge')!;
    const reader = new WorldReader(world, bridgeTask);
    const guesses = new Set(Array.from({ length: 200 }, () => reader.guess(rng)));
    expect(guesses.size).toBeLessThanOrEqual(HABITUAL_GUESSES);
  });
});
