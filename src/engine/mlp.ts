/**
 * A small dense MLP with backprop, stored in Float64Arrays: hidden layers of
 * any width with their own activation, an optional residual connection between
 * hidden layers of equal width (a_l = a_{l−1} + f(u_l)), optional batch norm
 * (u_l = BN(z_l), training mode), and one sigmoid output neuron trained with
 * binary cross-entropy averaged over the batch. Layer index 0 is the first
 * hidden layer; the last layer is the output neuron.
 */
import { ACTIVATIONS, type ActivationName } from './activations.ts';
import { batchNormBackward, batchNormForward } from './batchnorm.ts';
import { initWeights, type InitScheme } from './init.ts';
import { createRng } from './prng.ts';

export type { InitScheme } from './init.ts';

export interface MlpConfig {
  /** Features per example (2 for the toy datasets). */
  inputSize: number;
  /** Hidden layers from the input side. */
  hidden: { width: number; activation: ActivationName }[];
  /** How every weight matrix, the output's included, is drawn. */
  init: InitScheme;
  /** Skip connections between consecutive hidden layers of equal width. */
  residual?: boolean;
  /** Batch-normalise every hidden layer's z over the batch before its activation. */
  batchNorm?: boolean;
  /** Seed for the weights. */
  seed: number;
}

export interface DenseLayer {
  inSize: number;
  outSize: number;
  activation: ActivationName;
  /** outSize × inSize, row-major: W[j·inSize + k] connects input k to unit j. */
  W: Float64Array;
  b: Float64Array;
  /** Batch-norm scale and shift, or null without batch norm. */
  gamma: Float64Array | null;
  beta: Float64Array | null;
  /** a = a_prev + f(u) rather than f(u). */
  residual: boolean;
}

export interface Mlp {
  config: MlpConfig;
  /** The hidden layers, then the output neuron. */
  layers: DenseLayer[];
}

/** One layer's gradients, shaped like its parameters. */
export interface LayerGrads {
  W: Float64Array;
  b: Float64Array;
  gamma: Float64Array | null;
  beta: Float64Array | null;
}

/** ‖∂L/∂W_l‖_F and ‖∂L/∂b_l‖₂ per layer; index 0 is the first hidden layer, the last is the output. */
export interface GradNorms {
  weight: number[];
  bias: number[];
}

/** What a forward pass keeps for the backward pass; all matrices are n × width, row-major. */
export interface LayerCache {
  input: Float64Array;
  z: Float64Array;
  /** With batch norm: ẑ and 1/√(σ²+ε); otherwise null. */
  zhat: Float64Array | null;
  invStd: Float64Array | null;
  /** The activation's argument: γẑ + β with batch norm, else z. */
  u: Float64Array;
  a: Float64Array;
}

export interface ForwardCache {
  n: number;
  layers: LayerCache[];
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
    initWeights(rng, config.init, inSize, shape.width, W);
    layers.push({
      inSize,
      outSize: shape.width,
      activation: shape.activation,
      W,
      b: new Float64Array(shape.width),
      gamma: bn ? new Float64Array(shape.width).fill(1) : null,
      beta: bn ? new Float64Array(shape.width) : null,
      residual: hidden && l > 0 && config.residual === true && shape.width === inSize,
    });
    inSize = shape.width;
  });
  return { config, layers };
}

