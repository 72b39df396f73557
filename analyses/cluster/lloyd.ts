/**
 * k-means (k-means++ initialization, then Lloyd's iterations) computing exactly what `ml-kmeans` 7.0.1
 * computes — the same random draws, the same sums in the same order, the same ties and stopping rule —
 * without its per-distance allocations (a copy of both rows for every point-candidate pair), which made
 * the k search the largest fixed cost of the cluster stage. `test/analyses/cluster/lloyd.test.ts`
 * checks it against the library.
 */
import { xsadd } from '../random/xsadd';

const TOLERANCE = 1e-6;
const PROBABILITY_TOLERANCE = 1e-8;

function squaredEuclidean(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) d += (p[i]! - q[i]!) * (p[i]! - q[i]!);
  return d;
}

/** The final centroids of k-means on `data` from the seeded k-means++ start (at most `maxIterations` steps). */
export function lloyd(data: readonly number[][], k: number, seed: number, maxIterations = 100): number[][] {
  if (k <= 0 || k > data.length || !Number.isInteger(k)) throw new Error('K should be a positive integer smaller than the number of points');
  let centers = kmeansPlusPlus(data, k, seed);
  const assignment = new Array<number>(data.length);
  const limit = maxIterations === 0 ? Number.MAX_VALUE : maxIterations;
  for (let step = 1; step <= limit; step++) {
    for (let i = 0; i < data.length; i++) assignment[i] = nearest(centers, data[i]!);
    const next = updateCenters(centers, data, assignment, k);
    const converged = next.every((center, c) => !(squaredEuclidean(center, centers[c]!) > TOLERANCE));
    centers = next;
    if (converged) break;
  }
  return centers;
}

// ml-nearest-vector: the first centre at the smallest squared distance below Number.MAX_VALUE.
function nearest(centers: readonly number[][], point: readonly number[]): number {
  let index = -1;
  let min = Number.MAX_VALUE;
  for (let c = 0; c < centers.length; c++) {
    const d = squaredEuclidean(point, centers[c]!);
    if (d < min) {
      min = d;
      index = c;
    }
  }
  return index;
}

function updateCenters(previous: readonly number[][], data: readonly number[][], assignment: readonly number[], k: number): number[][] {
  const dims = data[0]!.length;
  const centers = Array.from({ length: k }, () => new Array<number>(dims).fill(0));
  const sizes = new Array<number>(k).fill(0);
  for (let l = 0; l < data.length; l++) {
    const c = assignment[l]!;
    sizes[c]! += 1;
    const center = centers[c]!;
    const point = data[l]!;
    for (let d = 0; d < dims; d++) center[d]! += point[d]!;
  }
  for (let c = 0; c < k; c++) for (let d = 0; d < dims; d++) centers[c]![d] = sizes[c] ? centers[c]![d]! / sizes[c]! : previous[c]![d]!;
  return centers;
}

// ml-kmeans' kmeanspp: the first centre uniformly, then of 2 + ⌊ln k⌋ candidates drawn with probability
// proportional to the squared distance, the one that lowers the total squared distance most.
function kmeansPlusPlus(data: readonly number[][], k: number, seed: number): number[][] {
  const n = data.length;
  const random = xsadd(seed);
  const trials = 2 + Math.floor(Math.log(k));
  const centers: number[][] = [[...data[Math.floor(random() * n)]!]];
  let closest = Float64Array.from(data, (point) => squaredEuclidean(point, centers[0]!));
  let probabilities = scaled(closest);
  for (let i = 1; i < k; i++) {
    const candidates = choose(n, trials, probabilities, random);
    let best = Number.POSITIVE_INFINITY;
    let bestPotential = Number.POSITIVE_INFINITY;
    let bestClosest = closest;
    for (const candidate of candidates) {
      const point = data[candidate]!;
      const next = new Float64Array(n);
      let potential = 0;
      for (let j = 0; j < n; j++) {
        next[j] = Math.min(closest[j]!, squaredEuclidean(point, data[j]!));
        potential += next[j]!;
      }
      if (potential < bestPotential) {
        best = candidate;
        bestPotential = potential;
        bestClosest = next;
      }
    }
    centers[i] = [...data[best]!];
    closest = bestClosest;
    probabilities = scaled(closest);
  }
  return centers;
}

// Matrix.mul(closest, 1 / xSum(closest)): a product by the reciprocal, as the library computes it.
function scaled(values: Float64Array): Float64Array {
  let sum = values[0]!;
  for (let i = 1; i < values.length; i++) sum += values[i]!;
  const factor = 1 / sum;
  return values.map((value) => value * factor);
}

// ml-random's choice with replacement and probabilities: a linear search of the cumulative sums.
function choose(n: number, size: number, probabilities: Float64Array, random: () => number): number[] {
  const cumulative = new Array<number>(n);
  cumulative[0] = probabilities[0]!;
  for (let i = 1; i < n; i++) cumulative[i] = cumulative[i - 1]! + probabilities[i]!;
  if (Math.abs(1 - cumulative[n - 1]!) > PROBABILITY_TOLERANCE) throw new Error(`probabilities should sum to 1, but instead sums to ${cumulative[n - 1]}`);
  const chosen: number[] = [];
  for (let s = 0; s < size; s++) {
    const draw = random();
    let index = 0;
    while (draw > cumulative[index]!) index += 1;
    chosen.push(index);
  }
  return chosen;
}
