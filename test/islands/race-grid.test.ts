import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../engine/datasets.ts';
import { createMlp, predict, type MlpConfig } from '../../engine/mlp.ts';
import { gridBounds, gridPoints, predictGrid } from '../../src/islands/race-grid.ts';

const data = makeDataset({ name: 'moons', n: 60, seed: 3 });
const net = (extra: Partial<MlpConfig> = {}) =>
  createMlp({ inputSize: 2, hidden: [{ width: 5, activation: 'sigmoid' }, { width: 5, activation: 'relu' }], init: { kind: 'xavier-normal' }, seed: 9, ...extra });
const TOL = 1e-6; // Float32 output

describe('the decision-boundary grid', () => {
  it('matches the engine’s predict for a network without batch norm', () => {
    const mlp = net({ residual: true });
    const G = gridPoints(gridBounds(data), 7);
    const want = predict(mlp, G, 49);
    const got = predictGrid(mlp, data, G, 49);
    got.forEach((p, i) => expect(Math.abs(p - want[i]!)).toBeLessThan(TOL));
  });

  it('uses the training set’s batch statistics: on the training points it equals predict in training mode', () => {
    const mlp = net({ batchNorm: true });
    const want = predict(mlp, data.X, data.n);
    const got = predictGrid(mlp, data, data.X, data.n);
    got.forEach((p, i) => expect(Math.abs(p - want[i]!)).toBeLessThan(TOL));
  });

  it('covers the data with a margin, row 0 at the top', () => {
    const [lo, hi] = gridBounds(data);
    for (const v of data.X) expect(v > lo && v < hi).toBe(true);
    const G = gridPoints([0, 1], 2);
    expect([...G]).toEqual([0.25, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.25]);
  });
});
