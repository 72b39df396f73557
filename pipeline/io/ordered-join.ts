/**
 * Joins a per-episode table to the episode stream by id without holding it: the label and cluster
 * stages write their rows in episode order, leaving some episodes out, so each row is found at the head
 * of its stream. A table in another order is detected (rows left over) and the caller falls back to a map.
 */

/** Rows of one table, taken in step with the episodes. */
export class OrderedJoin<R extends { id: string }> {
  private readonly rows: AsyncIterator<R>;
  private head: R | undefined;
  private started = false;
  private done = false;

  constructor(rows: AsyncIterable<R>) {
    this.rows = rows[Symbol.asyncIterator]();
  }

  /** The row of this episode when it is the next row of the table; undefined otherwise. */
  async take(id: string): Promise<R | undefined> {
    if (!this.started) await this.advance();
    if (this.head === undefined || this.head.id !== id) return undefined;
    const row = this.head;
    await this.advance();
    return row;
  }

  /** True when rows remain that matched no episode: the table was not in episode order. */
  async leftOver(): Promise<boolean> {
    if (!this.started) await this.advance();
    return !this.done;
  }

  private async advance(): Promise<void> {
    this.started = true;
    const next = await this.rows.next();
    this.done = next.done === true;
    this.head = next.done ? undefined : next.value;
  }
}

/** A table's rows by id (the fallback when it is not in episode order). */
export async function rowsById<R extends { id: string }>(rows: AsyncIterable<R>): Promise<Map<string, R>> {
  const map = new Map<string, R>();
  for await (const row of rows) map.set(row.id, row);
  return map;
}
