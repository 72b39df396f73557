/**
 * One short Wikipedia-style paragraph per entity, from varied templates. Every template states every
 * attribute a question can ask about the entity (tests check that the answer is in the gold paragraphs),
 * but the wording varies ("film director" / "filmmaker", "directed by" / "Directed by …,"), so a query's
 * words match some paragraphs and not others, as on real pages.
 */
import type { Rng } from '../../../analyses/random/rng';
import type { Entity, World } from './entities';
import { article } from './names';

function nameOf(world: World, id: number): string {
  return world.entities[id]!.name;
}

function demonymOf(world: World, countryId: number): string {
  const country = world.entities[countryId]!;
  return country.kind === 'country' ? country.demonym : '';
}

/** Writes the paragraph of one entity (all references must already exist). */
export function writeParagraph(world: World, entity: Entity, rng: Rng): string {
  const variant = rng.int(3);
  switch (entity.kind) {
    case 'country': {
      const capital = nameOf(world, entity.capital);
      return variant === 0
        ? `${entity.name} is a country whose capital is ${capital}; its people are ${entity.demonym}.`
        : `${entity.name} is a ${pickWord(rng, ['small', 'coastal', 'mountainous'])} country with ${capital} as its capital. Its citizens are ${entity.demonym}.`;
    }
    case 'city': {
      const country = nameOf(world, entity.country);
      return variant === 0
        ? `${entity.name} is a city in ${country}, founded in ${entity.founded}.`
        : `${entity.name} is a ${pickWord(rng, ['port', 'market', 'university', 'river'])} city of ${country}; it was founded in ${entity.founded}.`;
    }
    case 'person': {
      const city = nameOf(world, entity.birthplace);
      const demonym = demonymOf(world, entity.nationality);
      // People the questions are about have a career clause (their best-known work, or since when they
      // are active): a notable person's paragraph is longer than a namesake's, as in an encyclopedia.
      const work = entity.knownFor >= 0 ? nameOf(world, entity.knownFor) : '';
      const career = work ? `known for ${work}` : entity.role === 'other' ? '' : `active since ${entity.born + 20 + rng.int(10)}`;
      if (variant === 0) return `${entity.name} (born ${entity.born} in ${city}) is ${article(demonym)} ${demonym} ${entity.occupation}${career ? ` ${career}` : ''}.`;
      if (variant === 1) return `${entity.name} is ${article(demonym)} ${demonym} ${entity.occupation} born in ${city} in ${entity.born}.${career ? ` ${capitalize(career)}.` : ''}`;
      return `Born in ${entity.born} in ${city}, ${entity.name} is ${article(demonym)} ${demonym} ${entity.occupation}${career ? `, ${career}` : ''}.`;
    }
    case 'film': {
      const director = nameOf(world, entity.director);
      const star = nameOf(world, entity.star);
      const demonym = demonymOf(world, entity.country);
      if (variant === 0) return `${entity.name} is a ${entity.year} ${demonym} ${entity.genre} film directed by ${director} and starring ${star}.`;
      if (variant === 1) return `${entity.name} (${entity.year}) is ${article(demonym)} ${demonym} ${entity.genre} film starring ${star}, directed by ${director}.`;
      return `Directed by ${director}, ${entity.name} is ${article(demonym)} ${demonym} ${entity.genre} film released in ${entity.year}, starring ${star}.`;
    }
    case 'band': {
      const city = nameOf(world, entity.origin);
      const [a, b] = entity.members.map((id) => nameOf(world, id));
      const album = entity.knownFor >= 0 ? ` Best known for the album ${nameOf(world, entity.knownFor)}.` : '';
      if (variant === 0) return `${entity.name} are ${article(entity.genre)} ${entity.genre} band formed in ${city} in ${entity.formed} by ${a} and ${b}.${album}`;
      if (variant === 1) return `${entity.name} is ${article(entity.genre)} ${entity.genre} group from ${city}, formed in ${entity.formed}; its members include ${a} and ${b}.${album}`;
      return `Formed in ${entity.formed} in ${city}, ${entity.name} are ${article(entity.genre)} ${entity.genre} band led by ${a} and ${b}.${album}`;
    }
    case 'album': {
      const band = nameOf(world, entity.band);
      return variant === 0
        ? `${entity.name} is the ${entity.ordinal} studio album by ${band}, released in ${entity.year}.`
        : `${entity.name} is a ${entity.year} album, the ${entity.ordinal} record of ${band}.`;
    }
    case 'org': {
      const founder = nameOf(world, entity.founder);
      const city = nameOf(world, entity.hq);
      if (variant === 0) return `${entity.name} is ${article(entity.industry)} ${entity.industry} company founded in ${entity.founded} by ${founder} and based in ${city}.`;
      if (variant === 1) return `Founded by ${founder} in ${entity.founded}, ${entity.name} is ${article(entity.industry)} ${entity.industry} company headquartered in ${city}.`;
      return `${entity.name}, ${article(entity.industry)} ${entity.industry} firm based in ${city}, was founded in ${entity.founded} by ${founder}.`;
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pickWord(rng: Rng, words: readonly string[]): string {
  return words[rng.int(words.length)]!;
}
