/**
 * What an entity's paragraph states, in structured form: the names it mentions and the values it gives.
 * The simulated reader works on these facts instead of parsing the text; a test checks that every
 * fact is literally in the paragraph, so reading them is reading the paragraph.
 */
import type { Entity, World } from './entities';

/** The kinds of values questions ask for. */
export type ValueKind = 'nationality' | 'year' | 'city' | 'country';

function nameOf(world: World, id: number): string {
  return world.entities[id]!.name;
}

function demonymOf(world: World, id: number): string | undefined {
  const country = world.entities[id]!;
  return country.kind === 'country' ? country.demonym : undefined;
}

/** The value of a kind that an entity's paragraph states (undefined when it states none). */
export function valueOf(world: World, entity: Entity, kind: ValueKind): string | undefined {
  switch (kind) {
    case 'nationality':
      if (entity.kind === 'person') return demonymOf(world, entity.nationality);
      if (entity.kind === 'film') return demonymOf(world, entity.country);
      if (entity.kind === 'country') return entity.demonym;
      return undefined;
    case 'year':
      if (entity.kind === 'person') return String(entity.born);
      if (entity.kind === 'film' || entity.kind === 'album') return String(entity.year);
      if (entity.kind === 'band') return String(entity.formed);
      if (entity.kind === 'org' || entity.kind === 'city') return String(entity.founded);
      return undefined;
    case 'city':
      if (entity.kind === 'person') return nameOf(world, entity.birthplace);
      if (entity.kind === 'band') return nameOf(world, entity.origin);
      if (entity.kind === 'org') return nameOf(world, entity.hq);
      if (entity.kind === 'country') return nameOf(world, entity.capital);
      return undefined;
    case 'country':
      if (entity.kind === 'city') return nameOf(world, entity.country);
      if (entity.kind === 'country') return entity.name;
      return undefined;
  }
}

/** The ids of the entities of a kind that a paragraph names (people in a film's credits, a band's city…). */
export function mentions(entity: Entity, kind: 'person' | 'band' | 'city'): number[] {
  switch (kind) {
    case 'person':
      if (entity.kind === 'film') return [entity.director, entity.star];
      if (entity.kind === 'band') return entity.members;
      if (entity.kind === 'org') return [entity.founder];
      return [];
    case 'band':
      if (entity.kind === 'album') return [entity.band];
      return [];
    case 'city':
      if (entity.kind === 'person') return [entity.birthplace];
      if (entity.kind === 'band') return [entity.origin];
      if (entity.kind === 'org') return [entity.hq];
      if (entity.kind === 'country') return [entity.capital];
      return [];
  }
}
