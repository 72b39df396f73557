/** `features.jsonl` (label): each labelled episode with the features its label rests on, for audit and for the cluster stage. */
import type { LabeledEpisode } from '../../analyses/strategy/labeled-episode';
import { defineJsonlFile } from './json-file';

/** The declaration of `features.jsonl`. */
export const featuresFile = defineJsonlFile<LabeledEpisode>('features.jsonl');
