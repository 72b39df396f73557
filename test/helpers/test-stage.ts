/** Stages of the tests' own (any name, analysis runs by default) for exercising the runner. */
import type { z } from 'zod';
import type { StageDefinition } from '../../pipeline/runner/stage';

/** Declares a test stage; unlike the pipeline's `defineStage`, its name and inputs are free text. */
export function defineTestStage<S extends z.ZodType>(
  definition: Omit<StageDefinition<S, string>, 'modes'> & Partial<Pick<StageDefinition<S, string>, 'modes'>>,
): StageDefinition<S, string> {
  return { modes: ['analysis'], ...definition };
}
