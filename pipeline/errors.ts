/**
 * The project's one error hierarchy. A UserError is a mistake the user can fix (exit 2, no stack
 * trace, a message that says what to do); anything else is an internal failure (exit 1).
 */

/** Base class for every error the pipeline raises on purpose. */
export class PipelineError extends Error {
  override name = 'PipelineError';
}

/** A mistake in the user's input, config or command line: printed as a paragraph, exit code 2. */
export class UserError extends PipelineError {
  override name = 'UserError';
  /** What the user should do about it, printed after the message. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** A named input file that does not exist or cannot be read. */
export class InputFileError extends UserError {
  override name = 'InputFileError';
}

/** A config key, parameter or CLI option that is invalid. */
export class ConfigError extends UserError {
  override name = 'ConfigError';
}

/** `--strict` was given and a record was rejected. */
export class StrictRejectError extends UserError {
  override name = 'StrictRejectError';
}

/** The run folder is being written by another run (one writer per run folder). */
export class RunLockedError extends UserError {
  override name = 'RunLockedError';
}

/** A stage asked for something the run cannot provide (unknown stage, missing upstream output). */
export class StageError extends PipelineError {
  override name = 'StageError';
}

/** Formats an error for the terminal: the message and hint for user errors, the stack otherwise. */
export function describeError(error: unknown): { text: string; exitCode: number } {
  if (error instanceof UserError) {
    const hint = error.hint ? `\n${error.hint}` : '';
    return { text: `error: ${error.message}${hint}`, exitCode: 2 };
  }
  if (error instanceof Error) return { text: `internal error: ${error.stack ?? error.message}`, exitCode: 1 };
  return { text: `internal error: ${String(error)}`, exitCode: 1 };
}
