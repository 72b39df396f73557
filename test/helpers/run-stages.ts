import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunPlan } from '../../pipeline/runner/plan';
import { StageRegistry } from '../../pipeline/runner/registry';
import { runPipeline, type RunOptions, type StageOutcome } from '../../pipeline/runner/run';
import type { StageDefinition } from '../../pipeline/runner/stage';

/** Captured stdout/stderr lines of a run. */
export interface Captured {
  out: string[];
  err: string[];
}

/** A fresh temporary folder for a test. */
export function tempDir(prefix = 'passkt-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs stages through the real runner with captured output. */
export async function runStages(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  stages: StageDefinition<any>[],
  plan: RunPlan,
  runDir: string,
  extra: Partial<Pick<RunOptions, 'force' | 'only' | 'from' | 'codeVersion'>> = {},
): Promise<{ outcomes: StageOutcome[]; captured: Captured }> {
  const captured: Captured = { out: [], err: [] };
  const outcomes = await runPipeline(plan, new StageRegistry(stages), {
    runDir,
    codeVersion: 'test',
    packageVersion: '0.0.0',
    versions: {},
    effects: { out: (line) => captured.out.push(line), err: (line) => captured.err.push(line), progress: false },
    ...extra,
  });
  return { outcomes, captured };
}
