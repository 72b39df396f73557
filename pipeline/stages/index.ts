import type { StageDefinition } from '../runner/stage';
import { ingestStage } from './ingest';

/**
 * Every stage of the pipeline. The order here does not matter: the runner orders stages by their
 * inputs. Add a stage with one import and one entry.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const STAGES: readonly StageDefinition<any>[] = [
  ingestStage,
];
