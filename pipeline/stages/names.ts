/**
 * The names of the pipeline's stages, in data-flow order. The order numbers the run folders
 * (`01-simulate`, `04-ingest`, …), so a stage's folder has the same name in every run; a stage's
 * inputs are typed by this union, so naming a stage that does not exist does not compile.
 */
export const STAGE_NAMES = [
  'simulate', 'import', 'merge', 'ingest', 'stats', 'passkt', 'boundary', 'retrieval', 'label', 'cluster', 'compare', 'report',
  // A source, listed after the others so they keep their folder numbers; its folder is 01-collect (a run has one source).
  'collect',
  // The model-access experiments (run on request: --score, --swap), listed last for the same reason.
  'score',
  'swap',
] as const;

/** The name of a stage. */
export type StageName = (typeof STAGE_NAMES)[number];

/** The stages that produce trajectories (a run has at most one of them as its source). */
export const SOURCE_STAGE_NAMES = ['simulate', 'import', 'collect'] as const satisfies readonly StageName[];
