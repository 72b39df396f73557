import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryTable } from '../../../../pipeline/tables/boundary';
import { retrievalDecompositionTable } from '../../../../pipeline/tables/retrieval-decomposition';
import { stageInput } from '../../../../pipeline/runner/stage-io';
import type { StageOutcome } from '../../../../pipeline/runner/run';
import { STAGES } from '../../../../pipeline/stages/registry';
import { loadProvenance } from '../../../../reports/load/provenance';
import { runStages, tempDir } from '../../../helpers/run-stages';

const RUN_SEED = 20260425;
const ANALYSES = [
  { name: 'passkt', params: { resamples: 200 } },
  { name: 'boundary', params: {} },
  { name: 'retrieval', params: {} },
  { name: 'compare', params: { resamples: 200 } },
];

function input(outcomes: StageOutcome[], stage: string) {
  const outcome = outcomes.find((o) => o.stage === stage)!;
  return stageInput(stage, outcome.dir, outcome.manifest);
}

// The findings of a run: boundary differences (only_a − only_b at k = n) and the retrieval/integration split.
async function findings(outcomes: StageOutcome[]) {
  const boundary = await boundaryTable.read(input(outcomes, 'boundary'));
  const edge = (budget: number, a: string) => {
    const row = boundary.find((r) => r.budget === budget && r.policy_a === a && r.policy_b === 'base' && r.k === 8)!;
    return row.only_a - row.only_b;
  };
  const split = (await retrievalDecompositionTable.read(input(outcomes, 'compare'))).find((r) => r.budget === 3 && r.policy_a === 'rl' && r.policy_b === 'base' && r.label === 'all')!;
  return { rlExpandsAtT3: edge(3, 'rl'), sftAtT1: edge(1, 'sft'), retrieval: split.retrieval!, integration: split.integration! };
}

describe('planted truth through the simulator server', () => {
  it('a collection (3 policies × 30 bridge tasks × T ∈ {1, 3} × 8 samples) analysed by the pipeline finds what the simulate stage finds', async () => {
    const simulated = await runStages(
      [...STAGES],
      {
        stages: [{ name: 'simulate', params: { families: ['bridge'], tasksPerFamily: 30, samples: 8, budgets: [1, 3] } }, { name: 'ingest', params: {} }, ...ANALYSES],
        settings: { seed: RUN_SEED, strict: false },
      },
      tempDir(),
    );

    const dir = tempDir();
    const configFile = join(dir, 'collect.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        policies: ['base', 'rl', 'sft'].map((name) => ({ name, baseURL: 'sim', model: name })),
        // The simulate stage's own tasks: the built-in world of the same run seed and size.
        tasks: { families: ['bridge'], perFamily: 30, seed: RUN_SEED },
        budgets: [1, 3],
        samples: 8,
        seed: 11,
        concurrency: 16,
      }),
    );
    const collected = await runStages(
      [...STAGES],
      {
        stages: [{ name: 'collect', params: { config: configFile, out: join(dir, 'collection') } }, { name: 'ingest', params: {} }, ...ANALYSES],
        settings: { seed: RUN_SEED, strict: false },
      },
      join(dir, 'run'),
    );
    const collect = collected.outcomes.find((o) => o.stage === 'collect')!;
    expect(collect.manifest.counts.episodes).toBe(1440);
    expect(collect.dir.endsWith('01-collect')).toBe(true);
    const tasksOf = (outcomes: StageOutcome[]) => readFileSync(input(outcomes, 'ingest').path('tasks.jsonl'), 'utf8');
    expect(tasksOf(collected.outcomes)).toBe(tasksOf(simulated.outcomes));

    const planted = await findings(simulated.outcomes);
    const found = await findings(collected.outcomes);
    // RL's boundary is wider than base's at T = 3; SFT's is narrower at T = 1; RL retrieves better and integrates worse.
    expect(Math.sign(planted.rlExpandsAtT3)).toBe(1);
    expect(Math.sign(found.rlExpandsAtT3)).toBe(1);
    expect(Math.sign(planted.sftAtT1)).toBe(-1);
    expect(Math.sign(found.sftAtT1)).toBe(-1);
    expect(Math.sign(planted.retrieval)).toBe(1);
    expect(Math.sign(found.retrieval)).toBe(1);
    expect(Math.sign(planted.integration)).toBe(-1);
    expect(Math.sign(found.integration)).toBe(-1);

    // The report calls the data collected (from the simulator), never simulated.
    const provenance = await loadProvenance({ hasInput: (s) => ['collect', 'ingest'].includes(s), input: (s) => input(collected.outcomes, s) }, ['collect', 'ingest']);
    expect(provenance.kind).toBe('collected');
    expect(provenance.basis).toMatch(/built-in simulator server.*not language models/);
  });
});
