import { describe, expect, it } from 'vitest';
import { episodeFeatures } from '../../../analyses/strategy/features';
import { applyRules, RULES, TAXONOMY_LABELS } from '../../../analyses/strategy/rules';
import { toolRoleMatcher } from '../../../analyses/strategy/tool-roles';
import { trace, type StepSpec } from './trace-builder';

const roleOf = toolRoleMatcher();
const BRIDGE_Q = 'What is the nationality of the director of the film Orchid Harbor?';
const COMPARE_Q = 'Which band was formed first, Velvet Lantern or Copper Atlas?';

function label(question: string, steps: StepSpec[], meta?: Record<string, unknown>): string {
  return applyRules(episodeFeatures(trace(steps, meta ? { meta } : {}), question, { roleOf })).label;
}

describe('rule table', () => {
  it('lists every taxonomy label once, in TAXONOMY.md precedence order', () => {
    expect(RULES.map((rule) => rule.label)).toEqual([...TAXONOMY_LABELS]);
    expect(TAXONOMY_LABELS).toEqual(['exhausted', 'no-search', 'verify', 'sequential', 'unanchored', 'parallel', 'reformulate', 'single-shot']);
  });
});

describe('exhausted', () => {
  it('labels an episode without an answer, whatever it searched', () => {
    expect(label(BRIDGE_Q, [['search', 'Orchid Harbor director'], ['result', 'Orchid Harbor was directed by Mara Quill.']])).toBe('exhausted');
  });
  it('labels an empty episode (no steps at all)', () => {
    expect(label(BRIDGE_Q, [])).toBe('exhausted');
  });
  it('labels an answered episode the source marked as halted by the budget', () => {
    expect(label(BRIDGE_Q, [['search', 'Orchid Harbor'], ['answer', 'French']], { halted: true })).toBe('exhausted');
  });
  it('wins over every other label (calls without results, then out of budget)', () => {
    expect(label(BRIDGE_Q, [['search', 'Orchid Harbor'], ['search', 'Orchid Harbor film']])).toBe('exhausted');
  });
});

describe('no-search', () => {
  it('labels an answer without calls', () => {
    expect(label(BRIDGE_Q, [['answer', 'French']])).toBe('no-search');
  });
  it('ignores calls to tools that are not searches', () => {
    expect(label(BRIDGE_Q, [['call', 'calculator', '2+2'], ['result', '4'], ['answer', 'French']])).toBe('no-search');
  });
});

describe('single-shot', () => {
  it('labels one search and an answer, whatever the wording', () => {
    expect(label(BRIDGE_Q, [['search', BRIDGE_Q], ['result', 'Orchid Harbor was directed by Mara Quill.'], ['answer', 'French']])).toBe('single-shot');
    expect(label(BRIDGE_Q, [['search', 'unrelated words entirely'], ['answer', 'French']])).toBe('single-shot');
  });
  it('labels an empty query followed by an answer', () => {
    expect(label(BRIDGE_Q, [['search', ''], ['result', ''], ['answer', 'French']])).toBe('single-shot');
  });
  it('labels a call without a result followed by an answer', () => {
    expect(label(BRIDGE_Q, [['search', 'Orchid Harbor director'], ['answer', 'French']])).toBe('single-shot');
  });
});

