/**
 * The scalar chain: one neuron per layer, the shape of the post's "anchor
 * network". The forward trace records z, a and f′(z) per layer; the backward
 * pass runs under a named gradient convention (see DESIGN.md):
 *
 * - `blog`: δ_L = seed at the last hidden layer; δ_k = δ_{k+1} · w_{k+1} · f′(z_{k+1}).
 *   So δ_k = ∂a_L/∂a_k, and δ₁ is a product of L − 1 factors.
 * - `code`: the post's numpy loop as written; the product starts at 1 above
 *   layer L and each layer multiplies in its own factor: δ_k = δ_{k+1} · w_k · f′(z_k).
 *   So δ_k = ∂a_L/∂a_{k−1}, and δ₁ has L factors.
 * - `loss`: real backprop from a loss on an output neuron; δ_k = ∂L/∂z_k.
 *
 * With residual connections a_k = a_{k−1} + f(z_k), so each step's factor
 * w·f′ becomes 1 + w·f′: the "+1" gradient highway.
 */
import { ACTIVATIONS, sigmoid, type ActivationName } from './activations.ts';

export interface ChainLayer {
  w: number;
  b: number;
  activation: ActivationName;
}

export interface OutputNeuron {
  w: number;
  b: number;
  /** The output activation; the anchor network uses sigmoid. */
  activation: ActivationName;
}

export interface ChainSpec {
  /** The input x. */
  x: number;
  /** Hidden layers, from the input side (layer 1) to the output side (layer L). */
  layers: ChainLayer[];
  /** a_k = a_{k−1} + f(z_k) instead of a_k = f(z_k). */
  residual?: boolean;
  /** The output neuron; only the `loss` convention uses it. */
  output?: OutputNeuron;
}

export interface LayerTrace {
  /** z_k = w_k · a_{k−1} + b_k */
  z: number;
  /** a_k, the layer's output (including the skip term with residuals) */
  a: number;
  /** f′(z_k), the exact local derivative */
  df: number;
}

export interface ForwardTrace {
  x: number;
  layers: LayerTrace[];
  /** Present when the spec has an output neuron: ŷ = f(z_out). */
  output?: LayerTrace;
}

export type LossName = 'bce' | 'mse';

export type Convention =
  | { kind: 'blog' /** δ at the last hidden layer; default 1 */; seed?: number }
  | { kind: 'code' /** the running product's start above layer L; default 1 */; seed?: number }
  | { kind: 'loss'; loss: LossName /** the label y */; y: number };

export interface BackwardOptions {
  convention: Convention;
  /** Replace every f′(z) in the backward pass by this value, e.g. 0.20. */
  idealizedDerivative?: number;
  /** η for the updates −η·∂L/∂w; default 0.01 as in the post. */
  learningRate?: number;
}

export interface BackwardTrace {
  convention: Convention['kind'];
  /** δ_k per hidden layer (index 0 is layer 1), under the convention's meaning. */
  deltas: number[];
  /** ∂/∂w_k = δ_k · a_{k−1} (under `loss`, the true ∂L/∂w_k). */
  weightGrads: number[];
  /** ∂/∂b_k; under `blog`/`code` the post has no biases, so this is δ_k · 1. */
  biasGrads: number[];
  /** −η · ∂/∂w_k */
  updates: number[];
  /** The factor each step back multiplies by: stepFactors[k] = δ_k / δ_{k+1} (index 0 is layer 1 vs 2). */
  stepFactors: number[];
  /** δ_L / δ_1: how many times smaller the first layer's δ is than the last's. */
  lastOverFirst: number;
  /** Under `loss`: the loss value and the output neuron's gradients. */
  loss?: { value: number; dLdzOut: number; outputWeightGrad: number; outputBiasGrad: number };
}

/** Runs the chain forward, layer by layer. */
export function forwardChain(spec: ChainSpec): ForwardTrace {
  const layers: LayerTrace[] = [];
  let a = spec.x;
  for (const layer of spec.layers) {
    const act = ACTIVATIONS[layer.activation];
    const z = layer.w * a + layer.b;
    const next = (spec.residual ? a : 0) + act.f(z);
    layers.push({ z, a: next, df: act.df(z) });
    a = next;
  }
  const trace: ForwardTrace = { x: spec.x, layers };
  if (spec.output) {
    const act = ACTIVATIONS[spec.output.activation];
    const z = spec.output.w * a + spec.output.b;
    trace.output = { z, a: act.f(z), df: act.df(z) };
  }
  return trace;
}

/** The loss of a prediction ŷ against the label y, and ∂L/∂ŷ. */
export function lossOf(loss: LossName, yHat: number, y: number): { value: number; dLdyHat: number } {
  if (loss === 'mse') return { value: 0.5 * (yHat - y) ** 2, dLdyHat: yHat - y };
  // Binary cross-entropy, clamped so that ŷ ∈ {0, 1} gives a large finite loss.
  const p = Math.min(Math.max(yHat, 1e-15), 1 - 1e-15);
  return { value: -(y * Math.log(p) + (1 - y) * Math.log(1 - p)), dLdyHat: (p - y) / (p * (1 - p)) };
}

