/**
 * The decision boundary: P(class 1) over a grid covering the dataset. Batch
 * norm runs in inference mode, with each unit's mean and variance taken over
 * the whole training set (training is full-batch, so these are exactly the
 * statistics the network was trained with), not over the grid.
 */
import { ACTIVATIONS } from '../../engine/activations.ts';
import { BN_EPSILON } from '../../engine/batchnorm.ts';
import type { Dataset } from '../../engine/datasets.ts';
import { forward, type Mlp } from '../../engine/mlp.ts';

/** The square [lo, hi]² the grid covers: the data's extent with a margin. */
export function gridBounds(data: Dataset): [number, number] {
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

/** P(class 1) at each of the m rows of G, with batch-norm statistics from the training data. */
export function predictGrid(mlp: Mlp, data: Dataset, G: Float64Array, m: number): Float32Array {
  const train = mlp.layers.some((l) => l.gamma) ? forward(mlp, data.X, data.n) : undefined;
  let input = G;
  for (const [l, layer] of mlp.layers.entries()) {
    const { inSize, outSize, W, b, gamma, beta } = layer;
    const f = ACTIVATIONS[layer.activation].f;
    let mean: Float64Array | undefined;
    let inv: Float64Array | undefined;
    if (gamma && train) {
      const z = train.layers[l]!.z;
      mean = new Float64Array(outSize);
      inv = new Float64Array(outSize);
      for (let j = 0; j < outSize; j++) {
        let s = 0;
        for (let i = 0; i < data.n; i++) s += z[i * outSize + j]!;
        mean[j] = s / data.n;
        let v = 0;
        for (let i = 0; i < data.n; i++) v += (z[i * outSize + j]! - mean[j]!) ** 2;
        inv[j] = 1 / Math.sqrt(v / data.n + BN_EPSILON);
      }
    }
    const out = new Float64Array(m * outSize);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < outSize; j++) {
        let z = b[j]!;
        for (let k = 0; k < inSize; k++) z += W[j * inSize + k]! * input[i * inSize + k]!;
        const u = mean && inv && gamma && beta ? gamma[j]! * (z - mean[j]!) * inv[j]! + beta[j]! : z;
        out[i * outSize + j] = f(u) + (layer.residual ? input[i * inSize + j]! : 0);
      }
    }
    input = out;
  }
  return Float32Array.from(input);
}
