import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../engine/activations.ts';
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { bceWithLogit, createMlp, forward, lossAndGradients, predict, type LayerGrads, type MlpConfig } from '../../engine/mlp.ts';
import { createRng } from '../../engine/prng.ts';
import { centralDifference, expectGradientClose } from './support.ts';

const KINKED = new Set<ActivationName>(['relu', 'leaky-relu']);
/** Configurations whose ReLU arguments come closer than this to 0 are skipped (no derivative at the kink). */
const KINK_MARGIN = 1e-4;

const batch = (seed: number, n: number, dims: number) => {
  const rng = createRng(seed);
  return {
    X: Float64Array.from({ length: n * dims }, () => rng.normal()),
    y: Float64Array.from({ length: n }, (_, i) => i % 2),
  };
};

/** BCE written out from probabilities, independently of the engine's logit form. */
const naiveLoss = (p: Float64Array, y: Float64Array) =>
  p.reduce((s, pi, i) => s - (y[i]! * Math.log(pi) + (1 - y[i]!) * Math.log(1 - pi)), 0) / p.length;

describe('createMlp', () => {
  it('shapes every layer and links residuals only between hidden layers of equal width', () => {
    const mlp = createMlp({
      inputSize: 2,
      hidden: [
        { width: 4, activation: 'relu' },
        { width: 4, activation: 'tanh' },
        { width: 3, activation: 'relu' },
        { width: 3, activation: 'sigmoid' },
      ],
      init: { kind: 'he' },
      residual: true,
      batchNorm: true,
      seed: 1,
    });
    expect(mlp.layers.map((l) => [l.inSize, l.outSize, l.residual, l.gamma !== null])).toEqual([
      [2, 4, false, true],
      [4, 4, true, true],
      [4, 3, false, true],
      [3, 3, true, true],
      [3, 1, false, false],
    ]);
    expect(mlp.layers.at(-1)!.activation).toBe('sigmoid');
    expect([...mlp.layers[1]!.gamma!]).toEqual([1, 1, 1, 1]);
    expect([...mlp.layers[1]!.b]).toEqual([0, 0, 0, 0]);
  });
});

