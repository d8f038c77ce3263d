/**
 * A small dense MLP with backprop, stored in Float64Arrays: hidden layers of
 * any width with their own activation, an optional residual connection between
 * hidden layers of equal width (a_l = a_{l−1} + f(u_l)), optional batch norm
 * (u_l = BN(z_l), training mode), and one sigmoid output neuron trained with
 * binary cross-entropy averaged over the batch. Layer index 0 is the first
 * hidden layer; the last layer is the output neuron. The passes themselves
 * live in backprop.ts, their matrix products in kernels.ts.
 */
import { exp } from './libm.ts';
import { backwardInto, createWorkspace, forwardInto, layerBackward, type BatchNormMode, type Workspace } from './backprop.ts';
import { updateRunningStats } from './batchnorm.ts';
import { saturationPerLayer } from './diagnostics.ts';
import { initWeights } from './init.ts';
import type { DenseLayer, LayerGrads, Mlp, MlpConfig } from './network.ts';
import { createRng } from './prng.ts';

export type { InitScheme } from './init.ts';
export type { BatchNormMode, ForwardCache, LayerCache, Workspace } from './backprop.ts';
export type { DenseLayer, LayerGrads, Mlp, MlpConfig } from './network.ts';

/** ‖∂L/∂W_l‖_F and ‖∂L/∂b_l‖₂ per layer; index 0 is the first hidden layer, the last is the output. */
export interface GradNorms {
  weight: number[];
  bias: number[];
}

/** Builds a network with weights drawn from `config.init` and `config.seed`. */
export function createMlp(config: MlpConfig): Mlp {
  const rng = createRng(config.seed);
  const layers: DenseLayer[] = [];
  let inSize = config.inputSize;
  const shapes = [...config.hidden, { width: 1, activation: 'sigmoid' as const }];
  shapes.forEach((shape, l) => {
    const hidden = l < config.hidden.length;
    const bn = hidden && config.batchNorm === true;
    const W = new Float64Array(shape.width * inSize);
    initWeights(rng, config.init, { fanIn: inSize, fanOut: shape.width, W });
    layers.push({
      inSize,
      outSize: shape.width,
      activation: shape.activation,
      W,
      b: new Float64Array(shape.width),
      gamma: bn ? new Float64Array(shape.width).fill(1) : null,
      beta: bn ? new Float64Array(shape.width) : null,
      runningMean: bn ? new Float64Array(shape.width) : null,
      runningVar: bn ? new Float64Array(shape.width).fill(1) : null,
      residual: hidden && l > 0 && config.residual === true && shape.width === inSize,
    });
    inSize = shape.width;
  });
  return { config, layers };
}

/** Runs X (n × inputSize) through every layer, keeping what backprop needs (in fresh arrays). */
export function forward(mlp: Mlp, X: Float64Array, n: number, mode: BatchNormMode = 'train'): Workspace {
  const ws = createWorkspace(mlp, n);
  forwardInto(mlp, X, ws, mode);
  return ws;
}

/** Zeroed gradients shaped like the network's parameters. */
export function zeroGrads(mlp: Mlp): LayerGrads[] {
  return mlp.layers.map((layer) => ({
    W: new Float64Array(layer.W.length),
    b: new Float64Array(layer.b.length),
    gamma: layer.gamma ? new Float64Array(layer.gamma.length) : null,
    beta: layer.beta ? new Float64Array(layer.beta.length) : null,
  }));
}

/** One reusable workspace per network and batch size, so training does not allocate per epoch. */
const workspaces = new WeakMap<Mlp, Workspace[]>();

function workspaceFor(mlp: Mlp, n: number): Workspace {
  const list = workspaces.get(mlp) ?? [];
  let ws = list.find((w) => w.n === n);
  if (!ws) {
    ws = createWorkspace(mlp, n);
    // A trainer needs at most three sizes (the batch, a short last batch, the whole dataset), and a decision map a fourth.
    list.push(ws);
    if (list.length > 4) list.shift();
    workspaces.set(mlp, list);
  }
  return ws;
}

