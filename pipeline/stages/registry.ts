import type { StageDefinition } from '../runner/stage';
import { boundaryStage } from './boundary/stage';
import { clusterStage } from './cluster/stage';
import { collectStage } from './collect/stage';
import { compareStage } from './compare/stage';
import { importStage } from './import/stage';
import { ingestStage } from './ingest/stage';
import { labelStage } from './label/stage';
import { mergeStage } from './merge/stage';
import { passktStage } from './passkt/stage';
import { reportStage } from './report/stage';
import { retrievalStage } from './retrieval/stage';
import { simulateStage } from './simulate/stage';
import { statsStage } from './stats/stage';

/**
 * Every stage of the pipeline, in data-flow order. The runner orders a run's stages by their inputs;
 * this order breaks ties and numbers the run folders (`01-simulate`, `04-ingest`, …), so a stage's
 * folder name is the same in every run. Add a stage with one import and one entry.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const STAGES: readonly StageDefinition<any>[] = [
  simulateStage,
  importStage,
  mergeStage,
  ingestStage,
  statsStage,
  passktStage,
  boundaryStage,
  retrievalStage,
  labelStage,
  clusterStage,
  compareStage,
  reportStage,
  // Last so the other stages keep their folder numbers; its folder is 01-collect (a run has one source).
  collectStage,
];
