/**
 * Seeded 2-D binary classification datasets for the training figures. Each
 * point cloud is roughly centred on the origin with coordinates of order 1,
 * so no network needs input scaling. Rows are shuffled with the same seed.
 */
import { cos, sin } from './libm.ts';
import { createRng, shuffleInPlace, type Rng } from './prng.ts';

import { DEFAULT_NOISE, type DatasetName } from './dataset-names.ts';

export { DATASET_NAMES, DEFAULT_NOISE, type DatasetName } from './dataset-names.ts';

export interface Dataset {
  name: DatasetName;
  /** Number of points. */
  n: number;
  dims: 2;
  /** n × 2, row-major: point i is (X[2i], X[2i+1]). */
  X: Float64Array;
  /** Labels, 0 or 1. */
  y: Float64Array;
}

export interface DatasetOptions {
  name: DatasetName;
  /** Number of points; the two classes get ⌈n/2⌉ and ⌊n/2⌋. */
  n: number;
  /** Standard deviation of the Gaussian jitter added to each coordinate; defaults per dataset. */
  noise?: number;
  seed: number;
}

/** A point of class `label` given its index i among m points of that class. */
type Generator = (rng: Rng, label: 0 | 1, i: number, m: number) => [number, number];

const GENERATORS: Readonly<Record<DatasetName, Generator>> = {
  // Two interleaved half circles (as scikit-learn's make_moons), shifted by (−0.5, −0.25) to centre them.
  moons: (_rng, label, i, m) => {
    const t = (Math.PI * i) / Math.max(1, m - 1);
    return label === 0 ? [cos(t) - 0.5, sin(t) - 0.25] : [1 - cos(t) - 0.5, 0.5 - sin(t) - 0.25];
  },
  // Class 0 on the unit circle, class 1 on a circle of radius 0.5 inside it.
  circles: (_rng, label, i, m) => {
    const t = (2 * Math.PI * i) / m;
    const r = label === 0 ? 1 : 0.5;
    return [r * cos(t), r * sin(t)];
  },
  // Uniform in the square [−1, 1]²; class 1 where the coordinates' signs differ. Rejection keeps the class sizes.
  xor: (rng, label) => {
    for (;;) {
      const p: [number, number] = [2 * rng.next() - 1, 2 * rng.next() - 1];
      if ((p[0] * p[1] < 0 ? 1 : 0) === label) return p;
    }
  },
  // Two arms winding 1.75 turns out of the origin, the second rotated by π.
  spiral: (_rng, label, i, m) => {
    const t = (i + 1) / m;
    const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
    return [t * sin(angle), t * cos(angle)];
  },
};

/** Builds a dataset; the same options always give the same points. */
export function makeDataset(options: DatasetOptions): Dataset {
  const { name, n, seed } = options;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a dataset needs an integer n ≥ 2, got ${n}`);
  const noise = options.noise ?? DEFAULT_NOISE[name];
  const rng = createRng(seed);
  const counts = [Math.ceil(n / 2), Math.floor(n / 2)] as const;
  const raw: { p: [number, number]; label: 0 | 1 }[] = [];
  for (const label of [0, 1] as const) {
    for (let i = 0; i < counts[label]; i++) raw.push({ p: GENERATORS[name](rng, label, i, counts[label]), label });
  }
  const order = shuffleInPlace(
    rng,
    Array.from({ length: n }, (_, i) => i),
  );
  const X = new Float64Array(2 * n);
  const y = new Float64Array(n);
  order.forEach((from, to) => {
    const { p, label } = raw[from]!;
    X[2 * to] = p[0] + noise * rng.normal();
    X[2 * to + 1] = p[1] + noise * rng.normal();
    y[to] = label;
  });
  return { name, n, dims: 2, X, y };
}
