/**
 * A 2-D PCA projection for the cluster map, fitted with `ml-pca` on a sample and applied to every episode
 * by a dot product (cheap enough for millions of rows). Each axis's sign is fixed so that its largest
 * loading is positive, so the map does not flip between runs or library versions.
 */
import { PCA } from 'ml-pca';

/** A fitted projection: the centre and two unit axes. */
export interface Projection {
  mean: number[];
  axes: number[][];
  /** Share of variance along each axis. */
  explained: number[];
}

/** Fits the first two principal axes of the rows (fewer when the data has fewer dimensions or rows). */
export function fitProjection(rows: number[][]): Projection {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  if (rows.length < 2 || d === 0) return { mean, axes: [], explained: [] };
  for (const row of rows) row.forEach((value, j) => (mean[j]! += value / rows.length));
  const pca = new PCA(rows, { center: true, scale: false });
  const vectors = pca.getEigenvectors();
  const variance = pca.getExplainedVariance();
  const components = Math.min(2, vectors.columns);
  const axes: number[][] = [];
  for (let c = 0; c < components; c++) {
    const axis = vectors.getColumn(c);
    let peak = 0;
    for (const value of axis) if (Math.abs(value) > Math.abs(peak) + 1e-12) peak = value;
    axes.push(peak < 0 ? axis.map((value) => -value) : axis);
  }
  return { mean, axes, explained: variance.slice(0, components).map((value) => (Number.isFinite(value) ? value : 0)) };
}

/** Projects one row onto the axes ([pc1, pc2]; 0 for a missing axis). */
export function project(projection: Projection, row: ArrayLike<number>): [number, number] {
  const out: [number, number] = [0, 0];
  projection.axes.forEach((axis, c) => {
    let total = 0;
    for (let j = 0; j < axis.length; j++) total += (row[j]! - projection.mean[j]!) * axis[j]!;
    out[c] = total;
  });
  return out;
}
