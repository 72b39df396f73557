/**
 * Which episodes the score stage scores: those of the chosen policies (every policy by default) that
 * have steps (a `missing` trace has none; a `partial` one is scored as far as it goes), only the correct
 * ones with --only-correct, at most `samples` per (policy, task, budget) in ingest's order.
 * Every episode ingest accepted is counted as selected or left out with its reason.
 */
import { isOutcomeOnly, type EpisodeRow } from '../../../analyses/episode';
import { EpisodeAccount } from '../../runner/episode-account';

/** The selection rules. */
export interface ScoreSelection {
  /** Policies to score; null: every policy. */
  policies: ReadonlySet<string> | null;
  onlyCorrect: boolean;
  /** Episodes per (policy, task, budget); 0: all. */
  samples: number;
}

/** Picks episodes as they stream past, counting the others in the account. */
export class EpisodePicker {
  /** The picked episodes by id, in ingest order. */
  readonly picked = new Map<string, EpisodeRow>();
  private readonly perCell = new Map<string, number>();

  constructor(
    private readonly rules: ScoreSelection,
    private readonly account: EpisodeAccount,
  ) {}

  /** Considers one episode. */
  offer(row: EpisodeRow): void {
    if (this.rules.policies && !this.rules.policies.has(row.policy)) return this.account.leaveOut('policy_not_scored', row.policy);
    if (isOutcomeOnly(row)) return this.account.leaveOut('trace_missing', row.policy);
    if (this.rules.onlyCorrect && !row.correct) return this.account.leaveOut('incorrect', row.policy);
    const cell = `${row.policy}\u0000${row.task}\u0000${row.budget ?? ''}`;
    const taken = this.perCell.get(cell) ?? 0;
    if (this.rules.samples > 0 && taken >= this.rules.samples) return this.account.leaveOut('over_sample_cap', row.policy);
    this.perCell.set(cell, taken + 1);
    this.picked.set(row.id, row);
  }
}
