import { existsSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../pipeline/errors';
import { detectAdapter } from '../../../pipeline/adapters/detect';
import { FIXTURES, fixture, tempDir, writeTemp } from './helpers';

const present = existsSync(FIXTURES);
if (!present) console.warn(`format detection on real files skipped: ${FIXTURES} is absent.`);

describe.skipIf(!present)('auto-detection of the real fixtures', () => {
  const cases: [string, string][] = [
    [fixture('openai-chat', 'wiki-search-gpt-4.1-mini.jsonl'), 'openai-chat'],
    [fixture('tau-bench', 'gpt-4o-airline-sample.json'), 'openai-chat'],
    [fixture('tagged-text', 'r1-searcher-bamboogle-llama.jsonl'), 'r1-searcher'],
    [fixture('react-text', 'reflexion-react-base-5-trials.txt'), 'react-text'],
    [fixture('fireact', 'hotpotqa-gpt-3.5-ft.json'), 'fireact'],
  ];
  for (const [file, format] of cases) {
    it(`${file.split('/').pop()} → ${format}`, async () => {
      expect((await detectAdapter(file)).name).toBe(format);
    });
  }
});

describe('auto-detection of generated files', () => {
  it('detects the Inspect fixture, a zipped .eval log, Search-R1 text and gzip-compressed JSONL', async () => {
    const dir = tempDir();
    expect((await detectAdapter(join(process.cwd(), 'test/fixtures/inspect/hotpot-search-eval.json'))).name).toBe('inspect');
    expect((await detectAdapter(writeTemp(dir, 'run.eval', 'PK\u0003\u0004…'))).name).toBe('inspect');
    expect((await detectAdapter(writeTemp(dir, 'r.txt', 'Question: q\n<search> x </search>\n<information>Doc 1(Title: T) t</information>'))).name).toBe('search-r1');
    const gz = join(dir, 'chat.jsonl.gz');
    writeFileSync(gz, gzipSync(`${JSON.stringify({ id: 1, messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a', tool_calls: null }] })}\n`));
    expect((await detectAdapter(gz)).name).toBe('openai-chat');
  });

  it('refuses a file it cannot place, naming the formats', async () => {
    const error = await detectAdapter(writeTemp(tempDir(), 'notes.txt', 'just some notes\n')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    for (const name of ['openai-chat', 'search-r1', 'r1-searcher', 'react-text', 'fireact', 'inspect']) expect((error as UserError).hint).toContain(name);
  });
});
