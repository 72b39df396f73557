import { describe, expect, it } from 'vitest';
import { policyLexicon } from '../../../../pipeline/serve/scoring/lexicon';
import { backgroundProbability, PieceScorer, SCORING_WEIGHTS } from '../../../../pipeline/serve/scoring/scorer';
import { config } from '../../simulate/small-setup';

describe('the scoring model', () => {
  const lexicon = new Map([
    ['of', 0.5],
    ['<', 0.5],
  ]);

  it('gives each piece the documented mixture of copy, lexicon and background, computed by hand', () => {
    const scorer = new PieceScorer(lexicon);
    // No context yet: copy is empty and the other two parts are renormalised.
    const first = (0.35 * 0.5 + 0.2 * (1 / 128)) / 0.55;
    const [lt] = scorer.score('<');
    expect(lt!.logprob).toBeCloseTo(Math.log(first), 12);
    scorer.observe('Mara of Mara');
    // Context: <, Mara, ' ', of, ' ', Mara (6 pieces). "mara" is copied (2/6), case-folded.
    const [mara, space, of, novel] = scorer.score('MARA of Zzyx');
    expect(mara!.logprob).toBeCloseTo(Math.log(0.45 * (2 / 6) + 0.2 * (1 / 50_000)), 12);
    // After scoring, MARA joined the context (7 pieces): the space was seen twice.
    expect(space!.logprob).toBeCloseTo(Math.log(0.45 * (2 / 7) + 0.2 * 0.6), 12);
    expect(of!.logprob).toBeCloseTo(Math.log(0.45 * (1 / 8) + 0.35 * 0.5 + 0.2 * (1 / 50_000)), 12);
    expect(novel!.token).toBe(' ');
  });

  it('makes an unseen word cost about 12 nats and never returns a positive log-probability', () => {
    const scorer = new PieceScorer(lexicon);
    scorer.observe('some context words here');
    const [word] = scorer.score('Quuxland');
    expect(-word!.logprob).toBeCloseTo(-Math.log(0.2 / 50_000), 10);
    for (const score of scorer.score('of < Quuxland ?!')) expect(score.logprob).toBeLessThanOrEqual(0);
  });

  it('lists the most likely alternatives, best first, with the probabilities it would assign them', () => {
    const scorer = new PieceScorer(lexicon);
    scorer.observe('Mara Voss Mara');
    const reference = new PieceScorer(lexicon);
    reference.observe('Mara Voss Mara');
    const [scored] = scorer.score('Voss', 4);
    expect(scored!.top).toHaveLength(4);
    for (const alt of scored!.top) expect(alt.logprob).toBeCloseTo(Math.log(reference.probability(alt.token)), 12);
    const logs = scored!.top.map((alt) => alt.logprob);
    expect([...logs].sort((a, b) => b - a)).toEqual(logs);
    // A space is as often in the context as "Mara" and has the higher background probability.
    expect(scored!.top.slice(0, 2).map((alt) => alt.token)).toEqual([' ', 'Mara']);
  });

  it('keeps the probabilities of the pieces it can name below one in total', () => {
    const scorer = new PieceScorer(policyLexicon(config.policies.rl!));
    scorer.observe('What is the nationality of the director of Blue Harbor? Blue Harbor film director');
    const names = ['what', 'is', 'the', 'nationality', 'of', 'director', 'blue', 'harbor', '?', 'film', ' ', '\n', '<', '>', '/', 'answer', 'search'];
    const total = names.reduce((sum, name) => sum + scorer.probability(name), 0);
    expect(total).toBeGreaterThan(0.5);
    expect(total).toBeLessThanOrEqual(1);
    expect(SCORING_WEIGHTS.copy + SCORING_WEIGHTS.lexicon + SCORING_WEIGHTS.background).toBeCloseTo(1, 15);
    expect(backgroundProbability(' ') + backgroundProbability('\n')).toBeLessThan(1);
  });

  it('builds each policy lexicon as a distribution (sums to 1) that follows its phrasing weights', () => {
    for (const policy of Object.values(config.policies)) {
      const lex = policyLexicon(policy);
      expect([...lex.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(lex.get('answer')).toBeGreaterThan(0);
    }
    // RL names the bridge's role (bridge_role: "film director", "actor") far more often than base.
    const base = policyLexicon(config.policies.base!);
    const rl = policyLexicon(config.policies.rl!);
    expect(rl.get('actor')!).toBeGreaterThan(5 * base.get('actor')!);
    expect(base.get('director')).toBeGreaterThan(0);
  });
});