/** Binary cross-entropy of a logit z against y ∈ {0, 1}, without overflow: max(z, 0) − yz + log(1 + e^−|z|). */
export function bceWithLogit(z: number, y: number): number {
  return Math.max(z, 0) - y * z + Math.log1p(exp(-Math.abs(z)));
}

/** Frobenius / Euclidean norm of an array. */
export function norm(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! ** 2;
  return Math.sqrt(s);
}

/** One batch-norm layer's batch statistics (null for a layer without batch norm). */
export type BatchStats = { mean: Float64Array; variance: Float64Array } | null;

/**
 * Mean BCE over the batch, accuracy at threshold 0.5, every gradient, the
 * per-layer gradient norms, each hidden layer's saturated share, and the batch
 * statistics that training folds into batch norm's running averages.
 */
export function lossAndGradients(
  mlp: Mlp,
  X: Float64Array,
  y: Float64Array,
  n: number,
): {
  loss: number;
  accuracy: number;
  grads: LayerGrads[];
  gradNorms: GradNorms;
  saturation: number[];
  batchStats: BatchStats[];
} {
  const ws = workspaceFor(mlp, n);
  forwardInto(mlp, X, ws);
  const outIndex = mlp.layers.length - 1;
  const out = ws.layers[outIndex]!;
  let loss = 0;
  let correct = 0;
  // ∂L/∂u of the output neuron goes straight into the workspace: for a sigmoid output with BCE it is (ŷ − y), averaged here.
  const dZ = ws.dU[outIndex]!;
  for (let i = 0; i < n; i++) {
    const p = out.a[i]!;
    loss += bceWithLogit(out.z[i]!, y[i]!);
    if ((p >= 0.5 ? 1 : 0) === y[i]) correct++;
    dZ[i] = (p - y[i]!) / n;
  }
  const grads = zeroGrads(mlp);
  const dA = layerBackward(mlp.layers[outIndex]!, outIndex, ws, grads[outIndex]!);
  if (outIndex > 0) backwardInto(mlp, ws, { dA, top: outIndex - 1, grads });
  const gradNorms = { weight: grads.map((g) => norm(g.W)), bias: grads.map((g) => norm(g.b)) };
  const batchStats = ws.layers.map(
    (c): BatchStats => (c.batchMean && c.batchVariance ? { mean: c.batchMean.slice(), variance: c.batchVariance.slice() } : null),
  );
  return { loss: loss / n, accuracy: correct / n, grads, gradNorms, saturation: saturationPerLayer(mlp, ws), batchStats };
}

/** Folds one training batch's statistics (of n examples) into every batch-norm layer's running averages. */
export function recordBatchStats(mlp: Mlp, stats: readonly BatchStats[], n: number): void {
  mlp.layers.forEach((layer, l) => {
    const s = stats[l];
    if (s && layer.runningMean && layer.runningVar)
      updateRunningStats({ runningMean: layer.runningMean, runningVar: layer.runningVar }, { mean: s.mean, variance: s.variance, n });
  });
}

/**
 * The probability of class 1 for each of the n rows of X, as a trained
 * network is used: batch norm in inference mode (running statistics), so each
 * row's prediction is its own. `mode: 'train'` normalises with X's batch statistics instead.
 */
export function predict(mlp: Mlp, X: Float64Array, n: number, mode: BatchNormMode = 'inference'): Float64Array {
  // The reusable workspace: a decision map predicts on the same grid many times a second.
  const ws = workspaceFor(mlp, n);
  forwardInto(mlp, X, ws, mode);
  return ws.layers[ws.layers.length - 1]!.a.slice();
}

/** Every parameter array in a fixed order (W, b, γ, β per layer), for optimisers. */
export function parameterArrays(layers: readonly (DenseLayer | LayerGrads)[]): Float64Array[] {
  const arrays: Float64Array[] = [];
  for (const layer of layers) {
    arrays.push(layer.W, layer.b);
    if (layer.gamma && layer.beta) arrays.push(layer.gamma, layer.beta);
  }
  return arrays;
}