/** Runs the backward pass over a forward trace under an explicit convention. */
export function backwardChain(spec: ChainSpec, trace: ForwardTrace, options: BackwardOptions): BackwardTrace {
  const { convention, idealizedDerivative, learningRate = 0.01 } = options;
  const n = spec.layers.length;
  const df = (k: number) => idealizedDerivative ?? trace.layers[k]!.df;
  const w = (k: number) => spec.layers[k]!.w;
  // How a_k depends on a_{k−1} through layer k, given its local derivative.
  const step = (k: number) => (spec.residual ? 1 : 0) + w(k) * df(k);
  const input = (k: number) => (k === 0 ? trace.x : trace.layers[k - 1]!.a);

  const deltas = new Array<number>(n);
  let lossInfo: BackwardTrace['loss'];
  if (convention.kind === 'blog') {
    let delta = convention.seed ?? 1;
    for (let k = n - 1; k >= 0; k--) {
      deltas[k] = delta;
      delta *= step(k);
    }
  } else if (convention.kind === 'code') {
    let delta = convention.seed ?? 1;
    for (let k = n - 1; k >= 0; k--) {
      delta *= step(k);
      deltas[k] = delta;
    }
  } else {
    if (!spec.output || !trace.output) throw new Error("the 'loss' convention needs an output neuron");
    const out = spec.output;
    const yHat = trace.output.a;
    const { value: fromYHat, dLdyHat } = lossOf(convention.loss, yHat, convention.y);
    // For sigmoid + BCE, work from the logit: L = softplus(z) − y·z and ∂L/∂z = ŷ − y. From ŷ
    // alone, 1 − ŷ cancels for confident predictions and the clamp caps the loss near 34.5.
    const fromLogit = convention.loss === 'bce' && out.activation === 'sigmoid';
    const zOut = trace.output.z;
    const value = fromLogit ? Math.max(zOut, 0) - convention.y * zOut + Math.log1p(Math.exp(-Math.abs(zOut))) : fromYHat;
    const dLdzOut =
      fromLogit && idealizedDerivative === undefined ? sigmoid.f(zOut) - convention.y : dLdyHat * (idealizedDerivative ?? trace.output.df);
    const aL = n === 0 ? trace.x : trace.layers[n - 1]!.a;
    lossInfo = { value, dLdzOut, outputWeightGrad: dLdzOut * aL, outputBiasGrad: dLdzOut };
    // dL/da_L, then dL/dz_k = dL/da_k · f′(z_k); dL/da_{k−1} = dL/da_k · step(k).
    let dLda = dLdzOut * out.w;
    for (let k = n - 1; k >= 0; k--) {
      deltas[k] = dLda * df(k);
      dLda *= step(k);
    }
  }

  const weightGrads = deltas.map((d, k) => d * input(k));
  const biasGrads = deltas.slice();
  const updates = weightGrads.map((g) => -learningRate * g);
  const stepFactors = deltas.slice(0, -1).map((d, k) => d / deltas[k + 1]!);
  const lastOverFirst = n === 0 ? 1 : deltas[n - 1]! / deltas[0]!;
  const result: BackwardTrace = {
    convention: convention.kind,
    deltas,
    weightGrads,
    biasGrads,
    updates,
    stepFactors,
    lastOverFirst,
  };
  if (lossInfo) result.loss = lossInfo;
  return result;
}

/** Forward and backward in one call. */
export function traceChain(spec: ChainSpec, options: BackwardOptions): { forward: ForwardTrace; backward: BackwardTrace } {
  const forward = forwardChain(spec);
  return { forward, backward: backwardChain(spec, forward, options) };
}

export interface AnchorOptions {
  /** Number of hidden layers; the post uses 4. */
  depth?: number;
  /** The weight at every connection; the post uses 0.1. */
  w?: number;
  /** The bias everywhere; the post uses 0. */
  b?: number;
  /** The hidden activation; the post uses sigmoid. */
  activation?: ActivationName;
  /** The input; the post uses 1.0. */
  x?: number;
  residual?: boolean;
}

/** The label of the anchor network. */
export const ANCHOR_LABEL = 1;

/**
 * The post's anchor network: x = 1, four sigmoid hidden layers of one neuron,
 * one sigmoid output neuron, w = 0.1 and b = 0 everywhere. Options vary it.
 */
export function anchorNetwork(options: AnchorOptions = {}): ChainSpec {
  const { depth = 4, w = 0.1, b = 0, activation = 'sigmoid', x = 1, residual = false } = options;
  return {
    x,
    layers: Array.from({ length: depth }, () => ({ w, b, activation })),
    residual,
    output: { w, b, activation: 'sigmoid' },
  };
}
