import { estimatorFunction, type Estimator } from '../stats/pass-at-k';

/**
 * Per-task estimates for every k, computed once per (n, c) and shared by every task with the same
 * counts: with n = 64 there are at most 65 distinct rows, however many tasks and resamples.
 */
export class EstimateTable {
  private readonly rows = new Map<number, Float64Array>();
  private readonly estimate: (n: number, c: number, k: number) => number;

  /** A cache for one estimator. */
  constructor(readonly estimator: Estimator) {
    this.estimate = estimatorFunction(estimator);
  }

  /** The estimates for k = 1..n (index k - 1) of a task with n episodes and c correct. */
  row(n: number, c: number): Float64Array {
    // n and c are small non-negative integers, so this key is unique and cheaper than a string
    const key = n * 4294967296 + c;
    let row = this.rows.get(key);
    if (!row) {
      row = new Float64Array(n);
      for (let k = 1; k <= n; k++) row[k - 1] = this.estimate(n, c, k);
      this.rows.set(key, row);
    }
    return row;
  }
}
