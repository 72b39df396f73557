import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { changedContent, REHASH_MAX_BYTES } from '../../../pipeline/runner/fingerprint';
import { runStages, tempDir } from '../../helpers/run-stages';
import { defineTestStage } from '../../helpers/test-stage';

const reader = defineTestStage({
  name: 'reader',
  description: 'reads one external file',
  inputs: [],
  params: z.object({ file: z.string() }),
  externalFiles: (params) => [params.file],
  async run() {
    return { counts: {} };
  },
});

describe('freshness by content', () => {
  it('re-runs a stage whose input changed with the same size and mtime ([stale], not [fresh])', async () => {
    const dir = tempDir('fresh-');
    const file = join(dir, 'input.jsonl');
    // Whole seconds: a time set in fractional seconds may not read back to the same millisecond.
    const stamp = 1_700_000_000;
    writeFileSync(file, '{"a":1}\n');
    utimesSync(file, stamp, stamp);
    const plan = { stages: [{ name: 'reader', params: { file } }], settings: { seed: 1, strict: false } };
    await runStages([reader], plan, join(dir, 'run'));
    const unchanged = await runStages([reader], plan, join(dir, 'run'));
    expect(unchanged.outcomes[0]!.status).toBe('fresh');

    const { mtimeMs, size } = statSync(file);
    writeFileSync(file, '{"a":2}\n');
    utimesSync(file, stamp, stamp);
    expect(statSync(file)).toMatchObject({ mtimeMs, size });
    const edited = await runStages([reader], plan, join(dir, 'run'));
    expect(edited.outcomes[0]!.status).toBe('ran');
    expect(edited.captured.err).toContain(`  reader: ${file} changed (same size and mtime, different SHA-256)`);
    expect(edited.captured.err.some((line) => line.startsWith('[stale] 01-reader'))).toBe(true);
    expect((await runStages([reader], plan, join(dir, 'run'))).outcomes[0]!.status).toBe('fresh');
  });

  it('re-hashes inputs up to 256 MB; larger ones only with --verify-inputs', async () => {
    const dir = tempDir('fresh-');
    const file = join(dir, 'input.jsonl');
    writeFileSync(file, 'x');
    const recorded = [{ path: file, bytes: 1, mtime_ms: 0, sha256: 'not the hash' }];
    expect(await changedContent(recorded, [{ path: file, bytes: 1, mtime_ms: 0 }], false)).toEqual([file]);
    // A stamp over the threshold is judged by size and mtime alone (already in the fingerprint).
    const large = [{ path: file, bytes: REHASH_MAX_BYTES + 1, mtime_ms: 0 }];
    expect(await changedContent(recorded, large, false)).toEqual([]);
    expect(await changedContent(recorded, large, true)).toEqual([file]);
  });
});
