import { describe, expect, it } from 'vitest';
import { FieldTally } from '../../../../pipeline/stages/import/field-tally';

describe('field sources of one imported file', () => {
  it('names the source of each field, counts mixed sources, and says which default applies', () => {
    const tally = new FieldTally();
    tally.add({ task: 'question_id', sample: 'sample_idx', correct: 'reward >= 1' });
    tally.add({ task: 'question_id', sample: 'trial', correct: 'reward >= 1' });
    tally.add({ task: 'question_id', correct: 'reward >= 1', policy: 'model' });
    expect(tally.describe({ forced: '', how: '', fileDefault: '"f"' })).toBe(
      'task ← question_id; sample ← sample_idx (1), trial (1), none: ingest numbers the episodes of each (policy, task) by arrival (1); budget ← none: uncapped, reported as budget = all; correct ← reward >= 1; policy ← file name "f" (2), model (1)',
    );
    expect(tally.describe({ forced: 'rl', how: '--policy', fileDefault: '"f"' })).toMatch(/; policy ← "rl" \(--policy\)$/);
    expect(tally.toJSON().sample).toEqual({ sample_idx: 1, trial: 1, '': 1 });
  });
});