describe('sequential', () => {
  const steps: StepSpec[] = [
    ['search', 'Orchid Harbor director'],
    ['result', 'Orchid Harbor is a 1994 film directed by Mara Quill.', ['Orchid Harbor']],
    ['search', 'Mara Quill nationality'],
    ['result', 'Mara Quill is a French filmmaker.', ['Mara Quill']],
    ['answer', 'French'],
  ];
  it('labels a second query built on an entity from the first result (the bridge)', () => {
    expect(label(BRIDGE_Q, steps)).toBe('sequential');
  });
  it('records where each term of the bridge query first appeared', () => {
    const features = episodeFeatures(trace(steps), BRIDGE_Q, { roleOf });
    expect(features.queries[1]!.terms).toEqual([
      { term: 'mara', source: 'result 1', bridge: true },
      { term: 'quill', source: 'result 1', bridge: true },
    ]);
    expect(features.queries[0]!.terms.map((term) => term.source)).toEqual(['question', 'question']);
    expect(features.candidate).toBe('french');
    expect(features.candidate_first_result).toBe(2);
    expect(features.candidate_before_last_call).toBe(false);
  });
  it('does not count a term the agent used before any result showed it', () => {
    const made: StepSpec[] = [
      ['search', 'Mara Quill Orchid Harbor'],
      ['result', 'Orchid Harbor was directed by Mara Quill.'],
      ['search', 'Mara Quill nationality'],
      ['result', 'Mara Quill is French.'],
      ['answer', 'French'],
    ];
    const features = episodeFeatures(trace(made), BRIDGE_Q, { roleOf });
    expect(features.queries[1]!.terms.map((term) => term.source)).toEqual(['nowhere', 'nowhere']);
    // The name came from the model, not from a result: searching what it brought itself is unanchored.
    expect(label(BRIDGE_Q, made)).toBe('unanchored');
  });
  it('counts a year the question asks to follow, not a year restating the first query', () => {
    const question = 'Which city hosted the games in the year the Tessel Institute was founded?';
    const follow: StepSpec[] = [
      ['search', 'Tessel Institute founded'],
      ['result', 'The Tessel Institute was founded in 1987.'],
      ['search', '1987 games host city'],
      ['result', 'The 1987 games were hosted by Lorvik.'],
      ['answer', 'Lorvik'],
    ];
    expect(label(question, follow)).toBe('sequential');
    const restate: StepSpec[] = [
      ['search', 'Tessel Institute founded'],
      ['result', 'The Tessel Institute was founded in 1987.'],
      ['search', 'Tessel Institute founded 1987'],
      ['result', 'The 1987 games were hosted by Lorvik.'],
      ['answer', 'Lorvik'],
    ];
    expect(label(question, restate)).toBe('reformulate');
  });
  it('does not count a number when the question does not ask to follow one', () => {
    const steps2: StepSpec[] = [
      ['search', 'Orchid Harbor director'],
      ['result', 'Orchid Harbor is a 1994 film.'],
      ['search', 'Orchid Harbor 1994'],
      ['answer', 'French'],
    ];
    expect(label(BRIDGE_Q, steps2)).toBe('reformulate');
  });
  it('labels a query listing several names from a result (filtering a set), not verify', () => {
    const question = 'Which member of the band Velvet Lantern was born first?';
    const filter: StepSpec[] = [
      ['search', 'Velvet Lantern members'],
      ['result', 'Velvet Lantern members: Ada Pell, Rune Sato, Ivo Marsh.'],
      ['search', 'Ada Pell Rune Sato Ivo Marsh birth dates'],
      ['result', 'Ada Pell (1950), Rune Sato (1948), Ivo Marsh (1952).'],
      ['answer', 'Rune Sato'],
    ];
    expect(label(question, filter)).toBe('sequential');
  });
});

