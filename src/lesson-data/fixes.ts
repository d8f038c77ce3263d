/**
 * The fixes lesson's numbers: the anchor network with ReLU and with residual
 * connections, initialisation variances, and an 8-layer MLP measured at
 * initialisation on a seeded dataset (gradient norms, and what batch norm does
 * to the pre-activations and σ′). All computed by the engine at build time.
 */
import { sigmoid } from '../../engine/activations.ts';
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { makeDataset } from '../../engine/datasets.ts';
import { initVariance, type InitScheme } from '../../engine/init.ts';
import { createMlp, forward, lossAndGradients, type MlpConfig } from '../../engine/mlp.ts';
import type { ActivationName } from '../../engine/activations.ts';
import { W, blog as sigmoidBlog } from './anchor.ts';
import { exact } from '../../engine/format.ts';
import { compare } from './compare.ts';

/** The anchor network with ReLU hidden layers (sigmoid output kept), blog convention. */
export const RELU_ANCHOR = anchorNetwork({ activation: 'relu' });
const reluTrace = traceChain(RELU_ANCHOR, { convention: { kind: 'blog' } });
export const relu = {
  deltas: reluTrace.backward.deltas,
  delta1: reluTrace.backward.deltas[0]!,
  factor: reluTrace.backward.stepFactors[0]!,
  activations: reluTrace.forward.layers.map((l) => l.a),
  weightGrads: reluTrace.backward.weightGrads,
  /** How many times larger layer 1's δ is than with sigmoid. */
  improvement: reluTrace.backward.deltas[0]! / sigmoidBlog.delta1,
};

/** The anchor network with residual connections a_k = a_{k−1} + σ(z_k), blog convention. */
export const RESIDUAL_ANCHOR = anchorNetwork({ residual: true });
const residualTrace = traceChain(RESIDUAL_ANCHOR, { convention: { kind: 'blog' } });
export const residual = {
  deltas: residualTrace.backward.deltas,
  delta1: residualTrace.backward.deltas[0]!,
  factors: residualTrace.backward.stepFactors,
  factorTop: residualTrace.backward.stepFactors.at(-1)!,
  lastActivation: residualTrace.forward.layers.at(-1)!.a,
};

/** Init variances for a square hidden layer of this width, and for the anchor's one-in, one-out layers. */
export const WIDTH = 16;
export const variances = {
  xavier: initVariance({ kind: 'xavier-normal' }, WIDTH, WIDTH),
  he: initVariance({ kind: 'he' }, WIDTH, WIDTH),
  xavierAnchor: initVariance({ kind: 'xavier-normal' }, 1, 1),
  heAnchor: initVariance({ kind: 'he' }, 1, 1),
};

/** The measurement bench: 8 hidden layers of width 16 on 200 seeded "moons" points, seed 1. */
export const BENCH = { depth: 8, width: WIDTH, points: 200, dataSeed: 7, seed: 1 } as const;
const dataset = makeDataset({ name: 'moons', n: BENCH.points, seed: BENCH.dataSeed });

function benchConfig(activation: ActivationName, init: InitScheme, extra: Partial<MlpConfig> = {}): MlpConfig {
  const hidden = Array.from({ length: BENCH.depth }, () => ({ width: BENCH.width, activation }));
  return { inputSize: 2, hidden, init, seed: BENCH.seed, ...extra };
}

/** ‖∂L/∂W_l‖ per hidden layer at initialisation: the size of each layer's error signal as its weights feel it, the measure of the training figures. */
export function signalAtInit(activation: ActivationName, init: InitScheme, extra: Partial<MlpConfig> = {}): number[] {
  const mlp = createMlp(benchConfig(activation, init, extra));
  return lossAndGradients(mlp, dataset.X, dataset.y, dataset.n).gradNorms.weight.slice(0, BENCH.depth);
}

/** Per hidden layer: mean |u| (the sigmoid's argument), mean σ′(u), and the share of units with |u| > 4. */
export function saturation(init: InitScheme, batchNorm: boolean) {
  const mlp = createMlp(benchConfig('sigmoid', init, { batchNorm }));
  const cache = forward(mlp, dataset.X, dataset.n);
  return cache.layers.slice(0, BENCH.depth).map(({ u }) => {
    let absSum = 0;
    let dfSum = 0;
    let saturated = 0;
    for (const v of u) {
      absSum += Math.abs(v);
      dfSum += sigmoid.df(v);
      if (Math.abs(v) > 4) saturated += 1;
    }
    return { meanAbsZ: absSum / u.length, meanDf: dfSum / u.length, saturated: saturated / u.length };
  });
}

const ratio = (xs: readonly number[]) => xs[0]! / xs[xs.length - 1]!;

