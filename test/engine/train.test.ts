import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../engine/activations.ts';
import { makeDataset } from '../../engine/datasets.ts';
import { createMlp, lossAndGradients, parameterArrays, predict, type MlpConfig } from '../../engine/mlp.ts';
import { createTrainer, train, type TrainConfig } from '../../engine/train.ts';

const moons = makeDataset({ name: 'moons', n: 60, seed: 1 });

const small = (overrides: Partial<TrainConfig> = {}): TrainConfig => ({
  network: {
    inputSize: 2,
    hidden: [
      { width: 4, activation: 'tanh' },
      { width: 4, activation: 'tanh' },
    ],
    init: { kind: 'xavier-normal' },
    seed: 1,
  },
  dataset: moons,
  learningRate: 0.2,
  epochs: 5,
  seed: 1,
  ...overrides,
});

const flat = (arrays: Float64Array[]) => arrays.flatMap((a) => [...a]);

describe('createTrainer', () => {
  it('reports epoch 0 as the untouched network measured on the whole dataset', () => {
    const config = small();
    const fresh = lossAndGradients(createMlp(config.network), moons.X, moons.y, moons.n);
    const trainer = createTrainer(config);
    expect(trainer.epoch).toBe(-1);
    expect(trainer.step()).toEqual({
      epoch: 0,
      loss: fresh.loss,
      accuracy: fresh.accuracy,
      gradNorms: fresh.gradNorms,
      saturation: fresh.saturation,
      updateRatio: [0, 0, 0],
    });
    expect(trainer.history).toHaveLength(1);
  });

  it('makes one full-batch epoch exactly one step θ ← θ − η∇L', () => {
    const config = small();
    const reference = createMlp(config.network);
    const expected = flat(parameterArrays(reference.layers)).map(
      (p, i) => p - config.learningRate * flat(parameterArrays(lossAndGradients(reference, moons.X, moons.y, moons.n).grads))[i]!,
    );
    const trainer = createTrainer(config);
    trainer.step();
    trainer.step();
    flat(parameterArrays(trainer.network.layers)).forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 14));
  });

  it('applies classical momentum: v ← μv − η∇L, θ ← θ + v', () => {
    const config = small({ momentum: 0.9 });
    const net = createMlp(config.network);
    const params = parameterArrays(net.layers);
    const velocity = params.map((p) => new Float64Array(p.length));
    for (let step = 0; step < 2; step++) {
      const grads = parameterArrays(lossAndGradients(net, moons.X, moons.y, moons.n).grads);
      params.forEach((p, a) =>
        p.forEach((_, i) => {
          velocity[a]![i] = 0.9 * velocity[a]![i]! - config.learningRate * grads[a]![i]!;
          p[i] = p[i]! + velocity[a]![i]!;
        }),
      );
    }
    const trainer = createTrainer(config);
    for (let i = 0; i < 3; i++) trainer.step();
    const got = flat(parameterArrays(trainer.network.layers));
    flat(params).forEach((p, i) => expect(got[i]).toBeCloseTo(p, 14));
  });

  it('counts epochs, is done after config.epochs, and predicts with the current weights', () => {
    const trainer = createTrainer(small({ epochs: 3 }));
    const epochs: number[] = [];
    while (!trainer.done) epochs.push(trainer.step().epoch);
    expect(epochs).toEqual([0, 1, 2, 3]);
    expect(trainer.epoch).toBe(3);
    expect(trainer.predict(moons.X, moons.n)).toEqual(predict(trainer.network, moons.X, moons.n));
  });
});

describe('determinism', () => {
  it('gives identical histories for the same seeds, full batch and mini-batch', () => {
    expect(train(small())).toEqual(train(small()));
    expect(train(small({ batchSize: 8, momentum: 0.5 }))).toEqual(train(small({ batchSize: 8, momentum: 0.5 })));
  });

  it('differs when the weight seed or (with mini-batches) the shuffle seed changes', () => {
    const base = small({ batchSize: 8 });
    const history = train(base);
    expect(train({ ...base, network: { ...base.network, seed: 2 } })).not.toEqual(history);
    expect(train({ ...base, seed: 2 })).not.toEqual(history);
    expect(train({ ...base, seed: 2 })[0]).toEqual(history[0]); // epoch 0 trains nothing
  });

  it('ignores the shuffle seed with full batches, and a batch of n is the full batch', () => {
    expect(train(small({ seed: 9 }))).toEqual(train(small()));
    expect(train(small({ batchSize: moons.n }))).toEqual(train(small()));
  });

  it('lowers the loss with mini-batch SGD too', () => {
    const history = train(small({ batchSize: 1, learningRate: 0.05, epochs: 20 }));
    expect(history.at(-1)!.loss).toBeLessThan(0.8 * history[0]!.loss);
  });
});

// ——— Nielsen, "Neural networks and deep learning", chapter 5, in spirit ———