describe('verify', () => {
  it('labels a search for the single candidate answer after it appeared, when the answer equals it', () => {
    const steps: StepSpec[] = [
      ['search', 'Orchid Harbor director'],
      ['result', 'Orchid Harbor is a film directed by Mara Quill.'],
      ['search', 'Mara Quill'],
      ['result', 'Mara Quill is a director.'],
      ['answer', 'Mara Quill'],
    ];
    const question = 'Who directed the film Orchid Harbor?';
    expect(label(question, steps)).toBe('verify');
    expect(episodeFeatures(trace(steps), question, { roleOf }).candidate_before_last_call).toBe(true);
  });
  it('keeps the bridge entity of an earlier query as context of a verification', () => {
    const steps: StepSpec[] = [
      ['search', 'Orchid Harbor director'],
      ['result', 'Orchid Harbor is a film directed by Mara Quill.'],
      ['search', 'Mara Quill nationality'],
      ['result', 'Mara Quill is a French filmmaker.'],
      ['search', 'Mara Quill French'],
      ['answer', 'French'],
    ];
    expect(label(BRIDGE_Q, steps)).toBe('verify');
  });
  it('is not verify when the final answer differs from the searched candidate', () => {
    const steps: StepSpec[] = [
      ['search', 'Orchid Harbor director'],
      ['result', 'Orchid Harbor is a film directed by Mara Quill.'],
      ['search', 'Mara Quill'],
      ['answer', 'Ivo Marsh'],
    ];
    expect(label('Who directed the film Orchid Harbor?', steps)).toBe('sequential');
  });
  it('is not verify when the candidate was searched before it appeared in any result', () => {
    const steps: StepSpec[] = [
      ['search', 'Orchid Harbor Mara Quill'],
      ['result', 'Orchid Harbor is a film directed by Mara Quill.'],
      ['answer', 'Mara Quill'],
    ];
    expect(label('Who directed the film Orchid Harbor?', steps)).toBe('single-shot');
  });
  it('is not verify for an answer the question already names (a comparison pick)', () => {
    const steps: StepSpec[] = [
      ['search', 'Velvet Lantern formed'],
      ['result', 'Velvet Lantern formed in 1971.'],
      ['search', 'Copper Atlas formed'],
      ['result', 'Copper Atlas formed in 1980.'],
      ['search', 'Velvet Lantern'],
      ['answer', 'Velvet Lantern'],
    ];
    expect(label(COMPARE_Q, steps)).toBe('parallel');
  });
});

describe('parallel and reformulate', () => {
  it('labels queries built from the question that cover different entities as parallel', () => {
    const steps: StepSpec[] = [
      ['search', 'Velvet Lantern formed'],
      ['result', 'Velvet Lantern formed in 1971 in Leeds.'],
      ['search', 'Copper Atlas formed'],
      ['result', 'Copper Atlas formed in 1980.'],
      ['answer', 'Velvet Lantern'],
    ];
    expect(label(COMPARE_Q, steps)).toBe('parallel');
  });
  it('labels calls issued in one round, without results in between, as parallel', () => {
    const features = episodeFeatures(
      trace([['search', 'Velvet Lantern'], ['search', 'Copper Atlas'], ['result', 'a'], ['result', 'b'], ['answer', 'Velvet Lantern']]),
      COMPARE_Q,
      { roleOf },
    );
    expect(applyRules(features).label).toBe('parallel');
  });
  it('labels a combined "A vs B" query followed by "A" alone as reformulate', () => {
    const steps: StepSpec[] = [
      ['search', 'Velvet Lantern vs Copper Atlas formed'],
      ['result', 'Velvet Lantern formed in 1971.'],
      ['search', 'Velvet Lantern'],
      ['answer', 'Velvet Lantern'],
    ];
    expect(label(COMPARE_Q, steps)).toBe('reformulate');
  });
  it('labels repeated identical queries as reformulate', () => {
    const steps: StepSpec[] = [
      ['search', 'Orchid Harbor director'],
      ['result', 'Orchid Harbor is a film.'],
      ['search', 'Orchid Harbor director'],
      ['result', 'Orchid Harbor is a film.'],
      ['answer', 'French'],
    ];
    expect(label(BRIDGE_Q, steps)).toBe('reformulate');
  });
  it('labels rewordings of the question as reformulate', () => {
    const steps: StepSpec[] = [
      ['search', 'director of Orchid Harbor'],
      ['result', 'no match'],
      ['search', 'Orchid Harbor film director nationality'],
      ['answer', 'French'],
    ];
    expect(label(BRIDGE_Q, steps)).toBe('reformulate');
  });
  it('labels two empty queries as reformulate', () => {
    expect(label(BRIDGE_Q, [['search', ''], ['search', '  '], ['answer', 'French']])).toBe('reformulate');
  });
  it('is not parallel when one query adds a term from the results', () => {
    const steps: StepSpec[] = [
      ['search', 'Velvet Lantern formed'],
      ['result', 'Velvet Lantern formed in Leeds.'],
      ['search', 'Copper Atlas Leeds'],
      ['answer', 'Velvet Lantern'],
    ];
    expect(label(COMPARE_Q, steps)).toBe('sequential');
  });
});

