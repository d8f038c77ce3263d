import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BN_EPSILON, batchNormBackward, batchNormForward } from '../../engine/batchnorm.ts';
import { createRng } from '../../engine/prng.ts';
import { centralDifference, expectGradientClose } from './support.ts';

const N = 7;
const WIDTH = 3;

/** A random batch, γ, β and upstream weights c, for the scalar objective L = Σ c ⊙ u. */
const problem = (seed: number) => {
  const rng = createRng(seed);
  const fill = (n: number, f: () => number) => Float64Array.from({ length: n }, f);
  return {
    z: fill(N * WIDTH, () => 2 * rng.normal() + 1),
    gamma: fill(WIDTH, () => 0.5 + rng.next()),
    beta: fill(WIDTH, () => rng.normal()),
    c: fill(N * WIDTH, () => rng.normal()),
  };
};

const run = (z: Float64Array, gamma: Float64Array, beta: Float64Array) => {
  const zhat = new Float64Array(z.length);
  const u = new Float64Array(z.length);
  const invStd = new Float64Array(WIDTH);
  batchNormForward(z, { n: N, width: WIDTH, gamma, beta }, { zhat, u, invStd });
  return { zhat, u, invStd };
};

const objective = (c: Float64Array, u: Float64Array) => u.reduce((s, v, i) => s + c[i]! * v, 0);

describe('batchNormForward', () => {
  it('gives each column mean 0 and variance σ²/(σ² + ε) before γ and β', () => {
    const { z, gamma, beta } = problem(1);
    const { zhat, u } = run(z, gamma, beta);
    for (let j = 0; j < WIDTH; j++) {
      const col = (a: Float64Array) => Array.from({ length: N }, (_, i) => a[i * WIDTH + j]!);
      const zc = col(z);
      const m = zc.reduce((s, v) => s + v, 0) / N;
      const v = zc.reduce((s, x) => s + (x - m) ** 2, 0) / N;
      const h = col(zhat);
      expect(h.reduce((s, x) => s + x, 0) / N).toBeCloseTo(0, 12);
      expect(h.reduce((s, x) => s + x * x, 0) / N).toBeCloseTo(v / (v + BN_EPSILON), 12);
      col(u).forEach((x, i) => expect(x).toBeCloseTo(gamma[j]! * h[i]! + beta[j]!, 12));
    }
  });
});

describe('batchNormBackward', () => {
  it('matches finite differences for z, γ and β (every example moves the batch statistics)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const { z, gamma, beta, c } = problem(seed);
        const { zhat, invStd } = run(z, gamma, beta);
        const dZ = new Float64Array(z.length);
        const dGamma = new Float64Array(WIDTH);
        const dBeta = new Float64Array(WIDTH);
        batchNormBackward(c, { n: N, width: WIDTH, gamma }, { zhat, invStd }, { dZ, dGamma, dBeta });
        const along = (array: Float64Array, i: number) => (x: number) => {
          const saved = array[i]!;
          array[i] = x;
          const value = objective(c, run(z, gamma, beta).u);
          array[i] = saved;
          return value;
        };
        z.forEach((v, i) => expectGradientClose(dZ[i]!, centralDifference(along(z, i), v), `∂L/∂z[${i}]`));
        gamma.forEach((v, j) => expectGradientClose(dGamma[j]!, centralDifference(along(gamma, j), v), `∂L/∂γ[${j}]`));
        beta.forEach((v, j) => expectGradientClose(dBeta[j]!, centralDifference(along(beta, j), v), `∂L/∂β[${j}]`));
      }),
      { numRuns: 25 },
    );
  });

  it('sends back a gradient that sums to zero over the batch: shifting a whole column changes nothing', () => {
    const { z, gamma, beta, c } = problem(3);
    const { zhat, invStd } = run(z, gamma, beta);
    const dZ = new Float64Array(z.length);
    batchNormBackward(
      c,
      { n: N, width: WIDTH, gamma },
      { zhat, invStd },
      { dZ, dGamma: new Float64Array(WIDTH), dBeta: new Float64Array(WIDTH) },
    );
    for (let j = 0; j < WIDTH; j++) {
      let s = 0;
      for (let i = 0; i < N; i++) s += dZ[i * WIDTH + j]!;
      expect(s).toBeCloseTo(0, 12);
    }
  });
});
