/**
 * The fictional encyclopedia's entity types. Every entity has one paragraph (its `text`) that states
 * the attributes below; references between entities are indices into `World.entities`.
 */

/** The kinds of entities the world holds. */
export type EntityKind = 'country' | 'city' | 'person' | 'film' | 'band' | 'album' | 'org';

/** What every entity has. */
interface EntityBase {
  /** Index in `World.entities`. */
  id: number;
  /** The name questions use ("Mira Castellan", "Silent Harbor"). */
  name: string;
  /** The paragraph title: the name, disambiguated when several entities share it ("Mira Castellan (painter)"). */
  title: string;
  /** The paragraph, filled once every reference exists. */
  text: string;
}

/** A country: its people's nationality is its demonym. */
export interface Country extends EntityBase {
  kind: 'country';
  demonym: string;
  capital: number;
}

/** A city of a country. */
export interface City extends EntityBase {
  kind: 'city';
  country: number;
  founded: number;
}

/** Why a person is in the encyclopedia. */
export type Role = 'director' | 'actor' | 'musician' | 'founder' | 'other';

/** A person. */
export interface Person extends EntityBase {
  kind: 'person';
  given: string;
  surname: string;
  role: Role;
  /** The occupation as the paragraph words it ("film director", "filmmaker", "painter"…). */
  occupation: string;
  born: number;
  birthplace: number;
  nationality: number;
  /** A film or company the paragraph mentions ("known for …"), or -1. */
  knownFor: number;
}

/** A film. */
export interface Film extends EntityBase {
  kind: 'film';
  year: number;
  director: number;
  star: number;
  country: number;
  genre: string;
}

/** A band. */
export interface Band extends EntityBase {
  kind: 'band';
  formed: number;
  origin: number;
  members: number[];
  genre: string;
  /** An album the paragraph mentions ("best known for the album …"), or -1. */
  knownFor: number;
}

/** A studio album of a band. */
export interface Album extends EntityBase {
  kind: 'album';
  band: number;
  year: number;
  ordinal: string;
}

/** A company. */
export interface Org extends EntityBase {
  kind: 'org';
  founded: number;
  founder: number;
  hq: number;
  industry: string;
}

/** Any entity. */
export type Entity = Country | City | Person | Film | Band | Album | Org;

/** The generated encyclopedia. */
export interface World {
  entities: Entity[];
  /** Entity ids per kind, in creation order. */
  byKind: Record<EntityKind, number[]>;
  /** Entity ids per person role. */
  byRole: Record<Role, number[]>;
}
