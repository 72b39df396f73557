/** `traces.jsonl` (ingest): the slim trace of each accepted episode that the strategy stages read. */
import type { EpisodeTrace } from '../../analyses/episode';
import { defineJsonlFile } from './json-file';

/** The declaration of `traces.jsonl`. */
export const tracesFile = defineJsonlFile<EpisodeTrace>('traces.jsonl');
