import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../pipeline/errors';
import { retrievalStage } from '../../../../pipeline/stages/retrieval/stage';
import { episodeRow } from '../../../analyses/mechanism/row-helper';
import { runWithFakeContext } from '../../../helpers/fake-context';

const rows = [
  // bridge tasks list gold docs: retrieved = both gold docs found
  episodeRow({ policy: 'base', task: 'b1', gold_total: 2, gold_retrieved: 2, correct: true }),
  episodeRow({ policy: 'base', task: 'b1', gold_total: 2, gold_retrieved: 1, correct: false }),
  episodeRow({ policy: 'base', task: 'b2', gold_total: 2, gold_retrieved: 2, correct: false }),
  episodeRow({ policy: 'rl', task: 'b1', gold_total: 2, gold_retrieved: 2, correct: true }),
  // trivia tasks have answers but no gold docs
  episodeRow({ policy: 'base', task: 'q1', family: 'trivia', budget: null, gold_total: 0, gold_retrieved: 0, answer_in_results: true, correct: true }),
  episodeRow({ policy: 'base', task: 'q2', family: 'trivia', budget: null, gold_total: 0, gold_retrieved: 0, answer_in_results: false, correct: true }),
  // tau tasks have neither
  episodeRow({ policy: 'base', task: 'x1', family: 'tau', gold_total: 0, answer_in_results: null, correct: true }),
];

describe('retrieval stage', () => {
  it('writes retrieval.csv exactly as FORMAT.md says, with the definition per family', async () => {
    const { output, result } = await runWithFakeContext(retrievalStage, { inputs: { ingest: { 'episodes.jsonl': rows } } });
    expect(output.csvColumns('retrieval.csv')).toEqual([
      'policy', 'family', 'budget', 'episodes', 'retrieval_rate', 'accuracy', 'acc_given_retrieved', 'acc_given_missed', 'definition',
    ]);
    expect(output.csvRows('retrieval.csv')).toEqual([
      { policy: 'base', family: 'bridge', budget: '5', episodes: '3', retrieval_rate: String(2 / 3), accuracy: String(1 / 3), acc_given_retrieved: '0.5', acc_given_missed: '0', definition: 'gold_docs' },
      { policy: 'rl', family: 'bridge', budget: '5', episodes: '1', retrieval_rate: '1', accuracy: '1', acc_given_retrieved: '1', acc_given_missed: '', definition: 'gold_docs' },
      { policy: 'base', family: 'trivia', budget: 'all', episodes: '2', retrieval_rate: '0.5', accuracy: '1', acc_given_retrieved: '1', acc_given_missed: '1', definition: 'answer_in_results' },
    ]);
    expect(result.counts).toEqual({ episodes_in: 7, episodes_used: 6, left_out_no_retrieval_definition: 1, episodes: 7, rows: 3, excluded: 1 });
    expect(result.summary).toContain('retrieval: left out 1 of 7 episodes of tasks no retrieval definition applies to: base 1');
    expect(result.summary).toContain('retrieval: bridge: definition gold_docs');
    expect(result.summary!.join('\n')).toMatch(/tau: no gold documents and no answers/);
  });

  it('can force the answer_in_results definition', async () => {
    const { output } = await runWithFakeContext(retrievalStage, {
      params: { definition: 'answer_in_results' },
      inputs: { ingest: { 'episodes.jsonl': rows } },
    });
    const bridge = output.csvRows('retrieval.csv').filter((r) => r.family === 'bridge');
    expect(bridge.every((r) => r.definition === 'answer_in_results')).toBe(true);
    expect(bridge[0]!.retrieval_rate).toBe('0'); // episodeRow's default answer_in_results is false
  });

  it('validates the --retrieval-definition flag and inspects its output', async () => {
    const flag = retrievalStage.cli!.find((f) => f.param === 'definition')!;
    expect(flag.parse!('gold_docs')).toBe('gold_docs');
    expect(() => flag.parse!('titles')).toThrow(ConfigError);
    const { output, result } = await runWithFakeContext(retrievalStage, { inputs: { ingest: { 'episodes.jsonl': rows } } });
    const text = await retrievalStage.inspect!(output.asInput('retrieval', { summary: result.summary ?? [] }));
    expect(text).toMatch(/bridge\s+5\s+base\s+3\s+0\.667\s+0\.333\s+0\.500\s+0\s+gold_docs/);
  });
});
