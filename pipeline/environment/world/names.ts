/**
 * Fictional names. People, places and countries get syllable-built names that no language model can
 * know; titles of films, albums, bands and companies are built from ordinary English words, so titles
 * share words with each other (the distractors BM25 has to get past) but never with people or places.
 */
import type { Rng } from '../../../analyses/random/rng';

const ONSETS = ['b', 'br', 'c', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kr', 'l', 'm', 'n', 'p', 'r', 's', 'sk', 't', 'th', 'tr', 'v', 'z', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ou', 'y'];
const CODAS = ['', '', '', '', 'n', 'r', 'l', 's', 'th', 'm', 'nd', 'rk', 'x', 'v', 'sh'];

/** English words used in titles (films, albums, bands, companies). */
export const TITLE_ADJECTIVES = [
  'Silent', 'Glass', 'Hollow', 'Crimson', 'Paper', 'Winter', 'Golden', 'Broken', 'Distant', 'Quiet', 'Iron',
  'Velvet', 'Scarlet', 'Hidden', 'Lonely', 'Burning', 'Frozen', 'Wild', 'Electric', 'Northern', 'Bitter',
  'Silver', 'Wandering', 'Little', 'Restless', 'Amber', 'Pale', 'Secret', 'Falling', 'Endless',
];
/** Singular nouns for titles. */
export const TITLE_NOUNS = [
  'Harbor', 'Orchard', 'River', 'Garden', 'Lantern', 'Mirror', 'Station', 'Kingdom', 'Voyage', 'Tide',
  'Horizon', 'Echo', 'Meadow', 'Summer', 'Road', 'Island', 'Crown', 'Shadow', 'Bridge', 'Country', 'Season',
  'Letter', 'Harvest', 'Lighthouse', 'Valley', 'Engine', 'Window', 'Forest', 'Carnival', 'Compass',
];
/** Plural nouns for band names. */
export const BAND_NOUNS = [
  'Lanterns', 'Foxes', 'Sparrows', 'Wolves', 'Engines', 'Ravens', 'Pilots', 'Tides', 'Comets', 'Ghosts',
  'Sailors', 'Kings', 'Machines', 'Daughters', 'Strangers', 'Orchids', 'Satellites', 'Rivers', 'Owls', 'Arrows',
];
/** Company name endings per industry. */
export const INDUSTRIES: readonly { industry: string; suffixes: readonly string[] }[] = [
  { industry: 'shipping', suffixes: ['Freight', 'Shipping Lines'] },
  { industry: 'publishing', suffixes: ['Press', 'Books'] },
  { industry: 'banking', suffixes: ['Bank', 'Capital'] },
  { industry: 'aviation', suffixes: ['Airlines', 'Air'] },
  { industry: 'automotive', suffixes: ['Motors', 'Automobiles'] },
  { industry: 'food', suffixes: ['Foods', 'Bakeries'] },
  { industry: 'textile', suffixes: ['Textiles', 'Mills'] },
  { industry: 'electronics', suffixes: ['Electronics', 'Instruments'] },
];

const ENGLISH = new Set(
  [...TITLE_ADJECTIVES, ...TITLE_NOUNS, ...BAND_NOUNS, ...INDUSTRIES.flatMap((i) => i.suffixes.flatMap((s) => s.split(' ')))].map((w) =>
    w.toLowerCase(),
  ),
);

/** Picks a uniformly random element. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)]!;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A syllable-built word of 2–3 syllables (4–9 letters) that is not one of the English title words. */
export function syllableWord(rng: Rng, minSyllables = 2, maxSyllables = 3): string {
  for (;;) {
    const n = minSyllables + rng.int(maxSyllables - minSyllables + 1);
    let word = '';
    for (let i = 0; i < n; i++) word += pick(rng, ONSETS) + pick(rng, VOWELS) + (i === n - 1 ? pick(rng, CODAS) : '');
    if (word.length >= 4 && word.length <= 9 && !ENGLISH.has(word)) return capitalize(word);
  }
}

/** "a" or "an" before a word. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** A pool of distinct syllable words (given names, surnames, city names…). */
export function wordPool(rng: Rng, size: number, taken: Set<string>, minSyllables = 2, maxSyllables = 3): string[] {
  const pool: string[] = [];
  let attempts = 0;
  while (pool.length < size) {
    const word = syllableWord(rng, minSyllables, maxSyllables);
    attempts += 1;
    if (taken.has(word.toLowerCase()) && attempts < size * 100) continue;
    taken.add(word.toLowerCase());
    pool.push(word);
  }
  return pool;
}

const COUNTRY_FORMS: readonly { country: string; demonym: string }[] = [
  { country: 'ia', demonym: 'ian' },
  { country: 'a', demonym: 'an' },
  { country: 'ovia', demonym: 'ovian' },
  { country: 'esh', demonym: 'eshi' },
  { country: 'ar', demonym: 'ari' },
];

/** A country name and its demonym from a syllable root ("Velor" → "Veloria", "Velorian"). */
export function countryName(root: string, rng: Rng): { country: string; demonym: string } {
  const stem = root.replace(/[aeiouy]+$/, '');
  const form = pick(rng, COUNTRY_FORMS);
  return { country: stem + form.country, demonym: stem + form.demonym };
}

/** A film or album title from the English word pools. */
export function workTitle(rng: Rng): string {
  const adjective = pick(rng, TITLE_ADJECTIVES);
  const noun = pick(rng, TITLE_NOUNS);
  switch (rng.int(4)) {
    case 0:
      return `The ${adjective} ${noun}`;
    case 1:
      return `${noun} of the ${pick(rng, TITLE_NOUNS)}`;
    default:
      return `${adjective} ${noun}`;
  }
}

/** A band name ("The Hollow Lanterns", "Amber Owls"). */
export function bandName(rng: Rng): string {
  const first = rng.next() < 0.7 ? pick(rng, TITLE_ADJECTIVES) : pick(rng, TITLE_NOUNS);
  return `${rng.next() < 0.6 ? 'The ' : ''}${first} ${pick(rng, BAND_NOUNS)}`;
}

/** A company name and its industry ("Northern Harbor Freight", shipping). */
export function companyName(rng: Rng, syllableRoot: string): { name: string; industry: string } {
  const { industry, suffixes } = pick(rng, INDUSTRIES);
  const head = rng.next() < 0.5 ? syllableRoot : rng.next() < 0.5 ? pick(rng, TITLE_NOUNS) : `${pick(rng, TITLE_ADJECTIVES)} ${pick(rng, TITLE_NOUNS)}`;
  return { name: `${head} ${pick(rng, suffixes)}`, industry };
}
