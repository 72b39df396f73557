/** `collect-config.json` (collect): the validated collect config the collection ran with, paths made absolute — how the score and swap stages reach the same servers. */
import type { CollectConfig } from '../collect/config';
import { defineJsonFile } from './json-file';

/** The declaration of the collect stage's `collect-config.json`. */
export const collectConfigFile = defineJsonFile<CollectConfig>('collect-config.json');
