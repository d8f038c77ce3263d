import { describe, expect, it } from 'vitest';
import { backwardInto, createWorkspace, forwardInto } from '../../engine/backprop.ts';
import { createMlp, forward, lossAndGradients, zeroGrads, type MlpConfig } from '../../engine/mlp.ts';
import { createRng } from '../../engine/prng.ts';

const config: MlpConfig = {
  inputSize: 2,
  hidden: [
    { width: 3, activation: 'tanh' },
    { width: 3, activation: 'relu' },
  ],
  init: { kind: 'he' },
  residual: true,
  batchNorm: true,
  seed: 7,
};
const batch = (seed: number, n: number) => {
  const rng = createRng(seed);
  return { X: Float64Array.from({ length: 2 * n }, () => rng.normal()), y: Float64Array.from({ length: n }, (_, i) => i % 2) };
};

describe('workspaces', () => {
  it('give the same forward pass when reused as fresh arrays do', () => {
    const mlp = createMlp(config);
    const ws = createWorkspace(mlp, 5);
    forwardInto(mlp, batch(1, 5).X, ws);
    const second = batch(2, 5).X;
    forwardInto(mlp, second, ws);
    expect(ws.layers.map((l) => [...l.a])).toEqual(forward(mlp, second, 5).layers.map((l) => [...l.a]));
  });

  it('carry nothing from one lossAndGradients call to the next', () => {
    const used = createMlp(config);
    lossAndGradients(used, batch(1, 8).X, batch(1, 8).y, 8);
    lossAndGradients(used, batch(3, 4).X, batch(3, 4).y, 4);
    const { X, y } = batch(2, 8);
    expect(lossAndGradients(used, X, y, 8)).toEqual(lossAndGradients(createMlp(config), X, y, 8));
  });

  it('propagate the same signal whether or not parameter gradients are collected', () => {
    const mlp = createMlp(config);
    const { X } = batch(4, 6);
    const run = (collect: boolean) => {
      const ws = createWorkspace(mlp, 6);
      forwardInto(mlp, X, ws);
      const dA = new Float64Array(6 * 3).fill(1);
      return backwardInto(mlp, ws, { dA, top: 1, grads: collect ? zeroGrads(mlp) : null }).map((d) => [...d]);
    };
    expect(run(false)).toEqual(run(true));
  });
});
