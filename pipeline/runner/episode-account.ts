/**
 * Episode accounting (ARCHITECTURE rule 11): every stage that reads episodes records in its manifest
 * `episodes_in` (the episodes ingest accepted), `episodes_used`, and `left_out_<reason>` for each reason
 * it leaves episodes out, such that episodes_in = episodes_used + Σ left_out_*. A stage whose numbers
 * do not add up stops with an error instead of losing episodes silently.
 */
import { compareText } from '../../analyses/stats/compare-text';
import { StageError } from '../errors';
import type { StageManifest } from './stage';

/** Manifest `details` key holding left-out counts per reason and policy. */
const BY_POLICY = 'left_out_by_policy';

/** Why episodes were left out, in words for the summary line (other reasons print as their key). */
const REASON_TEXT: Record<string, string> = {
  trace_missing: 'without a trace (outcome only)',
  budget_outside_grid: 'run at a budget outside the grid',
  no_retrieval_definition: 'of tasks no retrieval definition applies to',
};

/** The episodes an upstream stage received: its own `episodes_in`, or ingest's (or merge's) `accepted`. */
export function episodesReceived(upstream: StageManifest): number {
  const counts = upstream.counts ?? {};
  return counts['episodes_in'] ?? counts['accepted'] ?? 0;
}

/** Counts what one stage did with the episodes it received. */
export class EpisodeAccount {
  private used = 0;
  /** reason → policy → episodes. */
  private readonly leftOut = new Map<string, Map<string, number>>();

  constructor(
    private readonly stage: string,
    private readonly episodesIn: number,
  ) {}

  /** Counts episodes the stage used. */
  use(episodes = 1): void {
    this.used += episodes;
  }

  /** Counts episodes of one policy left out for a reason (snake_case: it becomes `left_out_<reason>`). */
  leaveOut(reason: string, policy: string, episodes = 1): void {
    if (episodes === 0) return;
    let byPolicy = this.leftOut.get(reason);
    if (!byPolicy) this.leftOut.set(reason, (byPolicy = new Map()));
    byPolicy.set(policy, (byPolicy.get(policy) ?? 0) + episodes);
  }

  /** Carries over what an upstream stage left out: those episodes never reach this stage either. */
  inherit(upstream: StageManifest): void {
    const byReason = (upstream.details?.[BY_POLICY] ?? {}) as Record<string, Record<string, number>>;
    for (const [reason, byPolicy] of Object.entries(byReason)) for (const [policy, n] of Object.entries(byPolicy)) this.leaveOut(reason, policy, n);
  }

  /** The manifest counts: episodes_in, episodes_used, left_out_<reason>. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = { episodes_in: this.episodesIn, episodes_used: this.used };
    for (const reason of this.reasons()) counts[`left_out_${reason}`] = total(this.leftOut.get(reason)!);
    return counts;
  }

  /** The manifest details: left-out counts per reason and policy (read back by {@link inherit}). */
  details(): Record<string, unknown> {
    if (this.leftOut.size === 0) return {};
    return { [BY_POLICY]: Object.fromEntries(this.reasons().map((reason) => [reason, Object.fromEntries(sorted(this.leftOut.get(reason)!))])) };
  }

  /** One summary line per reason with per-policy counts, none when nothing was left out. */
  summary(): string[] {
    return this.reasons().map((reason) => {
      const byPolicy = this.leftOut.get(reason)!;
      return `${this.stage}: left out ${total(byPolicy)} of ${this.episodesIn} episodes ${REASON_TEXT[reason] ?? `(${reason.replace(/_/g, ' ')})`}: ${perPolicyText(byPolicy)}`;
    });
  }

  /** Throws when the episodes used and left out do not add up to the episodes received. */
  check(): void {
    const accounted = this.used + this.reasons().reduce((sum, reason) => sum + total(this.leftOut.get(reason)!), 0);
    if (accounted !== this.episodesIn) {
      throw new StageError(
        `${this.stage} received ${this.episodesIn} episodes but used ${this.used} and left out ${accounted - this.used}: ` +
          `${this.episodesIn - accounted} are unaccounted for (re-run ingest with --force; if it persists, this is a bug).`,
      );
    }
  }

  private reasons(): string[] {
    return [...this.leftOut.keys()].sort();
  }
}

function total(byPolicy: Map<string, number>): number {
  let sum = 0;
  for (const n of byPolicy.values()) sum += n;
  return sum;
}

function sorted(byPolicy: ReadonlyMap<string, number>): [string, number][] {
  return [...byPolicy].sort(([a], [b]) => compareText(a, b));
}

/** `a 3, b 1`: counts per policy in name order. */
export function perPolicyText(counts: ReadonlyMap<string, number>): string {
  return sorted(counts).map(([policy, n]) => `${policy} ${n}`).join(', ');
}
