/**
 * Question templates of the generated families. A bridge question names one entity and asks for an
 * attribute of an entity the first paragraph names (the bridge); a comparison question names two
 * entities and asks which has the earlier (or later) year.
 */
import type { Entity, EntityKind, World } from '../world/entities';
import type { ValueKind } from '../world/facts';

/** How the bridge entity is reached from the question's entity. */
export type BridgeRelation = 'director' | 'star' | 'band' | 'founder' | 'origin';

/** A bridge question template. */
export interface BridgeTemplate {
  id: string;
  /** Kind of the entity the question names. */
  hop1: EntityKind;
  relation: BridgeRelation;
  /** Kind of the bridge entity. */
  bridgeKind: 'person' | 'band' | 'city';
  /** What is asked of the bridge entity. */
  attribute: ValueKind;
  /**
   * The question. With a descriptor (words of the bridge's own paragraph, as HotpotQA questions often
   * carry) the relation is worded through it: "the filmmaker who directed X" instead of "the director of X".
   */
  question(name: string, descriptor?: string): string;
  /** Words of the bridge's paragraph that can describe it in the question (undefined: none). */
  descriptor(bridge: Entity): string | undefined;
  /** Words a query uses for the relation ("director") and for the attribute ("nationality"). */
  relationWords: string;
  attributeWords: string;
  /** Words that tell the bridge entity from its namesakes ("film director"). */
  roleWords: string;
}

/** The bridge templates. */
export const BRIDGE_TEMPLATES: readonly BridgeTemplate[] = [
  {
    id: 'film-director-nationality',
    hop1: 'film',
    relation: 'director',
    bridgeKind: 'person',
    attribute: 'nationality',
    question: (film, d) => (d ? `What is the nationality of the ${d} who directed ${film}?` : `What is the nationality of the director of ${film}?`),
    descriptor: (b) => (b.kind === 'person' ? b.occupation : undefined),
    relationWords: 'director',
    attributeWords: 'nationality',
    roleWords: 'film director',
  },
  {
    id: 'film-director-born',
    hop1: 'film',
    relation: 'director',
    bridgeKind: 'person',
    attribute: 'year',
    question: (film, d) => (d ? `In what year was the ${d} who directed ${film} born?` : `In what year was the director of ${film} born?`),
    descriptor: (b) => (b.kind === 'person' ? b.occupation : undefined),
    relationWords: 'director',
    attributeWords: 'born',
    roleWords: 'film director',
  },
  {
    id: 'film-star-birthplace',
    hop1: 'film',
    relation: 'star',
    bridgeKind: 'person',
    attribute: 'city',
    question: (film, d) => (d ? `In which city was the ${d} who starred in ${film} born?` : `In which city was the star of ${film} born?`),
    descriptor: (b) => (b.kind === 'person' ? b.occupation : undefined),
    relationWords: 'starring',
    attributeWords: 'born city',
    roleWords: 'actor',
  },
  {
    id: 'film-star-nationality',
    hop1: 'film',
    relation: 'star',
    bridgeKind: 'person',
    attribute: 'nationality',
    question: (film, d) => (d ? `What nationality is the ${d} who starred in ${film}?` : `What nationality is the star of ${film}?`),
    descriptor: (b) => (b.kind === 'person' ? b.occupation : undefined),
    relationWords: 'starring',
    attributeWords: 'nationality',
    roleWords: 'actor',
  },
  {
    id: 'album-band-formed',
    hop1: 'album',
    relation: 'band',
    bridgeKind: 'band',
    attribute: 'year',
    question: (album, d) => `In what year was the ${d ? `${d} ` : ''}band that released ${album} formed?`,
    descriptor: (b) => (b.kind === 'band' ? b.genre : undefined),
    relationWords: 'album band',
    attributeWords: 'formed',
    roleWords: 'band',
  },
  {
    id: 'org-founder-nationality',
    hop1: 'org',
    relation: 'founder',
    bridgeKind: 'person',
    attribute: 'nationality',
    question: (org, d) => (d ? `What nationality was the ${d} who founded ${org}?` : `What nationality was the founder of ${org}?`),
    descriptor: (b) => (b.kind === 'person' ? b.occupation : undefined),
    relationWords: 'founder',
    attributeWords: 'nationality',
    roleWords: 'founder',
  },
  {
    id: 'org-founder-born',
    hop1: 'org',
    relation: 'founder',
    bridgeKind: 'person',
    attribute: 'year',
    question: (org, d) => (d ? `In what year was the ${d} who founded ${org} born?` : `In what year was the founder of ${org} born?`),
    descriptor: (b) => (b.kind === 'person' ? b.occupation : undefined),
    relationWords: 'founder',
    attributeWords: 'born',
    roleWords: 'founder',
  },
  {
    id: 'band-origin-country',
    hop1: 'band',
    relation: 'origin',
    bridgeKind: 'city',
    attribute: 'country',
    question: (band) => `In which country is the city where ${band} formed?`,
    descriptor: () => undefined,
    relationWords: 'formed city',
    attributeWords: 'country',
    roleWords: 'city',
  },
];

/** The bridge entity of a question entity under a relation (-1 when the relation does not apply). */
export function bridgeOf(entity: Entity, relation: BridgeRelation): number {
  if (relation === 'director' && entity.kind === 'film') return entity.director;
  if (relation === 'star' && entity.kind === 'film') return entity.star;
  if (relation === 'band' && entity.kind === 'album') return entity.band;
  if (relation === 'founder' && entity.kind === 'org') return entity.founder;
  if (relation === 'origin' && entity.kind === 'band') return entity.origin;
  return -1;
}

/** A comparison question template. */
export interface ComparisonTemplate {
  id: string;
  kind: EntityKind;
  /** The entities a pair is drawn from. */
  pool(world: World): readonly number[];
  /** True: the answer is the entity with the earlier year; false: the later. */
  earlier: boolean;
  question(a: string, b: string): string;
  attributeWords: string;
  typeWords: string;
}

/** The comparison templates (all compare years). */
export const COMPARISON_TEMPLATES: readonly ComparisonTemplate[] = [
  {
    id: 'film-released-first',
    kind: 'film',
    pool: (w) => w.byKind.film,
    earlier: true,
    question: (a, b) => `Which film was released first, ${a} or ${b}?`,
    attributeWords: 'released',
    typeWords: 'film',
  },
  {
    id: 'person-born-first',
    kind: 'person',
    pool: (w) => [...w.byRole.director, ...w.byRole.actor],
    earlier: true,
    question: (a, b) => `Who was born first, ${a} or ${b}?`,
    attributeWords: 'born',
    typeWords: 'born',
  },
  {
    id: 'org-founded-earlier',
    kind: 'org',
    pool: (w) => w.byKind.org,
    earlier: true,
    question: (a, b) => `Which company was founded earlier, ${a} or ${b}?`,
    attributeWords: 'founded',
    typeWords: 'company',
  },
  {
    id: 'band-formed-later',
    kind: 'band',
    pool: (w) => w.byKind.band,
    earlier: false,
    question: (a, b) => `Which band was formed more recently, ${a} or ${b}?`,
    attributeWords: 'formed',
    typeWords: 'band',
  },
];
