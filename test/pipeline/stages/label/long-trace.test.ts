/**
 * Issue 15, case 3: an episode whose traces.jsonl line exceeds 64 MiB (25 MiB of byte 0xFF in a result,
 * each byte a 3-byte U+FFFD once replaced) was accepted by ingest and then silently missing from
 * labels.csv. Now it is labeled like any other; a trace too long to read back would be rejected at ingest.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestStage } from '../../../../pipeline/stages/ingest/stage';
import { labelStage } from '../../../../pipeline/stages/label/stage';
import { runWithFakeContext } from '../../../helpers/fake-context';
import { TASKS, TRACES } from '../../../helpers/label-fixture';
import { runStages, tempDir } from '../../../helpers/run-stages';

describe('label on a very long trace', () => {
  it('labels an episode whose trace line is over 64 MiB instead of dropping it', async () => {
    const dir = tempDir('long-trace-');
    try {
      writeFileSync(join(dir, 'tasks.jsonl'), `${JSON.stringify({ task: 't1', question: 'q?', answers: ['yes'] })}\n`);
      const episode = (sample: number) => Buffer.from(`${JSON.stringify({ policy: 'base', task: 't1', sample, steps: [{ type: 'answer', text: 'yes' }] })}\n`);
      const huge = Buffer.concat([
        Buffer.from('{"policy":"base","task":"t1","sample":1,"steps":[{"type":"call","tool":"search","args":"q"},{"type":"result","tool":"search","text":"'),
        Buffer.alloc(25 * 1024 * 1024, 0xff),
        Buffer.from('"},{"type":"answer","text":"yes"}]}\n'),
      ]);
      writeFileSync(join(dir, 'trajectories.jsonl'), Buffer.concat([episode(0), huge, episode(2)]));
      const ingest = { tasks: join(dir, 'tasks.jsonl'), trajectories: [join(dir, 'trajectories.jsonl')], lenientUtf8: true, workers: 0 };
      const { outcomes, captured } = await runStages(
        [ingestStage, labelStage],
        { stages: [{ name: 'ingest', params: ingest }, { name: 'label', params: { resamples: 0, workers: 1 } }], settings: { seed: 1, strict: false } },
        join(dir, 'run'),
      );
      const [ingested, labeled] = outcomes;
      expect(ingested!.manifest.counts).toMatchObject({ accepted: 3, utf8_replaced: 1 });
      const traceBytes = readFileSync(join(ingested!.dir, 'traces.jsonl')).length;
      expect(traceBytes).toBeGreaterThan(64 * 1024 * 1024);
      expect(labeled!.manifest.counts).toMatchObject({ episodes_in: 3, episodes_used: 3, episodes: 3 });
      const labels = readFileSync(join(labeled!.dir, 'labels.csv'), 'utf8').trim().split('\n');
      expect(labels).toHaveLength(4);
      expect(labels.some((row) => row.startsWith('base/t1/uncapped/1,'))).toBe(true);
      expect(captured.out).toContain('label: 3 episodes, labeler auto (3 taxonomy, 0 signature), 2 distinct query sequences');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('label on a trace it cannot label', () => {
  it('leaves the episode out with a counted reason and a warning, instead of ending the stage', async () => {
    // A call whose query is not text: the features cannot be computed.
    const broken = { ...TRACES[0]!, id: 'broken', steps: [{ type: 'call', tool: 'search', query: null, round: 0 }] };
    const { result, record, output } = await runWithFakeContext(labelStage, { inputs: { ingest: { 'tasks.jsonl': TASKS, 'traces.jsonl': [...TRACES, broken] } }, params: { resamples: 0 } });
    expect(result.counts).toMatchObject({ episodes_in: TRACES.length + 1, episodes_used: TRACES.length, left_out_unlabelable: 1 });
    expect(result.summary).toContain(`label: left out 1 of ${TRACES.length + 1} episodes (unlabelable): ${TRACES[0]!.policy} 1`);
    expect(record.warn.join('\n')).toMatch(/record \d+ could not be labeled \(.*\): left out/);
    expect(output.csvRows('labels.csv')).toHaveLength(TRACES.length);
  });
});
