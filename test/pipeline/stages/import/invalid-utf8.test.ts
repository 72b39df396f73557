/**
 * Invalid UTF-8 in an imported source is never replaced silently: a JSONL line is rejected with its
 * line and byte offset, a whole JSON document or a text log is rejected whole (it has no record
 * boundaries to reject around the bad bytes), and `--lenient-utf8` reads them with U+FFFD instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStage, ImportParams } from '../../../../pipeline/stages/import/stage';
import { fakeContext, readJsonl, tempDir } from '../../adapters/helpers';

const CHAT = join(process.cwd(), 'data/examples/openai-chat/verifiers-results.jsonl');
const REACT = join(process.cwd(), 'data/examples/react-text/reflexion-trials.txt');

/** The example's lines, with byte 0xFF put inside the last message text of line `at` (1-based). */
function corruptedLines(path: string, at: number): Buffer[] {
  const lines = readFileSync(path).toString('binary').split('\n').filter((line) => line.trim() !== '');
  const line = lines[at - 1]!;
  const cut = line.lastIndexOf('"content": "') + '"content": "'.length;
  lines[at - 1] = `${line.slice(0, cut)}\xff${line.slice(cut)}`;
  return lines.map((text) => Buffer.from(text, 'binary'));
}

async function runImport(spec: string, lenient = false) {
  const dir = tempDir();
  const ctx = fakeContext('import', ImportParams.parse({ imports: [spec], lenient_utf8: lenient }), dir, { seed: 1, strict: false });
  const result = await importStage.run(ctx);
  const rejects = readJsonl<{ line: number | string; reason: string }>(join(dir, 'rejects.jsonl'));
  return { result, rejects, trajectories: readJsonl<{ steps: { text?: string }[] }>(join(dir, 'trajectories.jsonl')) };
}

describe('invalid UTF-8 in imported sources', () => {
  const lineCount = readFileSync(CHAT, 'utf8').split('\n').filter((line) => line.trim() !== '').length;

  it('rejects the JSONL line that holds it, with line and offset, and converts the rest', async () => {
    const dir = tempDir();
    const path = join(dir, 'chat.jsonl');
    writeFileSync(path, Buffer.concat(corruptedLines(CHAT, 2).flatMap((line) => [line, Buffer.from('\n')])));
    const { result, rejects } = await runImport(`openai-chat:${path}`);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.line).toBe(2);
    expect(rejects[0]!.reason).toMatch(/^invalid UTF-8 at byte offset \d+ of the line \(fix the encoding, or pass --lenient-utf8/);
    expect(result.counts).toMatchObject({ read: lineCount, converted: lineCount - 1, rejected: 1 });

    const lenient = await runImport(`openai-chat:${path}`, true);
    expect(lenient.rejects).toHaveLength(0);
    expect(lenient.result.counts).toMatchObject({ read: lineCount, converted: lineCount, rejected: 0 });
    expect(JSON.stringify(lenient.trajectories)).toContain('\uFFFD');
  });

  it('rejects a whole JSON document with invalid UTF-8 as one reject of the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'chat.json');
    const lines = corruptedLines(CHAT, 3);
    writeFileSync(path, Buffer.concat([Buffer.from('['), ...lines.flatMap((line, i) => (i === 0 ? [line] : [Buffer.from(','), line])), Buffer.from(']')]));
    const { result, rejects } = await runImport(`openai-chat:${path}`);
    expect(rejects).toEqual([expect.objectContaining({ line: '(file)', reason: expect.stringMatching(/^invalid UTF-8 at byte offset \d+ of the file/) })]);
    expect(result.counts).toMatchObject({ read: 1, converted: 0, rejected: 1 });
    expect((await runImport(`openai-chat:${path}`, true)).result.counts).toMatchObject({ converted: lineCount, rejected: 0 });
  });

  it('rejects a text log with invalid UTF-8 whole, naming the line, before converting any episode', async () => {
    const dir = tempDir();
    const path = join(dir, 'trials.txt');
    const text = readFileSync(REACT);
    // at the end of a line in the middle, so the log's structure is untouched
    const at = text.indexOf('\n', text.length >> 1);
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    writeFileSync(path, Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28]), text.subarray(at)]));
    const badLine = text.subarray(0, at).toString('utf8').split('\n').length;
    const offset = at - lineStart;
    const { result, rejects, trajectories } = await runImport(`react-text:${path}#react`);
    expect(trajectories).toHaveLength(0);
    expect(rejects).toEqual([expect.objectContaining({ line: '(file)', reason: `line ${badLine}: invalid UTF-8 at byte offset ${offset} of the line (fix the encoding, or pass --lenient-utf8 to replace bad bytes with U+FFFD)` })]);
    expect(result.counts).toMatchObject({ converted: 0, rejected: 1 });
    const lenient = await runImport(`react-text:${path}#react`, true);
    const clean = await runImport(`react-text:${REACT}#react`);
    expect(lenient.result.counts).toMatchObject({ converted: clean.result.counts!.converted, rejected: clean.result.counts!.rejected });
  });
});