describe('lossAndGradients', () => {
  it("reproduces the anchor chain's real backprop (loss convention, BCE, y = 1) with a width-1 network", () => {
    // Oracle: the scalar chain, checked against finite differences in chain.test.ts.
    const chain = traceChain(anchorNetwork(), { convention: { kind: 'loss', loss: 'bce', y: 1 } }).backward;
    const mlp = createMlp({
      inputSize: 1,
      hidden: Array.from({ length: 4 }, () => ({ width: 1, activation: 'sigmoid' as const })),
      init: { kind: 'constant', value: 0.1 },
      seed: 0,
    });
    const { loss, grads } = lossAndGradients(mlp, Float64Array.of(1), Float64Array.of(1), 1);
    expect(loss).toBeCloseTo(chain.loss!.value, 14);
    chain.weightGrads.forEach((g, k) => expect(grads[k]!.W[0]).toBeCloseTo(g, 16));
    chain.biasGrads.forEach((g, k) => expect(grads[k]!.b[0]).toBeCloseTo(g, 16));
    expect(grads[4]!.W[0]).toBeCloseTo(chain.loss!.outputWeightGrad, 14);
  });

  it('reports the mean BCE, the accuracy and the Frobenius norms of its own gradients', () => {
    const config: MlpConfig = {
      inputSize: 2,
      hidden: [
        { width: 5, activation: 'tanh' },
        { width: 3, activation: 'relu' },
      ],
      init: { kind: 'xavier-uniform' },
      seed: 4,
    };
    const mlp = createMlp(config);
    const { X, y } = batch(2, 20, 2);
    const result = lossAndGradients(mlp, X, y, 20);
    const p = predict(mlp, X, 20);
    expect(result.loss).toBeCloseTo(naiveLoss(p, y), 12);
    expect(result.accuracy).toBe([...p].filter((pi, i) => (pi >= 0.5 ? 1 : 0) === y[i]).length / 20);
    expect(result.gradNorms.weight).toHaveLength(3);
    result.grads.forEach((g, l) => {
      expect(result.gradNorms.weight[l]).toBeCloseTo(Math.hypot(...g.W), 14);
      expect(result.gradNorms.bias[l]).toBeCloseTo(Math.hypot(...g.b), 14);
    });
  });

  const configArb = fc.record({
    hidden: fc.array(
      fc.record({
        width: fc.integer({ min: 2, max: 3 }),
        activation: fc.constantFrom<ActivationName>('sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    init: fc.constantFrom<MlpConfig['init']>({ kind: 'xavier-normal' }, { kind: 'he' }, { kind: 'normal', std: 0.8 }),
    residual: fc.boolean(),
    batchNorm: fc.boolean(),
    seed: fc.integer({ min: 0, max: 100_000 }),
  });

  it('matches finite differences on every parameter: W, b, γ, β and the output neuron, with residuals and batch norm', () => {
    const n = 6;
    fc.assert(
      fc.property(configArb, (c) => {
        const mlp = createMlp({ inputSize: 2, ...c });
        // Random biases, γ and β so that none of them is at a special value.
        const rng = createRng(c.seed + 1);
        for (const layer of mlp.layers) {
          layer.b.forEach((_, j) => (layer.b[j] = 0.3 * rng.normal()));
          layer.gamma?.forEach((_, j) => (layer.gamma![j] = 0.5 + rng.next()));
          layer.beta?.forEach((_, j) => (layer.beta![j] = 0.3 * rng.normal()));
        }
        const { X, y } = batch(c.seed, n, 2);
        const cache = forward(mlp, X, n);
        fc.pre(mlp.layers.every((l, i) => !KINKED.has(l.activation) || cache.layers[i]!.u.every((u) => Math.abs(u) > KINK_MARGIN)));
        const { grads } = lossAndGradients(mlp, X, y, n);
        const loss = () => lossAndGradients(mlp, X, y, n).loss;
        mlp.layers.forEach((layer, l) => {
          const g = grads[l]!;
          const pairs: [string, Float64Array, Float64Array | null][] = [
            ['W', layer.W, g.W],
            ['b', layer.b, g.b],
            ['γ', layer.gamma ?? new Float64Array(0), g.gamma],
            ['β', layer.beta ?? new Float64Array(0), g.beta],
          ];
          for (const [name, params, grad] of pairs) {
            params.forEach((value, i) => {
              const numeric = centralDifference((x) => {
                params[i] = x;
                const v = loss();
                params[i] = value;
                return v;
              }, value);
              expectGradientClose(grad![i]!, numeric, `layer ${l} ${name}[${i}]`);
            });
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('gives exactly zero bias gradients under batch norm: the batch mean absorbs any shift', () => {
    const mlp = createMlp({
      inputSize: 2,
      hidden: [
        { width: 4, activation: 'sigmoid' },
        { width: 4, activation: 'relu' },
      ],
      init: { kind: 'he' },
      batchNorm: true,
      seed: 3,
    });
    const { X, y } = batch(5, 16, 2);
    const { grads, gradNorms } = lossAndGradients(mlp, X, y, 16);
    const hidden: LayerGrads[] = grads.slice(0, 2);
    for (const g of hidden) for (const v of g.b) expect(Math.abs(v)).toBeLessThan(1e-15);
    expect(gradNorms.bias[2]).toBeGreaterThan(0);
  });
});

describe('bceWithLogit', () => {
  it('equals −[y log σ(z) + (1−y) log(1−σ(z))] and stays finite for huge logits', () => {
    // The naive form loses digits to 1 − σ(z) for large z, so it is only an oracle for moderate logits.
    for (const z of [-8, -2, -0.1, 0, 0.7, 5, 8]) {
      const p = 1 / (1 + Math.exp(-z));
      expect(bceWithLogit(z, 1)).toBeCloseTo(-Math.log(p), 10);
      expect(bceWithLogit(z, 0)).toBeCloseTo(-Math.log(1 - p), 10);
    }
    expect(bceWithLogit(800, 0)).toBeCloseTo(800, 10);
    expect(bceWithLogit(-800, 1)).toBeCloseTo(800, 10);
    expect(bceWithLogit(800, 1)).toBe(0);
  });
});

describe('predict', () => {
  it('gives probabilities in (0, 1) and does not change the network', () => {
    const mlp = createMlp({ inputSize: 2, hidden: [{ width: 3, activation: 'tanh' }], init: { kind: 'he' }, seed: 2 });
    const before = mlp.layers.map((l) => l.W.slice());
    const p = predict(mlp, batch(1, 10, 2).X, 10);
    expect(p).toHaveLength(10);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
    mlp.layers.forEach((l, i) => expect(l.W).toEqual(before[i]));
  });
});
