/**
 * The episode accounting every stage that reads episodes follows (ARCHITECTURE.md rule 11): its
 * manifest counts hold `episodes_in` (the episodes ingest accepted), `episodes_used` and one
 * `left_out_<reason>` per reason, so that episodes_in = episodes_used + Σ left_out_*; and it prints
 * one line per reason with the per-policy counts whenever it left something out.
 */

/** Why an episode was left out, in words for the summary line. */
const REASON_TEXT: Record<string, string> = {
  trace_missing: 'without a trace (outcome only)',
  budget_outside_grid: 'run at a budget outside the grid',
  no_retrieval_definition: 'of tasks no retrieval definition applies to',
};

/** Episodes left out per reason and policy. */
export class LeftOut {
  private readonly byReason = new Map<string, Map<string, number>>();

  /** Counts `n` episodes of `policy` left out for `reason` (a snake_case key: `trace_missing`). */
  add(reason: string, policy: string, n = 1): void {
    if (n === 0) return;
    let perPolicy = this.byReason.get(reason);
    if (!perPolicy) this.byReason.set(reason, (perPolicy = new Map()));
    perPolicy.set(policy, (perPolicy.get(policy) ?? 0) + n);
  }

  /** Episodes left out for one reason, or for every reason. */
  total(reason?: string): number {
    const maps = reason === undefined ? [...this.byReason.values()] : [this.byReason.get(reason) ?? new Map<string, number>()];
    return maps.reduce((sum, map) => sum + [...map.values()].reduce((a, b) => a + b, 0), 0);
  }

  /** The manifest counts: `episodes_in`, `episodes_used`, `left_out_<reason>` for every reason seen. */
  counts(episodesIn: number): Record<string, number> {
    const counts: Record<string, number> = { episodes_in: episodesIn, episodes_used: episodesIn - this.total() };
    for (const reason of [...this.byReason.keys()].sort()) counts[`left_out_${reason}`] = this.total(reason);
    return counts;
  }

  /** policy → reason → episodes, for a manifest a downstream stage reads (the cluster stage repeats the label stage's). */
  byPolicy(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const reason of [...this.byReason.keys()].sort()) {
      for (const [policy, n] of [...this.byReason.get(reason)!].sort(([a], [b]) => (a < b ? -1 : 1))) (out[policy] ??= {})[reason] = n;
    }
    return out;
  }

  /** One summary line per reason: `label: left out 102 episodes without a trace (outcome only): react 102`. */
  lines(stage: string): string[] {
    return [...this.byReason.keys()].sort().map(
      (reason) => `${stage}: left out ${this.total(reason)} episodes ${REASON_TEXT[reason] ?? reason.replace(/_/g, ' ')}: ${perPolicyText(this.byReason.get(reason)!)}`,
    );
  }
}

/** `a 3, b 1`: counts per policy in name order. */
export function perPolicyText(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([policy, n]) => `${policy} ${n}`).join(', ');
}
