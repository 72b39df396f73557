/**
 * Every stage of the pipeline by name. The record is typed by the StageName union, so a stage added to
 * `names.ts` without a definition (or the reverse) does not compile; the registry then checks at
 * start-up that every input names a registered stage. Add a stage: its folder, its name in `names.ts`,
 * one entry here (docs/architecture.md).
 */
import { StageRegistry } from '../runner/registry';
import type { StageDefinition } from '../runner/stage';
import { boundaryStage } from './boundary/stage';
import { clusterStage } from './cluster/stage';
import { collectStage } from './collect/stage';
import { compareStage } from './compare/stage';
import { importStage } from './import/stage';
import { ingestStage } from './ingest/stage';
import { labelStage } from './label/stage';
import { mergeStage } from './merge/stage';
import { STAGE_NAMES, type StageName } from './names';
import { passktStage } from './passkt/stage';
import { reportStage } from './report/stage';
import { retrievalStage } from './retrieval/stage';
import { scoreStage } from './score/stage';
import { simulateStage } from './simulate/stage';
import { statsStage } from './stats/stage';
import { swapStage } from './swap/stage';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const BY_NAME: { [N in StageName]: StageDefinition<any, StageName> & { name: N } } = {
  simulate: simulateStage,
  import: importStage,
  merge: mergeStage,
  ingest: ingestStage,
  stats: statsStage,
  passkt: passktStage,
  boundary: boundaryStage,
  retrieval: retrievalStage,
  label: labelStage,
  cluster: clusterStage,
  compare: compareStage,
  report: reportStage,
  collect: collectStage,
  score: scoreStage,
  swap: swapStage,
};

/** Every stage, in data-flow order (the order of STAGE_NAMES, which numbers the run folders). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const STAGES: readonly StageDefinition<any, StageName>[] = STAGE_NAMES.map((name) => BY_NAME[name]);

/** The registry of the pipeline's stages. */
export function pipelineRegistry(): StageRegistry {
  return new StageRegistry(STAGES, { complete: true });
}
