/**
 * Generates the fictional encyclopedia: countries and cities, then the people, films, bands, albums
 * and companies that questions are about, then namesakes that make search hard (people with the
 * identical name, people sharing a surname, cities sharing a name, titles sharing words), and finally
 * one paragraph per entity. Sizes grow with the number of tasks per family so that every task finds
 * enough distractors. Deterministic for a given seed.
 */
import type { Rng } from '../../../analyses/random/rng';
import type { Album, Band, City, Country, Entity, EntityKind, Film, Org, Person, Role, World } from './entities';
import { bandName, companyName, countryName, pick, wordPool, workTitle } from './names';
import { writeParagraph } from './paragraphs';
import type { WorldConfig } from './world-config';

const GENRES = ['drama', 'comedy', 'thriller', 'western', 'documentary', 'musical', 'horror', 'romance'];
const MUSIC_GENRES = ['rock', 'folk', 'jazz', 'punk', 'pop', 'indie', 'electronic'];
const ORDINALS = ['debut', 'second', 'third', 'fourth', 'fifth'];
const OCCUPATIONS: Record<Exclude<Role, 'other'>, readonly string[]> = {
  director: ['film director', 'filmmaker', 'director'],
  actor: ['actor', 'stage and film actor', 'performer'],
  musician: ['musician', 'singer', 'guitarist'],
  founder: ['entrepreneur', 'businessperson', 'industrialist'],
};
const OTHER_OCCUPATIONS = ['painter', 'footballer', 'politician', 'novelist', 'chemist', 'architect', 'poet', 'sculptor', 'cyclist', 'historian', 'theatre director', 'voice actor'];
const CITY_VARIANTS = ['New {}', '{} Falls', 'Port {}', '{} Heights', 'East {}'];

/** Sizes of the world for a number of tasks per family. */
export function worldSizes(tasksPerFamily: number): Record<'films' | 'bands' | 'albums' | 'orgs', number> {
  return {
    films: Math.max(120, Math.ceil(1.3 * tasksPerFamily) + 60),
    bands: Math.max(60, Math.ceil(0.5 * tasksPerFamily) + 30),
    albums: Math.max(80, Math.ceil(0.8 * tasksPerFamily) + 30),
    orgs: Math.max(60, Math.ceil(0.5 * tasksPerFamily) + 30),
  };
}

class WorldBuilder {
  readonly entities: Entity[] = [];
  readonly byKind: Record<EntityKind, number[]> = { country: [], city: [], person: [], film: [], band: [], album: [], org: [] };
  readonly byRole: Record<Role, number[]> = { director: [], actor: [], musician: [], founder: [], other: [] };
  private readonly titles = new Set<string>();
  private readonly fullNames = new Set<string>();

  constructor(
    readonly rng: Rng,
    readonly given: readonly string[],
    readonly surnames: readonly string[],
  ) {}

  add<E extends Entity>(entity: Omit<E, 'id' | 'title' | 'text'> & { title?: string }): E {
    const full = { ...entity, id: this.entities.length, title: entity.title ?? entity.name, text: '' } as unknown as E;
    this.entities.push(full);
    this.byKind[full.kind].push(full.id);
    if (full.kind === 'person') this.byRole[full.role].push(full.id);
    return full;
  }

  /** A title no other work or company has yet. */
  uniqueTitle(make: () => string): string {
    for (let attempt = 0; ; attempt++) {
      const title = make();
      const candidate = attempt < 200 ? title : `${title} ${['II', 'III', 'IV', 'V'][attempt % 4]}`;
      if (!this.titles.has(candidate)) {
        this.titles.add(candidate);
        return candidate;
      }
    }
  }

