import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_FEATURES } from '../../../analyses/cluster/behaviour-features';
import { featureWords } from '../../../analyses/cluster/feature-words';

describe('cluster features in words', () => {
  it('names tool n-grams by what the episode does, the direction choosing the phrase', () => {
    expect(featureWords('tool:^>$', 1.1)).toBe('no tool call (1.1 sd)');
    expect(featureWords('tool:^>$', -0.9)).toBe('calls a tool (0.9 sd)');
    expect(featureWords('tool:^>search', 1.4)).toBe('search first (1.4 sd)');
    expect(featureWords('tool:^>search', -1.1)).toBe('not search first (1.1 sd)');
    expect(featureWords('tool:search>search', 1.4)).toBe('search then search more often (1.4 sd)');
    expect(featureWords('tool:search>$', 2)).toBe('ends with a search call (2.0 sd)');
    expect(featureWords('tool:lookup', -1)).toBe('fewer lookup calls (1.0 sd)');
  });

  it('names query words and every behaviour feature in words', () => {
    expect(featureWords('query:film', 2.04)).toBe('query word “film” more often (2.0 sd)');
    for (const feature of BEHAVIOUR_FEATURES) {
      expect(featureWords(feature, 1), feature).not.toMatch(new RegExp(`^${feature}\\b`));
      expect(featureWords(feature, 1)).not.toBe(featureWords(feature, -1));
    }
    expect(featureWords('entities_covered_share', -1.1)).toBe('covers fewer question entities (1.1 sd)');
  });
});
