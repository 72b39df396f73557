/**
 * The clustering feature space, fitted on a sample: numeric behaviour features, counts of the most common
 * tool-call n-grams, and TF-IDF weights of the query words that recur across tasks. Words used by a single
 * task are left out on purpose: they name that task's entities and would group episodes by task, not by
 * behaviour.
 */
import type { EpisodeFeatures } from '../strategy/features';
import { tokenize } from '../strategy/terms';
import { STOP_WORDS } from '../strategy/words';
import { BEHAVIOUR_FEATURES, behaviourVector } from './behaviour-features';
import { toolNgrams } from './tool-ngrams';
import { compareText } from '../stats/compare-text';

/** An episode as the feature space sees it. */
export type SpaceEpisode = EpisodeFeatures & { task: string };

/** How large the vocabularies may grow. */
export interface FeatureSpaceOptions {
  /** Most frequent tool n-grams kept. */
  ngramVocab: number;
  /** Query words kept for TF-IDF. */
  termVocab: number;
  /** A query word must occur in at least this many tasks of the sample. */
  minTasks: number;
}

/** The three blocks of columns, in vector order. */
export const FEATURE_BLOCKS = ['behaviour', 'tools', 'words'] as const;

/** A block of columns. */
export type FeatureBlock = (typeof FEATURE_BLOCKS)[number];

/** A fitted feature space. */
export interface FeatureSpace {
  /** Column names: behaviour features, `tool:<ngram>`, `query:<word>`. */
  names: string[];
  /** The block of each column. */
  blocks: FeatureBlock[];
  ngrams: string[];
  terms: string[];
  /** Smoothed inverse document frequency of each term: ln((1 + n) / (1 + df)) + 1. */
  idf: number[];
}

/** Fits the vocabularies on a sample of episodes. */
export function fitFeatureSpace(sample: readonly SpaceEpisode[], options: FeatureSpaceOptions): FeatureSpace {
  const ngramDf = new Map<string, number>();
  const termDf = new Map<string, number>();
  const termTasks = new Map<string, Set<string>>();
  for (const episode of sample) {
    for (const ngram of toolNgrams(episode.tools).keys()) ngramDf.set(ngram, (ngramDf.get(ngram) ?? 0) + 1);
    for (const term of queryWords(episode).keys()) {
      termDf.set(term, (termDf.get(term) ?? 0) + 1);
      let tasks = termTasks.get(term);
      if (!tasks) termTasks.set(term, (tasks = new Set()));
      tasks.add(episode.task);
    }
  }
  const ngrams = topKeys(ngramDf, options.ngramVocab);
  const taskCounts = new Map([...termTasks].filter(([, tasks]) => tasks.size >= options.minTasks).map(([term, tasks]) => [term, tasks.size]));
  const terms = topKeys(taskCounts, options.termVocab);
  const n = sample.length;
  return {
    names: [...BEHAVIOUR_FEATURES, ...ngrams.map((ngram) => `tool:${ngram}`), ...terms.map((term) => `query:${term}`)],
    blocks: [...BEHAVIOUR_FEATURES.map((): FeatureBlock => 'behaviour'), ...ngrams.map((): FeatureBlock => 'tools'), ...terms.map((): FeatureBlock => 'words')],
    ngrams,
    terms,
    idf: terms.map((term) => Math.log((1 + n) / (1 + (termDf.get(term) ?? 0))) + 1),
  };
}

/** The raw (unstandardized) feature vector of an episode. */
export function vectorize(space: FeatureSpace, episode: SpaceEpisode): Float64Array {
  const vector = new Float64Array(space.names.length);
  const behaviour = behaviourVector(episode);
  vector.set(behaviour, 0);
  const ngrams = toolNgrams(episode.tools);
  let offset = behaviour.length;
  space.ngrams.forEach((ngram, i) => {
    vector[offset + i] = ngrams.get(ngram) ?? 0;
  });
  offset += space.ngrams.length;
  const words = queryWords(episode);
  let norm = 0;
  const weights = space.terms.map((term, i) => {
    const weight = (words.get(term) ?? 0) * space.idf[i]!;
    norm += weight * weight;
    return weight;
  });
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  weights.forEach((weight, i) => {
    vector[offset + i] = weight * scale;
  });
  return vector;
}

/**
 * Column weights that give each block the same total weight in distances whatever its number of columns:
 * a standardized column is multiplied by weight(block) / sqrt(informative columns of its block). Without
 * this, thirty word columns would outvote the seventeen behaviour counts.
 */
export function blockScales(space: FeatureSpace, informative: ArrayLike<boolean>, weights: Readonly<Record<FeatureBlock, number>>): Float64Array {
  const sizes = new Map<FeatureBlock, number>();
  space.blocks.forEach((block, j) => {
    if (informative[j]) sizes.set(block, (sizes.get(block) ?? 0) + 1);
  });
  return Float64Array.from(space.blocks, (block, j) => (informative[j] ? weights[block] / Math.sqrt(sizes.get(block)!) : 0));
}

// Term counts of the episode's normalized queries (stop words dropped).
function queryWords(episode: SpaceEpisode): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of episode.queries) {
    for (const token of tokenize(q.query)) {
      if (STOP_WORDS.has(token)) continue;
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
  return counts;
}

// The `limit` keys with the largest counts, ties broken alphabetically so the space is deterministic.
function topKeys(counts: Map<string, number>, limit: number): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, limit)
    .map(([key]) => key);
}
