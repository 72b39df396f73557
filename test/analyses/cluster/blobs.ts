/** Seeded Gaussian blobs with known membership, for clustering tests. */
import { createRng } from '../../../analyses/random/rng';

/** `perBlob` points around each centre (standard deviation `spread`), with the blob index of each point. */
export function blobs(centres: number[][], perBlob: number, spread: number, seed = 1): { data: number[][]; truth: number[] } {
  const rng = createRng(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const data: number[][] = [];
  const truth: number[] = [];
  centres.forEach((centre, c) => {
    for (let i = 0; i < perBlob; i++) {
      data.push(centre.map((x) => x + spread * gaussian()));
      truth.push(c);
    }
  });
  return { data, truth };
}
