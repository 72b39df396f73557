/**
 * Weighted draws from a fixed set of options (a strategy mixture, a step's phrasings), precomputed as
 * a cumulative table because millions of episodes draw from the same few tables.
 */
import type { Rng } from '../../analyses/random/rng';

/** A weighted set of options. */
export class Sampler<T extends string> {
  readonly options: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(weights: Readonly<Record<string, number>>) {
    const entries = Object.entries(weights).filter(([, w]) => w > 0);
    if (entries.length === 0) throw new Error('a sampler needs at least one positive weight');
    this.options = entries.map(([option]) => option as T);
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let running = 0;
    this.cumulative = Float64Array.from(entries, ([, w]) => (running += w / total));
  }

  /** Normalised probability of each option. */
  probabilities(): Record<T, number> {
    const out = {} as Record<T, number>;
    this.options.forEach((option, i) => (out[option] = this.cumulative[i]! - (i > 0 ? this.cumulative[i - 1]! : 0)));
    return out;
  }

  /** One weighted draw, optionally excluding some options (their weight is removed and the rest renormalised). */
  draw(rng: Rng, exclude?: ReadonlySet<string>): T | undefined {
    if (!exclude || exclude.size === 0) {
      const u = rng.next();
      for (let i = 0; i < this.cumulative.length; i++) if (u < this.cumulative[i]!) return this.options[i]!;
      return this.options[this.options.length - 1]!;
    }
    let total = 0;
    for (let i = 0; i < this.options.length; i++) if (!exclude.has(this.options[i]!)) total += this.weight(i);
    if (total <= 0) return undefined;
    let u = rng.next() * total;
    for (let i = 0; i < this.options.length; i++) {
      if (exclude.has(this.options[i]!)) continue;
      u -= this.weight(i);
      if (u < 0) return this.options[i]!;
    }
    for (let i = this.options.length - 1; i >= 0; i--) if (!exclude.has(this.options[i]!)) return this.options[i]!;
    return undefined;
  }

  private weight(i: number): number {
    return this.cumulative[i]! - (i > 0 ? this.cumulative[i - 1]! : 0);
  }
}