const nielsen = makeDataset({ name: 'moons', n: 200, seed: 1 });
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/** Epoch-0 gradient norms of a 4 × 30 network, over 20 weight seeds. */
const epochZero = (activation: ActivationName, init: MlpConfig['init']) =>
  SEEDS.map(
    (seed) =>
      createTrainer({
        network: { inputSize: 2, hidden: Array.from({ length: 4 }, () => ({ width: 30, activation })), init, seed },
        dataset: nielsen,
        learningRate: 0.1,
        epochs: 0,
        seed,
      }).step().gradNorms,
  );

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratios = (norms: ReturnType<typeof epochZero>, key: 'weight' | 'bias') => norms.map((g) => g[key][3]! / g[key][0]!);
const summary = (xs: number[]) => `min ${Math.min(...xs).toFixed(2)}, median ${median(xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)}`;

describe('gradient norms at epoch 0 (Nielsen ch. 5 in spirit: sigmoid, 4 hidden layers of 30)', () => {
  const standard = epochZero('sigmoid', { kind: 'normal', std: 1 });
  // Nielsen's network2 draws N(0, 1/fan_in); Xavier-normal, N(0, 2/(fan_in + fan_out)), is the same here for 30 → 30.
  const scaled = epochZero('sigmoid', { kind: 'xavier-normal' });
  const reluHe = epochZero('relu', { kind: 'he' });

  // The measured ratios (last hidden layer over first) are printed for the record; the tests below assert their ordering.
  const report = () =>
    console.log(
      [
        `sigmoid, N(0,1):   ‖∂L/∂W₄‖/‖∂L/∂W₁‖ ${summary(ratios(standard, 'weight'))}; ‖∂L/∂b₄‖/‖∂L/∂b₁‖ ${summary(ratios(standard, 'bias'))}`,
        `sigmoid, Xavier:   ‖∂L/∂W₄‖/‖∂L/∂W₁‖ ${summary(ratios(scaled, 'weight'))}; ‖∂L/∂b₄‖/‖∂L/∂b₁‖ ${summary(ratios(scaled, 'bias'))}`,
        `ReLU, He:          ‖∂L/∂W₄‖/‖∂L/∂W₁‖ ${summary(ratios(reluHe, 'weight'))}; ‖∂L/∂b₄‖/‖∂L/∂b₁‖ ${summary(ratios(reluHe, 'bias'))}`,
      ].join('\n'),
    );

  it("with standard-normal weights, the first layer's weight gradient is the smallest and the rise is clear", () => {
    report();
    for (const g of standard) expect(g.weight[0]).toBeLessThan(Math.min(...g.weight.slice(1, 4)));
    expect(median(ratios(standard, 'weight'))).toBeGreaterThan(4);
  });

  it("with fan-in-scaled weights, ‖∂L/∂b_l‖ (Nielsen's measure) rises layer by layer, by more than 20× over four layers", () => {
    for (const g of scaled) {
      for (let l = 1; l < 4; l++) expect(g.bias[l]).toBeGreaterThan(g.bias[l - 1]!);
      expect(g.bias[3]! / g.bias[0]!).toBeGreaterThan(20);
    }
  });

  it('with ReLU and He init the layers are far closer together', () => {
    for (const r of ratios(reluHe, 'bias')) {
      expect(r).toBeGreaterThan(1 / 3);
      expect(r).toBeLessThan(3);
    }
    expect(median(ratios(scaled, 'bias')) / median(ratios(reluHe, 'bias'))).toBeGreaterThan(20);
    expect(median(ratios(reluHe, 'weight'))).toBeLessThan(median(ratios(scaled, 'weight')) / 10);
  });
});

// ——— the training race: the loss curve the post describes but does not show ———

/** The recommended race: moons, 200 points, 5 hidden layers of width 8, full batch, η = 0.1, 300 epochs. */
const race = (activation: ActivationName) =>
  train({
    network: {
      inputSize: 2,
      hidden: Array.from({ length: 5 }, () => ({ width: 8, activation })),
      init: { kind: 'xavier-normal' },
      seed: 1,
    },
    dataset: makeDataset({ name: 'moons', n: 200, seed: 1 }),
    learningRate: 0.1,
    epochs: 300,
    seed: 1,
  });

describe('the training race', () => {
  const relu = race('relu');
  const sigmoid = race('sigmoid');

  it('ReLU drops well below its starting loss within 300 epochs', () => {
    expect(relu.at(-1)!.loss).toBeLessThan(0.1 * relu[0]!.loss);
    expect(relu.at(-1)!.accuracy).toBeGreaterThan(0.95);
  });

  it('sigmoid, same shape and init, stalls at chance level: the loss stays within 1% of ln 2', () => {
    for (const r of sigmoid.slice(25)) expect(Math.abs(r.loss / Math.LN2 - 1)).toBeLessThan(0.01);
    expect(Math.abs(sigmoid.at(-1)!.loss - sigmoid[0]!.loss)).toBeLessThan(0.01);
  });

  it("shows why: at epoch 0 the sigmoid net's first layer gets ~1% of the last hidden layer's gradient, ReLU's about the same", () => {
    const ratio = (h: typeof relu) => h[0]!.gradNorms.weight[0]! / h[0]!.gradNorms.weight[4]!;
    expect(ratio(sigmoid)).toBeLessThan(0.05);
    expect(ratio(relu)).toBeGreaterThan(0.3);
  });
});
