import { describe, expect, it } from 'vitest';
import { episodeFeatures } from '../../../analyses/strategy/features';
import { LABELER_NAMES, LABELERS } from '../../../analyses/strategy/labelers';
import { toolRoleMatcher } from '../../../analyses/strategy/tool-roles';
import { NO_CALLS_SIGNATURE, toolSignature } from '../../../analyses/strategy/signature';
import { trace } from './trace-builder';

const roleOf = toolRoleMatcher();

describe('tool signature labeler', () => {
  it('collapses consecutive repeats only', () => {
    expect(toolSignature(['get_user', 'get_user', 'get_reservation', 'cancel'])).toBe('get_user>get_reservation>cancel');
    expect(toolSignature(['a', 'b', 'a'])).toBe('a>b>a');
    expect(toolSignature([])).toBe(NO_CALLS_SIGNATURE);
  });

  it('registers auto, rules and signature by name', () => {
    expect(LABELER_NAMES).toEqual(['auto', 'rules', 'signature']);
  });

  it('auto uses the signature for agents that never search, the rules otherwise', () => {
    const tau = episodeFeatures(
      trace([['call', 'get_user', 'U1'], ['result', '{}'], ['call', 'cancel', 'R1'], ['answer', 'done']]),
      'Cancel my reservation',
      { roleOf },
    );
    expect(LABELERS.auto.label(tau)).toMatchObject({ label: 'get_user>cancel', kind: 'signature' });
    expect(LABELERS.rules.label(tau)).toMatchObject({ label: 'no-search', kind: 'taxonomy' });
    const search = episodeFeatures(trace([['search', 'x'], ['answer', 'y']]), 'q', { roleOf });
    expect(LABELERS.auto.label(search)).toMatchObject({ label: 'single-shot', kind: 'taxonomy' });
    expect(LABELERS.signature.label(search)).toMatchObject({ label: 'search', kind: 'signature' });
    const none = episodeFeatures(trace([['answer', 'y']]), 'q', { roleOf });
    expect(LABELERS.auto.label(none).label).toBe('no-search');
  });
});