  person(role: Role, born: number, cities: readonly City[], name?: { given: string; surname: string }): Person {
    let given = name?.given;
    let surname = name?.surname;
    while (given === undefined || surname === undefined || (!name && this.fullNames.has(`${given} ${surname}`))) {
      given = pick(this.rng, this.given);
      surname = pick(this.rng, this.surnames);
    }
    this.fullNames.add(`${given} ${surname}`);
    const birthplace = pick(this.rng, cities);
    // Most people hold the nationality of their birthplace; some moved, which makes a birthplace-based
    // guess of the nationality wrong.
    const nationality = this.rng.next() < 0.8 ? birthplace.country : pick(this.rng, this.byKind.country);
    const occupation = role === 'other' ? pick(this.rng, OTHER_OCCUPATIONS) : pick(this.rng, OCCUPATIONS[role]);
    return this.add<Person>({
      kind: 'person',
      name: `${given} ${surname}`,
      given,
      surname,
      role,
      occupation,
      born,
      birthplace: birthplace.id,
      nationality,
      knownFor: -1,
    });
  }
}

/** Generates a world for `tasksPerFamily` tasks per family. */
export function generateWorld(config: WorldConfig, tasksPerFamily: number, rng: Rng): World {
  const sizes = worldSizes(tasksPerFamily);
  const keyPeople = sizes.films * 2 + sizes.bands * 2 + sizes.orgs;
  const people = Math.ceil(keyPeople * (1 + config.homonymRate * (1 + config.maxHomonyms) / 2));
  const taken = new Set<string>();
  const given = wordPool(rng.fork('given'), Math.max(30, Math.ceil(people / 6)), taken, 2, 2);
  const surnames = wordPool(rng.fork('surnames'), Math.max(30, Math.ceil(people / config.peoplePerSurname)), taken, 2, 3);
  const places = wordPool(rng.fork('places'), config.countries + config.countries * config.citiesPerCountry, taken, 2, 3);
  const companyRoots = wordPool(rng.fork('companies'), sizes.orgs, taken, 2, 2);
  const b = new WorldBuilder(rng.fork('entities'), given, surnames);
  const r = b.rng;

  // 1. Countries and cities (the capital is the first city of a country).
  const countries: Country[] = [];
  const demonyms = new Set<string>();
  for (let i = 0; i < config.countries; i++) {
    let names = countryName(places[i]!, r);
    while (demonyms.has(names.demonym)) names = countryName(places[i]!, r);
    demonyms.add(names.demonym);
    countries.push(b.add<Country>({ kind: 'country', name: names.country, demonym: names.demonym, capital: -1 }));
  }
  const cities: City[] = [];
  let next = config.countries;
  for (const country of countries) {
    for (let j = 0; j < config.citiesPerCountry; j++) {
      const city = b.add<City>({ kind: 'city', name: places[next++]!, country: country.id, founded: 1100 + r.int(800) });
      cities.push(city);
      if (j === 0) country.capital = city.id;
      if (r.next() < config.cityNamesakeRate) {
        const variant = pick(r, CITY_VARIANTS).replace('{}', city.name);
        cities.push(b.add<City>({ kind: 'city', name: variant, country: pick(r, countries).id, founded: 1100 + r.int(800) }));
      }
    }
  }

  // 2. Films with their directors and stars (a director makes about two films).
  const directors: Person[] = [];
  const actors: Person[] = [];
  for (let i = 0; i < Math.ceil(sizes.films / 2); i++) directors.push(b.person('director', 1900 + r.int(80), cities));
  for (let i = 0; i < Math.ceil(sizes.films / 2); i++) actors.push(b.person('actor', 1900 + r.int(85), cities));
  for (let i = 0; i < sizes.films; i++) {
    const director = directors[i % directors.length]!;
    const year = Math.min(2022, director.born + 25 + r.int(40));
    const adult = actors.filter((a) => a.born <= year - 18 && a.born >= year - 70);
    const star = adult.length > 0 ? pick(r, adult) : pick(r, actors);
    b.add<Film>({
      kind: 'film',
      name: b.uniqueTitle(() => workTitle(r)),
      year,
      director: director.id,
      star: star.id,
      country: r.next() < 0.15 ? director.nationality : pick(r, countries).id,
      genre: pick(r, GENRES),
    });
  }

  // 3. Bands, their members and albums.
  const bands: Band[] = [];
  for (let i = 0; i < sizes.bands; i++) {
    const formed = 1955 + r.int(60);
    const members = [0, 1].map(() => b.person('musician', formed - 18 - r.int(15), cities).id);
    bands.push(
      b.add<Band>({
        kind: 'band',
        name: b.uniqueTitle(() => bandName(r)),
        formed,
        origin: pick(r, cities).id,
        members,
        genre: pick(r, MUSIC_GENRES),
        knownFor: -1,
      }),
    );
  }
  const albumsOf = new Map<number, number>();
  for (let i = 0; i < sizes.albums; i++) {
    const band = bands[i < bands.length ? i : r.int(bands.length)]!;
    const count = albumsOf.get(band.id) ?? 0;
    albumsOf.set(band.id, count + 1);
    b.add<Album>({
      kind: 'album',
      name: b.uniqueTitle(() => workTitle(r)),
      band: band.id,
      year: Math.min(2023, band.formed + 1 + count * 3 + r.int(4)),
      ordinal: ORDINALS[Math.min(count, ORDINALS.length - 1)]!,
    });
  }

  // 4. Companies and their founders.
  for (let i = 0; i < sizes.orgs; i++) {
    const founder = b.person('founder', 1850 + r.int(120), cities);
    let industry = '';
    const name = b.uniqueTitle(() => {
      const company = companyName(r, companyRoots[i]!);
      industry = company.industry;
      return company.name;
    });
    b.add<Org>({
      kind: 'org',
      name,
      founded: Math.min(2020, founder.born + 22 + r.int(30)),
      founder: founder.id,
      hq: pick(r, cities).id,
      industry,
    });
  }

  // 5. Namesakes: people with the identical full name (different occupations), the hardest distractors.
  const key = [...b.byRole.director, ...b.byRole.actor, ...b.byRole.musician, ...b.byRole.founder];
  for (const id of key) {
    if (r.next() >= config.homonymRate) continue;
    const person = b.entities[id] as Person;
    const count = 1 + r.int(config.maxHomonyms);
    for (let j = 0; j < count; j++) b.person('other', 1900 + r.int(90), cities, { given: person.given, surname: person.surname });
  }
  // Some people with the same surname only, as a real encyclopedia has.
  for (let i = 0; i < Math.ceil(key.length * 0.2); i++) b.person('other', 1900 + r.int(90), cities);

  // 6. Known-for mentions: a paragraph names the person's film or company, or the band's album. The
  //    question's title then finds the bridge paragraph too, which makes such bridge questions easy for
  //    a one-shot search (and gives a reader a second cue to the bridge).
  const link = (holder: Person | Band, work: number): void => {
    if (holder.knownFor === -1 && r.next() < config.knownForRate) holder.knownFor = work;
  };
  for (const id of b.byKind.film) {
    const film = b.entities[id] as Film;
    link(b.entities[film.director] as Person, id);
    link(b.entities[film.star] as Person, id);
  }
  for (const id of b.byKind.org) link(b.entities[(b.entities[id] as Org).founder] as Person, id);
  for (const id of b.byKind.album) link(b.entities[(b.entities[id] as Album).band] as Band, id);

  disambiguateTitles(b.entities, r);
  const world: World = { entities: b.entities, byKind: b.byKind, byRole: b.byRole };
  for (const entity of world.entities) entity.text = writeParagraph(world, entity, r);
  return world;
}

// People sharing a full name get Wikipedia-style titles ("Mira Castellan (painter)"); the first of a
// group keeps the bare name half of the time. Occupations within a group are made distinct.
function disambiguateTitles(entities: Entity[], rng: Rng): void {
  const groups = new Map<string, Person[]>();
  for (const entity of entities) {
    if (entity.kind !== 'person') continue;
    const group = groups.get(entity.name);
    if (group) group.push(entity);
    else groups.set(entity.name, [entity]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const used = new Set<string>();
    for (const person of group) {
      while (used.has(person.occupation)) person.occupation = pick(rng, OTHER_OCCUPATIONS);
      used.add(person.occupation);
    }
    const bare = rng.next() < 0.5 ? group[0] : undefined;
    for (const person of group) person.title = person === bare ? person.name : `${person.name} (${person.occupation})`;
  }
}
