import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_FEATURES, behaviourVector } from '../../../analyses/cluster/behaviour-features';
import { fitFeatureSpace, vectorize, type SpaceEpisode } from '../../../analyses/cluster/feature-space';
import { ClusterProfile } from '../../../analyses/cluster/profile';
import { toolNgrams } from '../../../analyses/cluster/tool-ngrams';
import { episodeFeatures } from '../../../analyses/strategy/features';
import { toolRoleMatcher } from '../../../analyses/strategy/tool-roles';
import { trace, type StepSpec } from '../strategy/trace-builder';

const roleOf = toolRoleMatcher();

function episode(task: string, question: string, steps: StepSpec[]): SpaceEpisode {
  return { ...episodeFeatures(trace(steps), question, { roleOf }), task };
}

const sequential = episode('t1', 'What is the nationality of the director of Orchid Harbor?', [
  ['search', 'Orchid Harbor director'],
  ['result', 'Orchid Harbor was directed by Mara Quill.'],
  ['search', 'Mara Quill nationality'],
  ['result', 'Mara Quill is French.'],
  ['answer', 'French'],
]);
const repeat = episode('t2', 'What is the nationality of the director of Salt Bay?', [
  ['search', 'Salt Bay director'],
  ['search', 'Salt Bay director'],
  ['answer', 'Dutch'],
]);
const closed = episode('t3', 'What is 2 plus 3?', [['answer', '5']]);

describe('behaviour features', () => {
  it('counts calls, repeats, term sources and candidate facts', () => {
    const v = Object.fromEntries(BEHAVIOUR_FEATURES.map((name, i) => [name, behaviourVector(sequential)[i]]));
    expect(v).toMatchObject({ calls: 2, search_calls: 2, rounds: 2, results: 2, answered: 1, calls_per_round: 1, repeated_queries: 0 });
    expect(v).toMatchObject({ question_terms: 2, result_terms: 2, bridge_terms: 2, nowhere_terms: 0, entities_covered_share: 1, candidate_in_results: 1, candidate_before_last_call: 0, searched_candidate: 0 });
    const r = behaviourVector(repeat);
    expect(r[BEHAVIOUR_FEATURES.indexOf('repeated_queries')]).toBe(1);
    expect(r[BEHAVIOUR_FEATURES.indexOf('mean_sim_previous')]).toBe(1);
    expect(behaviourVector(closed).slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    const reader = episode('t1', 'Who directed Orchid Harbor?', [['search', 'Orchid Harbor'], ['call', 'view_sections', 'orchid'], ['call', 'read_section', 'orchid:cast'], ['call', 'read_section', 'orchid:cast'], ['answer', 'Mara Quill']]);
    const w = Object.fromEntries(BEHAVIOUR_FEATURES.map((name, i) => [name, behaviourVector(reader)[i]]));
    expect(w).toMatchObject({ calls: 4, search_calls: 1, read_calls: 3, read_targets: 2 });
  });

  it('counts tool unigrams and bigrams with start and end marks', () => {
    expect(Object.fromEntries(toolNgrams(['search', 'search', 'read']))).toEqual({ search: 2, read: 1, '^>search': 1, 'search>search': 1, 'search>read': 1, 'read>$': 1 });
    expect(Object.fromEntries(toolNgrams([]))).toEqual({ '^>$': 1 });
  });
});

describe('fitFeatureSpace', () => {
  it('keeps query words used by several tasks (not one task’s names) and L2-normalizes their TF-IDF', () => {
    const space = fitFeatureSpace([sequential, repeat, closed], { ngramVocab: 10, termVocab: 10, minTasks: 2 });
    expect(space.terms).toEqual(['director']);
    expect(space.names.slice(0, BEHAVIOUR_FEATURES.length)).toEqual([...BEHAVIOUR_FEATURES]);
    const v = vectorize(space, repeat);
    expect(v[space.names.indexOf('query:director')]).toBeCloseTo(1, 12);
    expect(vectorize(space, closed)[space.names.indexOf('query:director')]).toBe(0);
    expect(v[space.names.indexOf('tool:search>search')]).toBe(1);
    // idf = ln((1 + 3) / (1 + 2)) + 1 for a word in 2 of 3 episodes
    expect(space.idf[0]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
  });

  it('orders vocabularies by frequency, ties alphabetically', () => {
    const space = fitFeatureSpace([sequential, repeat, closed], { ngramVocab: 3, termVocab: 0, minTasks: 1 });
    expect(space.ngrams).toEqual(['^>search', 'search', 'search>$']);
  });
});

describe('ClusterProfile', () => {
  it('describes sizes, success, distinctive features, typical episodes and the label table', () => {
    const profile = new ClusterProfile(2, ['a', 'b'], { typical: 2, distinctive: 1 });
    profile.add({ id: 'x1', policy: 'base', correct: true, label: 'verify' }, 0, [1, 0], [1, 0], 0.5);
    profile.add({ id: 'x2', policy: 'rl', correct: false, label: 'verify' }, 0, [1, 0], [1, 0], 0.1);
    profile.add({ id: 'x3', policy: 'rl', correct: true, label: 'verify' }, 0, [1, 0], [1, 0], 0.1);
    profile.add({ id: 'y1', policy: 'rl', correct: true, label: 'parallel' }, 1, [0, 2], [-1, 0.5], 0.3);
    const [c0, c1] = profile.describe();
    expect(c0).toMatchObject({ cluster: 0, size: 3, size_by_policy: { base: 1, rl: 2 }, typical_episodes: ['x2', 'x3'], labels: { verify: 3 } });
    expect(c0!.success_rate).toBeCloseTo(2 / 3, 12);
    expect(c0!.distinctive_features).toEqual([{ feature: 'a', cluster_mean: 1, overall_mean: 0.75, difference_sd: 0.5 }]);
    expect(c1).toMatchObject({ size: 1, success_rate: 1, typical_episodes: ['y1'] });
    expect(profile.labelTable().counts).toEqual([[0, 3], [1, 0]]);
  });
});
