import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../analyses/random/rng';
import { generateWorld } from '../../../../pipeline/environment/world/generate-world';
import { mentions, valueOf, type ValueKind } from '../../../../pipeline/environment/world/facts';
import { loadSimulatorConfig } from '../../../../pipeline/simulate/simulator-config';

const config = loadSimulatorConfig().world;
const world = generateWorld(config, 30, createRng(11));

describe('generateWorld', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const again = generateWorld(config, 30, createRng(11));
    expect(JSON.stringify(again.entities)).toBe(JSON.stringify(world.entities));
    expect(JSON.stringify(generateWorld(config, 30, createRng(12)).entities)).not.toBe(JSON.stringify(world.entities));
  });

  it('states every fact a reader can take from a paragraph in its text', () => {
    const kinds: ValueKind[] = ['nationality', 'year', 'city', 'country'];
    for (const entity of world.entities) {
      expect(entity.text.startsWith(entity.name) || entity.text.includes(` ${entity.name}`)).toBe(true);
      for (const kind of kinds) {
        const value = valueOf(world, entity, kind);
        if (value !== undefined) expect(entity.text, `${entity.title}: ${kind}`).toContain(value);
      }
      for (const kind of ['person', 'band', 'city'] as const) {
        for (const id of mentions(entity, kind)) expect(entity.text).toContain(world.entities[id]!.name);
      }
    }
  });

  it('has unique titles, namesakes with identical names, and short paragraphs', () => {
    const titles = world.entities.map((e) => e.title);
    expect(new Set(titles).size).toBe(titles.length);
    const names = new Map<string, number>();
    for (const e of world.byKind.person.map((id) => world.entities[id]!)) names.set(e.name, (names.get(e.name) ?? 0) + 1);
    expect([...names.values()].some((n) => n >= 3)).toBe(true);
    const mean = world.entities.reduce((s, e) => s + e.text.length, 0) / world.entities.length;
    expect(mean).toBeLessThan(130);
  });

  it('keeps people and places apart from the English title words', () => {
    const titleWords = new Set(world.byKind.film.flatMap((id) => world.entities[id]!.name.toLowerCase().split(' ')));
    for (const id of world.byKind.person) {
      for (const word of world.entities[id]!.name.toLowerCase().split(' ')) expect(titleWords.has(word)).toBe(false);
    }
  });
});
