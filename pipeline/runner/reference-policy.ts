/**
 * The reference (base) policy every comparison is made against. It is one setting for the whole run
 * (`--base`, or `base` at the top level of the config file), and when unset it is resolved from the
 * policies in the data the same way by every stage that compares (passkt, boundary, label, compare),
 * so one run never mixes directions. A run whose reference cannot be resolved stops with exit 2.
 */
import { z } from 'zod';
import { UserError } from '../errors';

/** The `base` parameter of the comparing stages: the reference policy, or unset to resolve it from the data. */
export const BaseParam = z.string().min(1).optional();

/** Name fragments that mark a reference policy when none is set and none is named `base`. */
export const REFERENCE_NAME_HINTS = ['base', 'instruct', 'sft'] as const;

/** The reference policy and how it was chosen (null `how` = set by the user or named `base`: nothing to say). */
export interface Reference {
  policy: string;
  how: string | null;
}

/**
 * Resolves the reference: the one set (it must be a policy of the data), else the policy named `base`,
 * else the only policy, else the only policy whose name contains base/instruct/sft; otherwise a
 * UserError listing the policies. Without any policy the set name (or `base`) is returned as is.
 */
export function resolveReference(requested: string | undefined, policies: Iterable<string>): Reference {
  const names = [...new Set(policies)].sort();
  const listed = names.map((name) => `"${name}"`).join(', ');
  if (requested !== undefined) {
    if (names.length === 0 || names.includes(requested)) return { policy: requested, how: null };
    throw new UserError(
      `the reference policy "${requested}" (--base, or "base" in the config file) is not a policy of the data; the policies are ${listed}.`,
      'Set --base to one of them (or "base" at the top level of the config file), or rename a policy at import with --policy-name old=new.',
    );
  }
  if (names.length === 0 || names.includes('base')) return { policy: 'base', how: null };
  if (names.length === 1) return { policy: names[0]!, how: 'the only policy' };
  const candidates = names.filter((name) => REFERENCE_NAME_HINTS.some((hint) => name.toLowerCase().includes(hint)));
  if (candidates.length === 1) return { policy: candidates[0]!, how: `the only policy whose name contains ${REFERENCE_NAME_HINTS.join(', ')}` };
  const why = candidates.length === 0 ? `none is named "base" or has ${REFERENCE_NAME_HINTS.join('/')} in its name` : `${candidates.length} have ${REFERENCE_NAME_HINTS.join('/')} in their names (${candidates.map((name) => `"${name}"`).join(', ')})`;
  throw new UserError(
    `no reference policy: the data has the policies ${listed}, and ${why}. Every comparison (passkt, boundary, label, compare) needs one, so the analysis stopped here.`,
    'Choose it with --base <policy> (or "base" at the top level of the config file), e.g. --base ' + `${names[0]}` + '; or rename a policy at import with --policy-name old=base.',
  );
}

/** The summary line naming a reference the run chose by itself, or none when the user set it (or it is named base). */
export function referenceLines(stage: string, reference: Reference): string[] {
  return reference.how === null ? [] : [`${stage}: reference policy "${reference.policy}" (${reference.how}; choose another with --base)`];
}
