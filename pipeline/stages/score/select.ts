/**
 * Which episodes the score stage scores: those of the chosen policies (every policy by default) that
 * have steps (a `missing` trace has none; a `partial` one is scored as far as it goes), only the correct
 * ones with --only-correct, and at most `samples` per (policy, task, budget): the lowest sample indices
 * (episodes without one after them, in ingest's order), so the same data gives the same picks whatever
 * order its file is in. Every episode ingest accepted is counted as picked or left out with its reason.
 */
import { isOutcomeOnly, type EpisodeRow } from '../../../analyses/episode';
import type { EpisodeAccount } from '../../runner/episode-account';

/** The selection rules. */
export interface ScoreSelection {
  /** Policies to score; null: every policy. */
  policies: ReadonlySet<string> | null;
  onlyCorrect: boolean;
  /** Episodes per (policy, task, budget); 0: all. */
  samples: number;
}

/** Picks episodes as they stream past, counting the others in the account; `picked()` applies the cap. */
export class EpisodePicker {
  private readonly cells = new Map<string, { row: EpisodeRow; order: number }[]>();
  private seen = 0;

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
    const list = this.cells.get(cell) ?? [];
    list.push({ row, order: this.seen++ });
    this.cells.set(cell, list);
  }

  /** The picked episodes by id, in ingest's order; those over the cap are counted as left out. */
  picked(): Map<string, EpisodeRow> {
    const kept: { row: EpisodeRow; order: number }[] = [];
    for (const list of this.cells.values()) {
      list.sort((a, b) => (a.row.sample ?? Infinity) - (b.row.sample ?? Infinity) || a.order - b.order);
      list.forEach((entry, i) => {
        if (this.rules.samples > 0 && i >= this.rules.samples) this.account.leaveOut('over_sample_cap', entry.row.policy);
        else kept.push(entry);
      });
    }
    return new Map(kept.sort((a, b) => a.order - b.order).map(({ row }) => [row.id, row]));
  }
}
