/**
 * A seeded uniform sample of a stream of unknown length (reservoir sampling, Algorithm R): memory stays
 * at `capacity` items however long the stream is, and the same seed and order give the same sample.
 */
import type { Rng } from '../random/rng';

/** A fixed-size uniform sample of everything offered to it. */
export class Reservoir<T> {
  private readonly items: T[] = [];
  private readonly positions: number[] = [];
  private offered = 0;

  constructor(
    private readonly capacity: number,
    private readonly rng: Rng,
  ) {}

  /** Offers the next item of the stream. */
  offer(item: T): void {
    const position = this.offered++;
    if (this.items.length < this.capacity) {
      this.items.push(item);
      this.positions.push(position);
      return;
    }
    const slot = this.rng.int(this.offered);
    if (slot < this.capacity) {
      this.items[slot] = item;
      this.positions[slot] = position;
    }
  }

  /** How many items were offered. */
  get seen(): number {
    return this.offered;
  }

  /** The sample, in stream order. */
  sample(): T[] {
    const order = this.positions.map((position, index) => [position, index] as const).sort((a, b) => a[0] - b[0]);
    return order.map(([, index]) => this.items[index]!);
  }

  /** The stream positions (0-based) of the sampled items, ascending. */
  samplePositions(): number[] {
    return [...this.positions].sort((a, b) => a - b);
  }
}