export const initSeries = [
  { label: `sigmoid, every weight ${exact(W)}`, values: signalAtInit('sigmoid', { kind: 'constant', value: W }) },
  { label: 'sigmoid, Xavier', values: signalAtInit('sigmoid', { kind: 'xavier-normal' }) },
  { label: 'tanh, Xavier', values: signalAtInit('tanh', { kind: 'xavier-normal' }) },
  { label: 'ReLU, He', values: signalAtInit('relu', { kind: 'he' }) },
].map((s) => ({ ...s, firstOverLast: ratio(s.values) }));

/** Layer 1's signal over the last hidden layer's, as the geometric mean kept per step back. */
export const perStep = (firstOverLast: number) => firstOverLast ** (1 / (BENCH.depth - 1));

/** For the sigmoid: Xavier against every weight 0.1, by how much of layer 1's signal survives. */
export const xavierVsConstant = compare(initSeries[1]!.firstOverLast, initSeries[0]!.firstOverLast, {
  larger: 'better',
  smaller: 'worse',
  tie: 'no better and no worse',
});

/** Batch norm against weights large enough to saturate: every weight drawn from N(0, 4²). */
export const BIG_STD = 4;
export const BIG_INIT: InitScheme = { kind: 'normal', std: BIG_STD };
export const bn = {
  without: saturation(BIG_INIT, false),
  with: saturation(BIG_INIT, true),
};

/** Residual connections in the 8-layer sigmoid MLP with Xavier init. */
export const residualMlp = {
  plain: ratio(signalAtInit('sigmoid', { kind: 'xavier-normal' })),
  residual: ratio(signalAtInit('sigmoid', { kind: 'xavier-normal' }, { residual: true })),
};

/**
 * What a constant 0.1 is in the sigmoid bench: each unit sums BENCH.width
 * inputs all weighted 0.1, so a layer acts like one neuron with weight
 * width · 0.1; and since every unit in a layer starts identical and receives
 * identical updates, symmetry is never broken.
 */
export const constantInit = {
  perWeight: W,
  fanIn: BENCH.width,
  effectiveWeight: BENCH.width * W,
};

/**
 * Nielsen, chapter 5, problem: for which inputs a is |w · σ′(w·a + b)| ≥ 1?
 * Only for |w| ≥ 4, and then on an interval of a of width
 * (2/|w|) · ln(|w|(1 + √(1 − 4/|w|))/2 − 1). Closed form, checked in tests
 * against a direct scan of σ′.
 */
export function unstableWindow(w: number): number {
  const m = Math.abs(w);
  if (m < 4) return 0;
  return (2 / m) * Math.log((m * (1 + Math.sqrt(1 - 4 / m))) / 2 - 1);
}

/** The widest window over all weights, found by a fine scan: its width and the weight that gives it. */
export const widestWindow = (() => {
  let best = { w: 4, width: 0 };
  for (let w = 4; w <= 40; w += 0.001) {
    const width = unstableWindow(w);
    if (width > best.width) best = { w, width };
  }
  return best;
})();

/** The |w| below which no sigmoid layer can pass on a factor of one: 1/max σ′. */
export const minUnstableWeight = 1 / sigmoid.df(0);

/**
 * Batch norm's backward factor does not depend on the weight scale: the same
 * seeded network with every weight scaled down by SCALE_DOWN gives identical
 * activations after normalisation, and each layer's weight gradient scales by
 * the same 1/scale, so the ratio layer 1 / last layer is unchanged.
 */
export const SMALL_STD = BIG_STD / 10;
export const bnScale = (() => {
  const big = signalAtInit('sigmoid', { kind: 'normal', std: BIG_STD }, { batchNorm: true });
  const small = signalAtInit('sigmoid', { kind: 'normal', std: SMALL_STD }, { batchNorm: true });
  const plainBig = signalAtInit('sigmoid', { kind: 'normal', std: BIG_STD }, {});
  const plainSmall = signalAtInit('sigmoid', { kind: 'normal', std: SMALL_STD }, {});
  return {
    bigRatio: ratio(big),
    smallRatio: ratio(small),
    plainBigRatio: ratio(plainBig),
    plainSmallRatio: ratio(plainSmall),
  };
})();

/** The same two anchor variants under the course's notation δ_k = ∂L/∂z_k (BCE, y = 1). */
const realTrace = (spec: typeof RELU_ANCHOR) => traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: 1 } }).backward;
export const reluReal = (() => {
  const b = realTrace(RELU_ANCHOR);
  return { delta1: b.deltas[0]!, deltaRatio: b.lastOverFirst, factor: b.stepFactors[0]! };
})();
export const residualReal = (() => {
  const b = realTrace(RESIDUAL_ANCHOR);
  return {
    delta1: b.deltas[0]!,
    deltaTop: b.deltas.at(-1)!,
    firstOverLast: 1 / b.lastOverFirst,
    factorRange: [Math.min(...b.stepFactors), Math.max(...b.stepFactors)] as const,
  };
})();