/** Runs X (n × inputSize) through every layer, keeping what backprop needs. */
export function forward(mlp: Mlp, X: Float64Array, n: number): ForwardCache {
  const caches: LayerCache[] = [];
  let input = X;
  for (const layer of mlp.layers) {
    const { inSize, outSize, W, b } = layer;
    const z = new Float64Array(n * outSize);
    for (let i = 0; i < n; i++) {
      const row = i * inSize;
      for (let j = 0; j < outSize; j++) {
        const wRow = j * inSize;
        let s = b[j]!;
        for (let k = 0; k < inSize; k++) s += W[wRow + k]! * input[row + k]!;
        z[i * outSize + j] = s;
      }
    }
    let zhat: Float64Array | null = null;
    let invStd: Float64Array | null = null;
    let u = z;
    if (layer.gamma && layer.beta) {
      zhat = new Float64Array(n * outSize);
      invStd = new Float64Array(outSize);
      u = new Float64Array(n * outSize);
      batchNormForward(z, n, outSize, layer.gamma, layer.beta, zhat, u, invStd);
    }
    const f = ACTIVATIONS[layer.activation].f;
    const a = new Float64Array(n * outSize);
    for (let k = 0; k < a.length; k++) a[k] = f(u[k]!);
    if (layer.residual) for (let k = 0; k < a.length; k++) a[k] = a[k]! + input[k]!;
    caches.push({ input, z, zhat, invStd, u, a });
    input = a;
  }
  return { n, layers: caches };
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

/**
 * Backprop through layer l given ∂L/∂u_l (the activation's argument): adds
 * the layer's parameter gradients into `grads` (skipped when null) and
 * returns ∂L/∂a_{l−1} through W only (the caller adds the skip term).
 */
function layerBackward(layer: DenseLayer, cache: LayerCache, dU: Float64Array, n: number, grads: LayerGrads | null): Float64Array {
  const { inSize, outSize, W } = layer;
  let dZ = dU;
  if (layer.gamma && cache.zhat && cache.invStd) {
    dZ = new Float64Array(n * outSize);
    const dGamma = grads?.gamma ?? new Float64Array(outSize);
    const dBeta = grads?.beta ?? new Float64Array(outSize);
    batchNormBackward(dU, cache.zhat, cache.invStd, layer.gamma, n, outSize, dZ, dGamma, dBeta);
  }
  const input = cache.input;
  // Each sum runs in a register (no read-modify-write in the inner loop): ∂L/∂a_prev = dZ · W …
  const dInput = new Float64Array(n * inSize);
  for (let i = 0; i < n; i++) {
    const row = i * inSize;
    const zRow = i * outSize;
    for (let k = 0; k < inSize; k++) {
      let s = 0;
      for (let j = 0; j < outSize; j++) s += dZ[zRow + j]! * W[j * inSize + k]!;
      dInput[row + k] = s;
    }
  }
  if (grads === null) return dInput;
  // … ∂L/∂W = dZᵀ · a_prev and ∂L/∂b = Σ_batch dZ.
  for (let j = 0; j < outSize; j++) {
    const wRow = j * inSize;
    let sb = 0;
    for (let i = 0; i < n; i++) sb += dZ[i * outSize + j]!;
    grads.b[j] = grads.b[j]! + sb;
    for (let k = 0; k < inSize; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += dZ[i * outSize + j]! * input[i * inSize + k]!;
      grads.W[wRow + k] = grads.W[wRow + k]! + s;
    }
  }
  return dInput;
}

/**
 * Backprop from ∂L/∂a at the output of hidden layer `top` down to layer 0,
 * adding into `grads` (null: only the signal, no parameter gradients).
 * Returns ∂L/∂a_l for l = 0 … top (index 0 = first hidden layer).
 */
export function backwardHidden(mlp: Mlp, cache: ForwardCache, dA: Float64Array, top: number, grads: LayerGrads[] | null): Float64Array[] {
  const dAs = new Array<Float64Array>(top + 1);
  let upstream = dA;
  for (let l = top; l >= 0; l--) {
    dAs[l] = upstream;
    const layer = mlp.layers[l]!;
    const c = cache.layers[l]!;
    const df = ACTIVATIONS[layer.activation].df;
    const dU = new Float64Array(upstream.length);
    for (let k = 0; k < dU.length; k++) dU[k] = upstream[k]! * df(c.u[k]!);
    const down = layerBackward(layer, c, dU, cache.n, grads ? grads[l]! : null);
    // The skip path: ∂a_l/∂a_{l−1} = I + ∂f(u_l)/∂a_{l−1}, the "+1" highway.
    if (layer.residual) for (let k = 0; k < down.length; k++) down[k] = down[k]! + upstream[k]!;
    upstream = down;
  }
  return dAs;
}

/** Binary cross-entropy of a logit z against y ∈ {0, 1}, without overflow: max(z, 0) − yz + log(1 + e^−|z|). */
export function bceWithLogit(z: number, y: number): number {
  return Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Frobenius / Euclidean norm of an array. */
export function norm(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! ** 2;
  return Math.sqrt(s);
}

/** Mean BCE over the batch, accuracy at threshold 0.5, every gradient, and the per-layer gradient norms. */
export function lossAndGradients(mlp: Mlp, X: Float64Array, y: Float64Array, n: number): {
  loss: number;
  accuracy: number;
  grads: LayerGrads[];
  gradNorms: GradNorms;
} {
  const cache = forward(mlp, X, n);
  const out = cache.layers[cache.layers.length - 1]!;
  let loss = 0;
  let correct = 0;
  const dZ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = out.a[i]!;
    loss += bceWithLogit(out.z[i]!, y[i]!);
    if ((p >= 0.5 ? 1 : 0) === y[i]) correct++;
    // For a sigmoid output with BCE, ∂L/∂z_out = (ŷ − y), here averaged over the batch.
    dZ[i] = (p - y[i]!) / n;
  }
  const grads = zeroGrads(mlp);
  const outIndex = mlp.layers.length - 1;
  const dA = layerBackward(mlp.layers[outIndex]!, out, dZ, n, grads[outIndex]!);
  if (outIndex > 0) backwardHidden(mlp, cache, dA, outIndex - 1, grads);
  const gradNorms = { weight: grads.map((g) => norm(g.W)), bias: grads.map((g) => norm(g.b)) };
  return { loss: loss / n, accuracy: correct / n, grads, gradNorms };
}

/** The probability of class 1 for each of the n rows of X (batch norm uses X's own batch statistics). */
export function predict(mlp: Mlp, X: Float64Array, n: number): Float64Array {
  const cache = forward(mlp, X, n);
  return cache.layers[cache.layers.length - 1]!.a.slice();
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
