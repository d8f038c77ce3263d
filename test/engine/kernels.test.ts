import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateWeightGrads, affine, backThrough } from '../../engine/kernels.ts';
import { createRng } from '../../engine/prng.ts';

// Oracle: the textbook triple loops, element by element. Sizes cover the 4-way blocks and their remainders.
const shapes = fc.record({
  n: fc.integer({ min: 1, max: 11 }),
  inSize: fc.integer({ min: 1, max: 9 }),
  outSize: fc.integer({ min: 1, max: 9 }),
  seed: fc.nat(),
});
const random = (seed: number, length: number) => {
  const rng = createRng(seed);
  return Float64Array.from({ length }, () => rng.normal());
};
const PRECISION = 12;

describe('dense-layer kernels', () => {
  it('affine: Z[i][j] = b[j] + Σ_k W[j][k]·A[i][k]', () => {
    fc.assert(
      fc.property(shapes, ({ n, inSize, outSize, seed }) => {
        const A = random(seed, n * inSize);
        const W = random(seed + 1, outSize * inSize);
        const b = random(seed + 2, outSize);
        const Z = new Float64Array(n * outSize);
        affine({ A, W, b, Z, n, inSize, outSize });
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < outSize; j++) {
            let s = b[j]!;
            for (let k = 0; k < inSize; k++) s += W[j * inSize + k]! * A[i * inSize + k]!;
            expect(Z[i * outSize + j]).toBeCloseTo(s, PRECISION);
          }
        }
      }),
    );
  });

  it('backThrough: D[i][k] = Σ_j G[i][j]·W[j][k]', () => {
    fc.assert(
      fc.property(shapes, ({ n, inSize, outSize, seed }) => {
        const G = random(seed, n * outSize);
        const W = random(seed + 1, outSize * inSize);
        const D = new Float64Array(n * inSize);
        backThrough({ G, W, D, n, inSize, outSize });
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < inSize; k++) {
            let s = 0;
            for (let j = 0; j < outSize; j++) s += G[i * outSize + j]! * W[j * inSize + k]!;
            expect(D[i * inSize + k]).toBeCloseTo(s, PRECISION);
          }
        }
      }),
    );
  });

  it('accumulateWeightGrads: gW[j][k] += Σ_i G[i][j]·A[i][k], gb[j] += Σ_i G[i][j]', () => {
    fc.assert(
      fc.property(shapes, ({ n, inSize, outSize, seed }) => {
        const G = random(seed, n * outSize);
        const A = random(seed + 1, n * inSize);
        const gW = random(seed + 2, outSize * inSize);
        const gb = random(seed + 3, outSize);
        const [gW0, gb0] = [gW.slice(), gb.slice()];
        accumulateWeightGrads({ G, A, gW, gb, n, inSize, outSize });
        for (let j = 0; j < outSize; j++) {
          let sb = gb0[j]!;
          for (let i = 0; i < n; i++) sb += G[i * outSize + j]!;
          expect(gb[j]).toBeCloseTo(sb, PRECISION);
          for (let k = 0; k < inSize; k++) {
            let s = gW0[j * inSize + k]!;
            for (let i = 0; i < n; i++) s += G[i * outSize + j]! * A[i * inSize + k]!;
            expect(gW[j * inSize + k]).toBeCloseTo(s, PRECISION);
          }
        }
      }),
    );
  });
});