describe('verify with names that contain generic words', () => {
  it('treats every word of the candidate as the candidate ("Grakryta Heights")', () => {
    const question = 'In which city was the star of Mirror of the Garden born?';
    const steps: StepSpec[] = [
      ['search', 'Mirror of the Garden starring'],
      ['result', 'Mirror of the Garden stars Femesh Volk.'],
      ['search', 'Femesh Volk born'],
      ['result', 'Femesh Volk was born in Grakryta Heights.'],
      ['search', 'Femesh Volk Grakryta Heights'],
      ['answer', 'Grakryta Heights'],
    ];
    expect(label(question, steps)).toBe('verify');
  });
  it('keeps the whole bridge name as context when the earlier query used only its last word', () => {
    const steps: StepSpec[] = [
      ['search', 'Orchid Harbor director'],
      ['result', 'Orchid Harbor is a film directed by Mara Quill.'],
      ['search', 'Quill'],
      ['result', 'Mara Quill is a French filmmaker.'],
      ['search', 'Mara Quill French'],
      ['answer', 'French'],
    ];
    expect(label(BRIDGE_Q, steps)).toBe('verify');
  });
});

describe('unanchored', () => {
  const guessed: StepSpec[] = [
    ['search', 'Orchid Harbor director'],
    ['result', 'Orchid Harbor is a 1994 film.'],
    ['search', 'Ivo Marsh nationality'],
    ['result', 'Ivo Marsh is Danish.'],
    ['answer', 'Danish'],
  ];
  it('labels two searches where one brings a name from neither the question nor a result', () => {
    expect(label(BRIDGE_Q, guessed)).toBe('unanchored');
    const features = episodeFeatures(trace(guessed), BRIDGE_Q, { roleOf });
    expect(applyRules(features).evidence).toBe('query 2 uses "ivo", found neither in the question nor in any earlier result');
  });
  it('needs two searches: one guessed search is single-shot', () => {
    expect(label(BRIDGE_Q, [['search', 'Ivo Marsh nationality'], ['result', 'Ivo Marsh is Danish.'], ['answer', 'Danish']])).toBe('single-shot');
  });
  it('gives way to sequential when a later query also follows a result', () => {
    const steps: StepSpec[] = [
      ['search', 'Orchid Harbor director'],
      ['result', 'Orchid Harbor is a film directed by Mara Quill.'],
      ['search', 'Mara Quill Ivo Marsh'],
      ['answer', 'French'],
    ];
    expect(label(BRIDGE_Q, steps)).toBe('sequential');
  });
  it('wins over parallel: queries covering different entities, one with a guessed name', () => {
    const steps: StepSpec[] = [
      ['search', 'Velvet Lantern formed'],
      ['result', 'Velvet Lantern formed in 1971.'],
      ['search', 'Copper Atlas Ivo Marsh'],
      ['answer', 'Velvet Lantern'],
    ];
    expect(label(COMPARE_Q, steps)).toBe('unanchored');
  });
  it('is not unanchored when a query uses a term from a result that is no bridge (a restated number)', () => {
    const question = 'Which band was formed first, Velvet Lantern or Copper Atlas?';
    const steps: StepSpec[] = [
      ['search', 'Velvet Lantern formed'],
      ['result', 'Velvet Lantern formed in 1971.'],
      ['search', 'Velvet Lantern 1971 Ivo'],
      ['answer', 'Velvet Lantern'],
    ];
    expect(label(question, steps)).toBe('reformulate');
  });
});

