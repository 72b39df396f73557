/**
 * XSadd (Saito & Matsumoto), exactly as `ml-xsadd` 3 computes it — the generator `ml-kmeans` seeds for
 * its k-means++ initialization, so the fast k-means (analyses/cluster/lloyd.ts) draws the same numbers.
 */

const LOOP = 8;
const FLOAT_MUL = 1 / 16777216;

function multiplyUint32(n: number, m: number): number {
  n >>>= 0;
  m >>>= 0;
  const nlo = n & 0xffff;
  const nhi = n - nlo;
  return (((nhi * m) >>> 0) + nlo * m) >>> 0;
}

/** A seeded XSadd stream of floats in [0, 1) with 24 bits. */
export function xsadd(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new TypeError('seed must be an integer');
  const state = new Uint32Array(4);
  state[0] = seed;
  for (let i = 1; i < LOOP; i++) {
    state[i & 3]! ^= (i + multiplyUint32(1812433253, state[(i - 1) & 3]! ^ ((state[(i - 1) & 3]! >>> 30) >>> 0))) >>> 0;
  }
  if (state[0] === 0 && state[1] === 0 && state[2] === 0 && state[3] === 0) state.set([88, 83, 65, 68]);
  const next = (): void => {
    let t = state[0]!;
    t ^= t << 15;
    t ^= t >>> 18;
    t ^= state[3]! << 11;
    state[0] = state[1]!;
    state[1] = state[2]!;
    state[2] = state[3]!;
    state[3] = t;
  };
  for (let i = 0; i < LOOP; i++) next();
  return () => {
    next();
    return (((state[3]! + state[2]!) >>> 0) >>> 8) * FLOAT_MUL;
  };
}
