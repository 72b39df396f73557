import { WORKER_ITEM_BYTES, type WorkerPool } from '../runner/worker-pool';

/** How items are grouped for the workers. */
export interface BatchLimits {
  /** Items per batch. */
  items: number;
  /** Bytes per batch (a batch closes at whichever limit comes first). */
  bytes: number;
}

/**
 * Feeds items to a worker pool in batches and hands every result to `consume` strictly in input order,
 * with a bounded read-ahead (two batches per worker), so memory stays flat and outputs never depend on
 * timing. Without a pool, or for an item too large for a worker's heap, the item is handled on this
 * thread — in its place in the order, after every earlier result.
 */
export class OrderedBatches<Item, Result> {
  private batch: Item[] = [];
  private batchBytes = 0;
  private readonly pending: Promise<Result[]>[] = [];

  constructor(
    private readonly pool: WorkerPool<Item[], Result[]> | undefined,
    private readonly here: (item: Item) => Result,
    private readonly consume: (result: Result) => Promise<void>,
    private readonly limits: BatchLimits,
  ) {}

  /** Adds one item of `bytes` bytes. */
  async add(item: Item, bytes: number): Promise<void> {
    if (!this.pool) return this.consume(this.here(item));
    if (bytes > WORKER_ITEM_BYTES) {
      await this.flush();
      return this.consume(this.here(item));
    }
    this.batch.push(item);
    this.batchBytes += bytes;
    if (this.batch.length >= this.limits.items || this.batchBytes >= this.limits.bytes) {
      this.send();
      await this.drain(2 * this.pool.size);
    }
  }

  /** Sends the open batch and consumes every outstanding result. */
  async flush(): Promise<void> {
    this.send();
    await this.drain(0);
  }

  private send(): void {
    if (this.batch.length === 0) return;
    this.pending.push(this.pool!.submit(this.batch));
    this.batch = [];
    this.batchBytes = 0;
  }

  private async drain(keep: number): Promise<void> {
    while (this.pending.length > keep) {
      for (const result of await this.pending.shift()!) await this.consume(result);
    }
  }
}
