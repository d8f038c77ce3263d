import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, sigmoid } from '../../engine/activations.ts';
import { BN_MOMENTUM } from '../../engine/batchnorm.ts';
import { makeDataset } from '../../engine/datasets.ts';
import { SATURATION_SLOPE, saturatedShare, saturationPerLayer, updateToWeightRatio } from '../../engine/diagnostics.ts';
import { createMlp, forward, lossAndGradients, norm, predict, type MlpConfig } from '../../engine/mlp.ts';
import { createRng, shuffleInPlace } from '../../engine/prng.ts';
import { createTrainer } from '../../engine/train.ts';

const moons = makeDataset({ name: 'moons', n: 40, seed: 2 });
const TOL = 1e-12;

const config = (extra: Partial<MlpConfig> = {}): MlpConfig => ({
  inputSize: 2,
  hidden: [
    { width: 5, activation: 'sigmoid' },
    { width: 5, activation: 'relu' },
    { width: 5, activation: 'tanh' },
  ],
  init: { kind: 'normal', std: 2 },
  seed: 4,
  ...extra,
});

describe('saturatedShare', () => {
  it('counts the slopes below a tenth of the peak slope', () => {
    // σ′ peaks at 1/4, so the line is at 0.025: two of these four are below it.
    expect(saturatedShare(Float64Array.from([0.01, 0.03, 0.2, 0.0249]), sigmoid.peakSlope)).toBe(0.5);
    expect(saturatedShare(new Float64Array(0), 1)).toBe(0);
  });

  it('puts the sigmoid line where σ′(z) = 0.025, at |z| ≈ 3.64', () => {
    const edge = Math.log((1 + Math.sqrt(1 - 4 * 0.025)) / (1 - Math.sqrt(1 - 4 * 0.025)));
    expect(sigmoid.df(edge)).toBeCloseTo(SATURATION_SLOPE * sigmoid.peakSlope, 12);
    expect(saturatedShare(Float64Array.from([sigmoid.df(edge + 0.01), sigmoid.df(edge - 0.01)]), sigmoid.peakSlope)).toBe(0.5);
  });

  it('per layer equals a direct count of f′(u) over every example and unit', () => {
    const mlp = createMlp(config());
    const cache = forward(mlp, moons.X, moons.n);
    const direct = mlp.layers.slice(0, 3).map((layer, l) => {
      const act = ACTIVATIONS[layer.activation];
      const u = cache.layers[l]!.u;
      let count = 0;
      for (const v of u) if (act.df(v) < SATURATION_SLOPE * act.peakSlope) count++;
      return count / u.length;
    });
    expect(saturationPerLayer(mlp, cache)).toEqual(direct);
    expect(lossAndGradients(mlp, moons.X, moons.y, moons.n).saturation).toEqual(direct);
    // std 2 weights push many sigmoid units out of their active zone: the figure is not trivially 0.
    expect(direct[0]).toBeGreaterThan(0);
  });
});

