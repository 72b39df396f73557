/** Runs the command line in this process with its output captured (faster than a child process). */
import { buildProgram } from '../../pipeline/cli/main';
import { StageRegistry } from '../../pipeline/runner/registry';
import { STAGES } from '../../pipeline/stages/registry';

/** What a CLI run printed, and the error it ended with (null when it succeeded). */
export interface CliRun {
  out: string;
  err: string;
  error: unknown;
}

/** Runs `passkt <args>` (e.g. `['pipeline', '--quick']`) with every stage registered. */
export async function runCli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  let error: unknown = null;
  try {
    await buildProgram(new StageRegistry(STAGES), { out: (line) => out.push(line), err: (line) => err.push(line), progress: false }).parseAsync(args, { from: 'user' });
  } catch (caught) {
    error = caught;
  }
  return { out: out.join('\n'), err: err.join('\n'), error };
}
