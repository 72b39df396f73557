import { compareText } from '../stats/compare-text';

/** An ordered policy pair: differences are a − b, boundary sets `only_a` / `only_b`. */
export interface PolicyPair {
  a: string;
  b: string;
}

/**
 * The policy pairs every comparison reports: each other policy against the base policy
 * (a = the other policy, b = base, so a positive difference means "better than base"), then every
 * remaining pair of non-base policies once, in name order (a < b). Without the base policy in the
 * data, every pair once in name order. Reporting each unordered pair once avoids mirror-image rows.
 */
export function policyPairs(policies: Iterable<string>, base: string): PolicyPair[] {
  const sorted = [...new Set(policies)].sort(compareText);
  const others = sorted.filter((policy) => policy !== base);
  const pairs: PolicyPair[] = [];
  if (others.length < sorted.length) for (const a of others) pairs.push({ a, b: base });
  for (let i = 0; i < others.length; i++) {
    for (let j = i + 1; j < others.length; j++) pairs.push({ a: others[i] as string, b: others[j] as string });
  }
  return pairs;
}
