import { describe, expect, it } from 'vitest';
import { exactMatch } from '../../../analyses/text/exact-match';
import { normalizeAnswer } from '../../../analyses/text/normalize';
import { TrajectorySchema, type Trajectory } from '../../../pipeline/formats/trajectory';
import { SEARCH_STOP_WORDS, words } from '../../../pipeline/environment/search/tokenize';
import { episodeCount, simulateEpisodes, type SimulationSetup } from '../../../pipeline/simulate/simulate-episodes';
import { STRATEGIES } from '../../../pipeline/simulate/strategies';
import { policyWith, smallSetup } from './small-setup';

const setup = smallSetup(6);
const episodes = [...simulateEpisodes(setup)];
const taskOf = new Map(setup.tasks.map((t) => [t.row.task, t]));

function calls(t: Trajectory) {
  return t.steps.filter((s) => s.type === 'call');
}
function queries(t: Trajectory): string[] {
  return calls(t).map((s) => String((s.args as { query: string }).query));
}

describe('simulateEpisodes', () => {
  it('yields every (policy, task, budget, sample) once, as valid FORMAT.md trajectories marked simulated', () => {
    expect(episodes).toHaveLength(episodeCount(setup));
    expect(episodes).toHaveLength(3 * 18 * 4 * 4);
    const keys = new Set(episodes.map((t) => `${t.policy}/${t.task}/${t.budget}/${t.sample}`));
    expect(keys.size).toBe(episodes.length);
    for (const t of episodes) {
      expect(TrajectorySchema.safeParse(t).success).toBe(true);
      expect(t.meta.simulated).toBe(true);
      expect(STRATEGIES).toContain(t.meta.true_strategy);
      const last = t.steps.filter((s) => s.type === 'answer').at(-1);
      expect(t.answer).toBe(last?.type === 'answer' ? last.text : null);
    }
  });

  it('is deterministic: the same seed gives identical bytes, another seed other episodes', () => {
    expect(JSON.stringify([...simulateEpisodes(setup)])).toBe(JSON.stringify(episodes));
    expect(JSON.stringify([...simulateEpisodes({ ...setup, seed: 6 })])).not.toBe(JSON.stringify(episodes));
  });

  it('gives each (policy, task, budget) its own stream: dropping a policy or samples changes nothing else', () => {
    const rlOnly = [...simulateEpisodes({ ...setup, policies: { rl: setup.policies.rl! } })];
    expect(JSON.stringify(rlOnly)).toBe(JSON.stringify(episodes.filter((t) => t.policy === 'rl')));
    const fewer = [...simulateEpisodes({ ...setup, grid: { ...setup.grid, samples: 2 } })];
    expect(JSON.stringify(fewer)).toBe(JSON.stringify(episodes.filter((t) => t.sample! < 2)));
  });

  it('respects the budget: at most T rounds, none at T = 0', () => {
    for (const t of episodes) {
      const rounds = new Set(calls(t).map((s) => (s.type === 'call' ? s.round : -1)));
      expect(rounds.size).toBeLessThanOrEqual(t.budget!);
      for (const r of rounds) expect(r).toBeGreaterThanOrEqual(1);
    }
    expect(episodes.filter((t) => t.budget === 0).every((t) => calls(t).length === 0)).toBe(true);
  });

  it('follows every call round with the tool\'s real results from the task corpus', () => {
    for (const t of episodes) {
      const corpus = new Map(taskOf.get(t.task)!.row.docs.map((d) => [d.id, d]));
      t.steps.forEach((step, i) => {
        if (step.type !== 'result') return;
        expect(step.tool).toBe('search');
        expect(step.docs!.length).toBe(setup.topK);
        for (const doc of step.docs!) expect(corpus.get(doc.id!)).toEqual(doc);
        expect(step.text).toBe(step.docs!.map((d) => d.text).join('\n'));
        const previous = t.steps.slice(0, i).filter((s) => s.type === 'call' || s.type === 'result');
        expect(previous.filter((s) => s.type === 'call').length).toBeGreaterThan(previous.filter((s) => s.type === 'result').length);
      });
    }
  });

  it('labels every episode by what it did, as TAXONOMY.md defines the labels', () => {
    for (const t of episodes) {
      const task = taskOf.get(t.task)!;
      const questionWords = new Set(words(task.row.question));
      const qs = queries(t);
      const seenBefore = (callIndex: number): Set<string> => {
        const seen = new Set<string>();
        let index = -1;
        for (const step of t.steps) {
          if (step.type === 'call') index += 1;
          if (index >= callIndex) break;
          if (step.type === 'result') for (const w of words(step.text)) seen.add(w);
        }
        return seen;
      };
      const label = t.meta.true_strategy;
      expect(label === 'exhausted').toBe(t.answer === null);
      if (label === 'no-search') expect(qs).toHaveLength(0);
      if (label === 'single-shot') expect(qs).toHaveLength(1);
      if (label === 'parallel' || label === 'reformulate') {
        expect(qs.length).toBeGreaterThanOrEqual(2);
        // Built from the question (and phrasing words such as "born", "film"): no bridge name from results.
        for (const [i, q] of qs.entries()) {
          const fromResults = words(q).filter((w) => !questionWords.has(w) && !SEARCH_STOP_WORDS.has(w) && seenBefore(i).has(w) && /^[a-z]+$/.test(w));
          expect(fromResults.every((w) => ['born', 'film', 'director', 'released', 'founded', 'formed', 'nationality', 'band', 'city', 'country', 'actor', 'founder', 'album', 'starring', 'company'].includes(w))).toBe(true);
        }
      }
      if (label === 'parallel') expect(calls(t).some((c, i, all) => i > 0 && c.type === 'call' && all[i - 1]!.type === 'call' && c.round === (all[i - 1] as { round?: number }).round)).toBe(true);
      if (label === 'sequential') {
        const bridged = qs.some((q, i) => words(q).some((w) => !questionWords.has(w) && !SEARCH_STOP_WORDS.has(w) && seenBefore(i).has(w) && /^[a-z]/.test(w) && w.length > 3));
        expect(bridged, JSON.stringify(qs)).toBe(true);
      }
      if (label === 'verify') {
        const answer = normalizeAnswer(t.answer!);
        const checked = qs.some((q, i) => ` ${normalizeAnswer(q)} `.includes(` ${answer} `) && [...seenBefore(i)].join(' ').includes(answer.split(' ')[0]!));
        expect(checked, JSON.stringify(qs)).toBe(true);
      }
    }
  });

  it('plays every strategy of the taxonomy on the default policies', () => {
    const labels = new Set(episodes.map((t) => t.meta.true_strategy));
    for (const label of STRATEGIES) expect(labels, label).toContain(label);
  });
});

