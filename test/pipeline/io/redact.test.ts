import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactDeep, redactText } from '../../../pipeline/io/redact';
import { exitOf, startCli } from '../../helpers/cli-process';
import { tempDir } from '../../helpers/run-stages';
import { startMockJudge } from '../judge/mock-server';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('credential redaction', () => {
  it('removes user:password@ and secret query parameters from URLs, and nothing else', () => {
    expect(redactText('http://user:s3cret@host:8000/v1')).toBe('http://REDACTED@host:8000/v1');
    expect(redactText('see https://tok@api.example.com/v1?api_key=abc&model=x&token=t#f')).toBe('see https://REDACTED@api.example.com/v1?api_key=REDACTED&model=x&token=REDACTED#f');
    expect(redactText('https://h/v1?key=1&monkey=2&x_api_key=3&access_token=4')).toBe('https://h/v1?key=REDACTED&monkey=2&x_api_key=REDACTED&access_token=REDACTED');
    for (const plain of ['runs/default', '/home/a@b/file.jsonl', 'https://host/path@v2', 'a=b', 'mailto:x@y.z', 'pass@1 0.358']) expect(redactText(plain)).toBe(plain);
    const value = { url: 'http://u:p@h', list: ['https://h/?token=x', 3], nested: { __proto__key: null, n: 1 } };
    expect(redactDeep(value)).toEqual({ url: 'http://REDACTED@h', list: ['https://h/?token=REDACTED', 3], nested: { __proto__key: null, n: 1 } });
    expect(value.url).toBe('http://u:p@h');
  });

  it('keeps a judge URL with user:key@ and api_key= out of run.json, manifests, judge outputs and the console', async () => {
    const dir = tempDir('redact-');
    const server = await startMockJudge(() => ({ kind: 'ok', label: 'single-shot' }));
    try {
      writeFileSync(join(dir, 'tasks.jsonl'), `${JSON.stringify({ task: 't1', question: 'Who?', answers: ['yes'] })}\n`);
      writeFileSync(
        join(dir, 'trajectories.jsonl'),
        [0, 1].map((sample) => JSON.stringify({ policy: 'base', task: 't1', sample, steps: [{ type: 'call', tool: 'search', args: 'who' }, { type: 'result', tool: 'search', text: 'yes' }, { type: 'answer', text: 'yes' }] })).join('\n'),
      );
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ stages: { label: { judgeRetries: 0, judgeCache: join(dir, 'cache') } } }));
      const url = server.url.replace('http://', 'http://someone:s3cret-pass@') + '?api_key=s3cret-key&x=1';
      const run = startCli(
        ['pipeline', '--tasks', join(dir, 'tasks.jsonl'), '--trajectories', join(dir, 'trajectories.jsonl'), '--run-dir', join(dir, 'run'), '--config', join(dir, 'config.json'),
          '--skip', 'cluster,compare,report', '--judge-url', url, '--judge-model', 'mock'],
        { OPENAI_API_KEY: 'canary-key-0123' },
      );
      let stdout = '';
      run.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      expect(await exitOf(run), run.stderrText()).toBe(0);
      const written = filesUnder(join(dir, 'run')).map((file) => [file, readFileSync(file, 'utf8')] as const);
      expect(written.map(([file]) => file.slice(dir.length))).toEqual(expect.arrayContaining(['/run/run.json', '/run/09-label/manifest.json', '/run/09-label/judge_agreement.json']));
      for (const [file, text] of [...written, ['stdout', stdout], ['stderr', run.stderrText()]] as const) {
        expect(text, file).not.toMatch(/s3cret|canary-key/);
      }
      const agreement = JSON.parse(readFileSync(join(dir, 'run/09-label/judge_agreement.json'), 'utf8')) as { base_url: string };
      expect(agreement.base_url).toBe(redactText(url));
      expect(agreement.base_url).toMatch(/^http:\/\/REDACTED@127\.0\.0\.1:\d+\/v1\?api_key=REDACTED&x=1$/);
      expect(readFileSync(join(dir, 'run/run.json'), 'utf8')).toContain(agreement.base_url);
    } finally {
      await server.close();
    }
  }, 60_000);
});
