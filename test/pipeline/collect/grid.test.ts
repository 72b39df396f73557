import { describe, expect, it } from 'vitest';
import { budgetSpentNotice, correction, questionMessage, systemPrompt } from '../../../pipeline/chat-protocol/prompts';
import { formatResults } from '../../../pipeline/chat-protocol/search-results';
import { parseCollectConfig } from '../../../pipeline/collect/config';
import { estimate } from '../../../pipeline/collect/estimate';
import { episodeSeed, Grid } from '../../../pipeline/collect/grid';
import { hotpotqaSimTask } from '../../../pipeline/environment/hotpotqa/hotpotqa-sim-tasks';

describe('the episode grid', () => {
  const grid = new Grid(['base', 'rl'], ['t1', 't2', 't3'], [0, 2, 5], 4);

  it('numbers every key with its own slot and runs them sample by sample', () => {
    const keys = [...grid.keys()];
    expect(keys).toHaveLength(grid.size);
    expect(grid.size).toBe(2 * 3 * 3 * 4);
    expect(new Set(keys.map((key) => grid.slot(key))).size).toBe(grid.size);
    expect(Math.max(...keys.map((key) => grid.slot(key)))).toBe(grid.size - 1);
    expect(keys.slice(0, grid.size / 4).every((key) => key.sample === 0)).toBe(true);
    expect(grid.slotOf('rl', 't2', 5, 3)).toBe(grid.slot({ policy: 1, task: 1, budget: 2, sample: 3 }));
    for (const outside of [['sft', 't1', 0, 0], ['rl', 't9', 0, 0], ['rl', 't1', 1, 0], ['rl', 't1', 0, 4], ['rl', 't1', 0, 1.5], ['rl', 't1', '0', 0]]) {
      expect(grid.slotOf(...(outside as [unknown, unknown, unknown, unknown]))).toBeUndefined();
    }
  });

  it('gives each episode its own 31-bit seed, the same on every call', () => {
    const seeds = [...grid.keys()].map((key) => episodeSeed(7, grid.policies[key.policy]!, grid.tasks[key.task]!, grid.budgets[key.budget]!, key.sample));
    expect(new Set(seeds).size).toBe(seeds.length);
    for (const seed of seeds) expect(seed >= 0 && seed < 2 ** 31 && Number.isInteger(seed)).toBe(true);
    expect(episodeSeed(7, 'rl', 't1', 2, 3)).toBe(episodeSeed(7, 'rl', 't1', 2, 3));
    expect(episodeSeed(8, 'rl', 't1', 2, 3)).not.toBe(episodeSeed(7, 'rl', 't1', 2, 3));
  });
});

describe('the dry-run bounds', () => {
  it('equal a turn-by-turn sum of the worst case', () => {
    const docs = [
      { id: 'a', title: 'A', text: 'x'.repeat(300) },
      { id: 'b', title: 'B', text: 'y'.repeat(90) },
      { id: 'c', title: 'C', text: 'z'.repeat(30) },
    ];
    const task = hotpotqaSimTask({ task: 't', question: 'What is A?', answers: ['x'], family: 'bridge', gold_docs: [], docs });
    const config = parseCollectConfig(
      { policies: [{ name: 'p', baseURL: 'sim', model: 'rl', protocol: 'tags', max_tokens: 10 }], budgets: [0, 2], samples: 3, topK: 2, extraSteps: 1 },
      'x',
    );
    // Two of the three samples at T = 0 and all three at T = 2 are left.
    const [bound] = estimate(config, [task], (_p, _t, b) => (b === 0 ? 2 : 3));
    const tokens = (text: string) => Math.ceil(text.length / 3) + 8;
    const notice = tokens(`${budgetSpentNotice(9)} ${correction('bad-arguments', 'x'.repeat(60))}`);
    const result = tokens(formatResults([docs[0]!, docs[1]!]));
    let requests = 0;
    let prompt = 0;
    let completion = 0;
    for (const [budget, episodes] of [
      [0, 2],
      [2, 3],
    ] as const) {
      const head = tokens(systemPrompt('tags', budget > 0, 2)) + tokens(questionMessage('What is A?'));
      for (let episode = 0; episode < episodes; episode++) {
        for (let turn = 0; turn < budget + 1 + 1; turn++) {
          requests += 1;
          completion += 10;
          prompt += head + turn * (10 + result + notice);
        }
      }
    }
    expect(bound).toEqual({ policy: 'p', episodes: 5, requests, promptTokens: prompt, completionTokens: completion });
  });
});