describe('reading (tools with the read role)', () => {
  const read = (tool: string, target: string): StepSpec => ['call', tool, target];
  it('counts distinct read targets, failed reads included, and labels none / brief / deep', () => {
    const base: StepSpec[] = [['search', 'Orchid Harbor'], ['result', 'Orchid Harbor (film)', ['Orchid Harbor']]];
    const features = (reads: StepSpec[]) => episodeFeatures(trace([...base, ...reads, ['answer', 'French']]), BRIDGE_Q, { roleOf });
    expect(features([])).toMatchObject({ read_calls: 0, read_targets: 0, reading: 'none' });
    // The same page twice is one target; a failed read (no result) still counts.
    expect(features([read('view_sections', 'orchid'), read('view_sections', 'orchid'), read('read_section', 'orchid:plot')])).toMatchObject({ read_calls: 3, read_targets: 2, reading: 'brief' });
    expect(features([read('view_sections', 'orchid'), read('read_section', 'orchid:plot'), read('read_section', 'orchid:cast')])).toMatchObject({ read_targets: 3, reading: 'deep' });
    // The same text under two tools is two targets.
    expect(features([read('open_page', 'x'), read('read_page', 'x')]).read_targets).toBe(2);
  });
  it('tells targets apart by their whole arguments when the query text does not show them all', () => {
    const steps = trace([['search', 'Orchid Harbor'], ['answer', 'x']]);
    steps.steps.splice(1, 0,
      { type: 'call', tool: 'scroll', query: 'orchid', round: 1, args: '{"offset":1,"page":"orchid"}' },
      { type: 'call', tool: 'scroll', query: 'orchid', round: 2, args: '{"offset":2,"page":"orchid"}' },
      { type: 'call', tool: 'scroll', query: 'orchid', round: 3, args: '{"offset":2,"page":"orchid"}' },
    );
    expect(episodeFeatures(steps, BRIDGE_Q, { roleOf })).toMatchObject({ read_calls: 3, read_targets: 2 });
  });
  it('labels the primary strategy on search calls alone: reads do not make a second query', () => {
    const steps: StepSpec[] = [['search', 'Orchid Harbor'], ['result', 'Orchid Harbor'], read('view_sections', 'Ivo Marsh'), read('read_section', 'Ivo Marsh bio'), ['answer', 'French']];
    expect(label(BRIDGE_Q, steps)).toBe('single-shot');
  });
  it('takes the argument of an answer-role tool as the final answer', () => {
    const features = episodeFeatures(trace([['search', 'Orchid Harbor'], ['call', 'submit_answer', 'French']]), BRIDGE_Q, { roleOf });
    expect(features).toMatchObject({ answered: true, candidate: 'french' });
    expect(applyRules(features).label).toBe('single-shot');
  });
});

describe('unanchored needs a name or value the agent brought', () => {
  it('is reformulate when the only word from nowhere is a lower-case common word', () => {
    const steps: StepSpec[] = [
      ['search', 'isolation of tungsten as a metal in 1783'],
      ['result', 'Tungsten was isolated in 1783.'],
      ['search', 'brothers credited with the discovery of tungsten'],
      ['answer', 'Elhuyar brothers'],
    ];
    expect(label('Which brothers are credited with the isolation of tungsten as a metal in 1783?', steps)).toBe('reformulate');
  });
  it('takes no name from an all-lower-case query (no case evidence), only numbers', () => {
    const steps: StepSpec[] = [['search', 'orchid harbor director'], ['result', 'Orchid Harbor is a film.'], ['search', 'ivo marsh nationality'], ['answer', 'Danish']];
    expect(label(BRIDGE_Q, steps)).toBe('reformulate');
    expect(label(BRIDGE_Q, [...steps.slice(0, 2), ['search', 'orchid harbor 1994'], ['answer', 'x']])).toBe('unanchored');
  });
  it('counts a number the agent brought as a value', () => {
    const steps: StepSpec[] = [['search', 'Orchid Harbor director'], ['result', 'Orchid Harbor is a film.'], ['search', 'Orchid Harbor 1994 director'], ['answer', 'x']];
    expect(label(BRIDGE_Q, steps)).toBe('unanchored');
  });
});
