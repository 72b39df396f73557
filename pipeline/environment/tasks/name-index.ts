/**
 * Look-ups for choosing distractors: entities whose names share a word, people with the identical
 * name, and the paragraphs that mention an entity.
 */
import type { Entity, World } from '../world/entities';
import { mentions } from '../world/facts';

const IGNORED = new Set(['the', 'of', 'and', 'new', 'port', 'east', 'falls', 'heights', 'ii', 'iii', 'iv', 'v']);

/** The distinctive lower-case words of a name. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !IGNORED.has(word));
}

/** Indexes a world's names and mentions once, for all tasks. */
export class NameIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();
  private readonly mentionedBy: number[][];

  constructor(readonly world: World) {
    this.mentionedBy = world.entities.map(() => []);
    for (const entity of world.entities) {
      for (const word of new Set(nameWords(entity.name))) push(this.byWord, word, entity.id);
      push(this.byName, entity.name, entity.id);
      for (const kind of ['person', 'band', 'city'] as const) for (const id of mentions(entity, kind)) this.mentionedBy[id]!.push(entity.id);
      if ((entity.kind === 'person' || entity.kind === 'band') && entity.knownFor >= 0) this.mentionedBy[entity.knownFor]!.push(entity.id);
    }
  }

  /** Other entities of the same kind whose names share a word with this one's. */
  sharingWords(entity: Entity): number[] {
    const found = new Set<number>();
    for (const word of nameWords(entity.name)) {
      for (const id of this.byWord.get(word) ?? []) if (id !== entity.id && this.world.entities[id]!.kind === entity.kind) found.add(id);
    }
    return [...found];
  }

  /** Other entities with exactly the same name. */
  sameName(entity: Entity): number[] {
    return (this.byName.get(entity.name) ?? []).filter((id) => id !== entity.id);
  }

  /** Entities whose paragraph mentions this one. */
  mentioning(entity: Entity): number[] {
    return this.mentionedBy[entity.id]!;
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