describe('updateToWeightRatio', () => {
  it('is ‖Δ‖ / ‖W‖', () => {
    expect(updateToWeightRatio(Float64Array.from([3, 4]), Float64Array.from([0, 10]))).toBe(0.5);
    expect(updateToWeightRatio(new Float64Array(2), new Float64Array(2))).toBe(0);
  });

  it('after one full-batch epoch equals η‖∂L/∂W_l‖ / ‖W_l‖ for every layer', () => {
    const eta = 0.3;
    const network = config();
    const fresh = createMlp(network);
    const grads = lossAndGradients(fresh, moons.X, moons.y, moons.n).gradNorms.weight;
    const trainer = createTrainer({ network, dataset: moons, learningRate: eta, epochs: 1, seed: 1 });
    trainer.step();
    const { updateRatio } = trainer.step();
    expect(updateRatio).toHaveLength(4);
    updateRatio.forEach((r, l) => expect(Math.abs(r - (eta * grads[l]!) / norm(fresh.layers[l]!.W))).toBeLessThan(TOL * Math.max(1, r)));
  });

  it('with mini-batches is the mean over the epoch’s updates, replayed by hand', () => {
    const network = config();
    const eta = 0.1;
    const trainer = createTrainer({ network, dataset: moons, learningRate: eta, epochs: 1, seed: 3, batchSize: 10 });
    trainer.step();
    const { updateRatio } = trainer.step();
    // The same epoch by hand: the trainer's shuffle (seed 3), four batches of 10, plain SGD.
    const mlp = createMlp(network);
    const order = shuffleInPlace(
      createRng(3),
      Array.from({ length: moons.n }, (_, i) => i),
    );
    const sums = [0, 0, 0, 0];
    for (let start = 0; start < moons.n; start += 10) {
      const rows = order.slice(start, start + 10);
      const X = Float64Array.from(rows.flatMap((i) => [moons.X[2 * i]!, moons.X[2 * i + 1]!]));
      const y = Float64Array.from(rows.map((i) => moons.y[i]!));
      const { grads } = lossAndGradients(mlp, X, y, 10);
      mlp.layers.forEach((layer, l) => {
        sums[l] = sums[l]! + (eta * norm(grads[l]!.W)) / norm(layer.W);
        layer.W.forEach((w, i) => (layer.W[i] = w - eta * grads[l]!.W[i]!));
        layer.b.forEach((b, i) => (layer.b[i] = b - eta * grads[l]!.b[i]!));
      });
    }
    updateRatio.forEach((r, l) => expect(Math.abs(r - sums[l]! / 4)).toBeLessThan(1e-10 * r));
  });
});

describe('batch norm in inference mode', () => {
  const bn = () =>
    createMlp(
      config({
        batchNorm: true,
        hidden: [
          { width: 4, activation: 'sigmoid' },
          { width: 4, activation: 'sigmoid' },
        ],
      }),
    );

  it('folds each training batch into the running averages: μ ← 0.9μ + 0.1μ_B, σ² ← 0.9σ² + 0.1σ²_B·n/(n−1)', () => {
    const network = config({
      batchNorm: true,
      hidden: [
        { width: 4, activation: 'sigmoid' },
        { width: 4, activation: 'sigmoid' },
      ],
    });
    const fresh = forward(createMlp(network), moons.X, moons.n);
    const z = fresh.layers[0]!.z;
    const trainer = createTrainer({ network, dataset: moons, learningRate: 0.1, epochs: 1, seed: 1 });
    trainer.step();
    trainer.step();
    const layer = trainer.network.layers[0]!;
    for (let j = 0; j < 4; j++) {
      const col = Array.from({ length: moons.n }, (_, i) => z[i * 4 + j]!);
      const mean = col.reduce((a, b) => a + b, 0) / moons.n;
      const unbiased = col.reduce((a, b) => a + (b - mean) ** 2, 0) / (moons.n - 1);
      expect(layer.runningMean![j]).toBeCloseTo(BN_MOMENTUM * mean, 12);
      expect(layer.runningVar![j]).toBeCloseTo(1 - BN_MOMENTUM + BN_MOMENTUM * unbiased, 12);
    }
  });

  it('with running statistics equal to the batch’s, predicts what training mode does on that batch', () => {
    const mlp = bn();
    const cache = forward(mlp, moons.X, moons.n);
    mlp.layers.forEach((layer, l) => {
      if (!layer.runningMean || !layer.runningVar) return;
      layer.runningMean.set(cache.layers[l]!.batchMean!);
      layer.runningVar.set(cache.layers[l]!.batchVariance!);
    });
    const inference = predict(mlp, moons.X, moons.n);
    const training = predict(mlp, moons.X, moons.n, 'train');
    inference.forEach((p, i) => expect(Math.abs(p - training[i]!)).toBeLessThan(TOL));
  });

  it('predicts each point on its own: the same row gives the same answer alone or in a batch', () => {
    const mlp = bn();
    const all = predict(mlp, moons.X, moons.n);
    for (const i of [0, 7, 39]) {
      const one = predict(mlp, moons.X.slice(2 * i, 2 * i + 2), 1);
      expect(Math.abs(one[0]! - all[i]!)).toBeLessThan(TOL);
    }
    // Training mode cannot normalise a batch of one: every row would collapse onto β.
    expect(predict(mlp, moons.X.slice(0, 2), 1, 'train')[0]).not.toBeCloseTo(all[0]!, 6);
  });
});
