import { describe, expect, it } from 'vitest';
import { analysePass, type PassAnalysis } from '../../../analyses/passkt/curves';
import { OutcomeCollector, type EpisodeOutcome } from '../../../analyses/passkt/outcomes';
import { policyPairs } from '../../../analyses/passkt/pairs';
import { createRng, type Rng } from '../../../analyses/random/rng';

/** Capped, uncapped and mixed (policy, task) pairs with varied n, so tasks fall into many (n, c) classes; some uncapped episodes have unknown rounds (no trace). */
function episodes(rng: Rng): EpisodeOutcome[] {
  const rows: EpisodeOutcome[] = [];
  for (const policy of ['base', 'rl', 'sft']) {
    for (let t = 0; t < 14; t++) {
      const family = t % 2 ? 'bridge' : 'comparison';
      const task = `t${t}`;
      const skill = rng.next();
      const capped = (t + policy.length) % 3 !== 0;
      const n = 3 + rng.int(6);
      for (let s = 0; s < n; s++) {
        if (capped) for (const budget of [1, 3]) rows.push({ policy, task, family, budget, rounds: rng.int(budget + 1), correct: rng.next() < skill });
        else rows.push({ policy, task, family, budget: null, rounds: s === 0 && t % 5 === 0 ? null : rng.int(6), correct: rng.next() < skill });
      }
      if (capped && t % 4 === 0) rows.push({ policy, task, family, budget: null, rounds: 2, correct: true });
    }
  }
  return rows;
}

function shuffled<T>(rows: readonly T[], rng: Rng): T[] {
  const copy = [...rows];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function collect(rows: readonly EpisodeOutcome[]): OutcomeCollector {
  const collector = new OutcomeCollector();
  for (const row of rows) collector.add(row);
  return collector;
}

const plain = (analysis: PassAnalysis) => JSON.stringify(analysis, (_, value: unknown) => (value instanceof Float64Array || value instanceof Int32Array ? Array.from(value) : value));

describe('outcome tables do not depend on the order episodes arrive in', () => {
  const rows = episodes(createRng(5));

  it('gives identical outcomes, report and statistics for shuffled episodes', () => {
    const reference = collect(rows);
    for (const seed of [1, 2, 3]) {
      const other = collect(shuffled(rows, createRng(seed)));
      expect(other.finish()).toEqual(reference.finish());
      expect(other.finish([0, 2, 4])).toEqual(reference.finish([0, 2, 4]));
      expect(other.pairStats()).toEqual(reference.pairStats());
    }
  });

  it('sums shard statistics exactly (addStats) to what one collector of every episode gives', () => {
    const reference = collect(rows);
    const order = shuffled(rows, createRng(9));
    const shards = [0, 1, 2, 3].map((index) => collect(order.filter((_, r) => r % 4 === index)));
    const merged = new OutcomeCollector();
    for (const shard of [shards[2]!, shards[0]!, shards[3]!, shards[1]!]) for (const stats of shard.pairStats()) merged.addStats(stats);
    expect(merged.finish()).toEqual(reference.finish());
    expect(merged.pairStats()).toEqual(reference.pairStats());
    // the statistics are the counts themselves: c at a threshold T is the number of correct episodes within T rounds
    const stats = reference.pairStats().find((pair) => pair.uncapped > 0 && pair.capped.length === 0)!;
    const within = (T: number) => rows.filter((row) => row.policy === stats.policy && row.task === stats.task && row.budget === null && row.correct && row.rounds !== null && row.rounds <= T).length;
    const outcome = reference.finish().outcomes.find((row) => row.policy === stats.policy && row.task === stats.task && row.budget === 3)!;
    expect(outcome.c).toBe(within(3));
  });

  it('refuses one task in two families instead of keeping whichever came first', () => {
    const collector = new OutcomeCollector();
    collector.add({ policy: 'base', task: 't', family: 'bridge', budget: 1, rounds: 0, correct: true });
    expect(() => collector.add({ policy: 'base', task: 't', family: 'comparison', budget: 1, rounds: 0, correct: true })).toThrow(/family "bridge" and "comparison"/);
  });

  it('gives bit-identical curves, intervals and differences for outcome rows in any order', () => {
    const { outcomes } = collect(rows).finish();
    const pairs = policyPairs(outcomes.map((outcome) => outcome.policy), 'base');
    const options = () => ({ resamples: 60, level: 0.9, rng: createRng(4) });
    const reference = plain(analysePass(outcomes, pairs, options()));
    for (const seed of [1, 2]) expect(plain(analysePass(shuffled(outcomes, createRng(seed)), pairs, options()))).toBe(reference);
  });
});
