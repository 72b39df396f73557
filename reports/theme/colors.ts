import { compareText } from '../../analyses/stats/compare-text';
/**
 * Fixed colours per policy (Okabe–Ito, readable by colour-blind readers and in grey print), assigned
 * in one canonical policy order so a policy has the same colour in every figure of a report.
 */

/** Okabe–Ito palette, most distinguishable first. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

const PREFERRED_ORDER = ['base', 'rl', 'sft'];

/** Canonical policy order: the study's base, rl, sft first, then the rest alphabetically. */
export function orderPolicies(policies: Iterable<string>): string[] {
  const unique = [...new Set(policies)];
  const rank = (policy: string) => {
    const index = PREFERRED_ORDER.indexOf(policy);
    return index === -1 ? PREFERRED_ORDER.length : index;
  };
  return unique.sort((a, b) => rank(a) - rank(b) || compareText(a, b));
}

/** A Vega-Lite colour scale that pins each policy of the canonical order to its palette colour. */
export function policyColorScale(policies: readonly string[]): { domain: string[]; range: string[] } {
  return {
    domain: [...policies],
    range: policies.map((_, index) => PALETTE[index % PALETTE.length]!),
  };
}