function taskOfSetup(s: SimulationSetup, id: string) {
  return s.tasks.find((t) => t.row.task === id)!;
}

describe('correctness emerges from the tool', () => {
  const perfect = policyWith('rl', { bridgeExtraction: 1, integration: 1, dilution: 0, mixture: { ...policyWith('rl', {}).mixture, bridge: { sequential: 1 } } });
  const bridgeSetup = (policy: typeof perfect, change: Partial<SimulationSetup> = {}): SimulationSetup =>
    smallSetup(30, { policies: { p: policy }, grid: { budgets: [5], samples: 8 }, ...change }, ['bridge']);
  const accuracy = (s: SimulationSetup): number => {
    const answers = new Map(s.tasks.map((t) => [t.row.task, t.row.answers]));
    const all = [...simulateEpisodes(s)];
    return all.filter((t) => exactMatch(t.answer ?? null, answers.get(t.task)!)).length / all.length;
  };

  it('a perfect reader with good queries is usually right', () => {
    expect(accuracy(bridgeSetup(perfect))).toBeGreaterThan(0.6);
  });

  it('the same perfect reader with random queries scores low', () => {
    // Two random searches still show six of the ten paragraphs, so a flawless reader is sometimes lucky.
    const good = accuracy(bridgeSetup(perfect));
    const random = accuracy(bridgeSetup({ ...perfect, queryNoise: 1 }));
    expect(random).toBeLessThan(good / 2);
    expect(random).toBeLessThan(0.3);
  });

  it('the shipped policies are right only at guessing level when the tool never showed them the evidence', () => {
    const s = smallSetup(30, { grid: { budgets: [5], samples: 8 } }, ['bridge']);
    const tally: Record<'seen' | 'missed', [number, number]> = { seen: [0, 0], missed: [0, 0] };
    for (const t of simulateEpisodes(s)) {
      const task = taskOfSetup(s, t.task);
      const results = t.steps.filter((step) => step.type === 'result');
      const seen = results.some((step) => step.docs!.some((d) => d.title === task.row.gold_docs[1]));
      // Without the bridge paragraph and without the answer anywhere in view, only a guess can be right.
      const answerInView = results.some((step) => ` ${normalizeAnswer(step.text)} `.includes(` ${normalizeAnswer(task.row.answers[0]!)} `));
      if (!seen && answerInView) continue;
      const cell = seen ? tally.seen : tally.missed;
      cell[0] += 1;
      cell[1] += exactMatch(t.answer ?? null, task.row.answers) ? 1 : 0;
    }
    const rate = (cell: [number, number]) => cell[1] / cell[0];
    expect(tally.missed[0]).toBeGreaterThan(100);
    expect(rate(tally.missed)).toBeLessThan(0.08);
    expect(rate(tally.seen)).toBeGreaterThan(4 * rate(tally.missed));
  });

  it('the same perfect reader scores low when the bridge paragraph is taken out of the corpus', () => {
    const s = bridgeSetup(perfect);
    const tasks = s.tasks.map((task) => {
      const bridgeTitle = task.row.gold_docs[1]!;
      const keep = task.row.docs.findIndex((d) => d.title === bridgeTitle);
      const replacement = s.world!.entities.find((e) => e.kind === 'country')!;
      const docs = task.row.docs.map((d, i) => (i === keep ? { id: `w${replacement.id}`, title: replacement.title, text: replacement.text } : d));
      const docEntities = task.docEntities!.map((e, i) => (i === keep ? replacement.id : e));
      return { ...task, row: { ...task.row, docs }, docEntities };
    });
    expect(accuracy({ ...s, tasks })).toBeLessThan(0.15);
  });
});
