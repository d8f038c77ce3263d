/** Where the decision maps sample the plane: a square grid over the data, row 0 at the top. */
import type { Dataset } from '../../../engine/datasets.ts';

/** The square [lo, hi]² the grid covers: the data's extent with a margin. */
export function gridBounds(data: Pick<Dataset, 'X'>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data.X) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** Grid cell centres, row-major from the top row (largest y) down, as an (size²) × 2 matrix. */
export function gridPoints(bounds: [number, number], size: number): Float64Array {
  const [lo, hi] = bounds;
  const X = new Float64Array(size * size * 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = (r * size + c) * 2;
      X[i] = lo + ((c + 0.5) / size) * (hi - lo);
      X[i + 1] = hi - ((r + 0.5) / size) * (hi - lo);
    }
  }
  return X;
}
