import type { StageDefinition } from '../runner/stage';
import { boundaryStage } from './boundary';
import { clusterStage } from './cluster';
import { collectStage } from './collect/stage';
import { compareStage } from './compare';
import { importStage } from './import';
import { ingestStage } from './ingest';
import { labelStage } from './label';
import { mergeStage } from './merge';
import { passktStage } from './passkt';
import { reportStage } from './report';
import { retrievalStage } from './retrieval';
import { simulateStage } from './simulate';
import { statsStage } from './stats';

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
