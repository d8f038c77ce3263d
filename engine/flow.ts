/**
 * Gradient flow through a deep stack, for the explorer island and the
 * lessons: how big the backpropagated signal is at each hidden layer.
 *
 * What is reported, per hidden layer k = 1 … depth, is the blog convention's
 * δ_k = ∂a_L/∂a_k (the seed δ_L = 1 sits at the last hidden layer):
 * - constant init, width 1, no batch norm: the anchor chain itself (input x,
 *   1 by default, every weight w, every bias b, 0 by default), so
 *   perLayer[k] = |δ_k| from `traceChain`;
 * - otherwise: an MLP of that depth and width is fed a seeded batch of
 *   standard-normal inputs (FLOW_BATCH examples of width features); the upstream gradient
 *   ∂S/∂a_L = 1 for S = Σ_examples Σ_units a_L is backpropagated, and
 *   perLayer[k] is the mean of |∂S/∂a_k| over the batch and the units.
 *   Xavier and He draw their own weights, so `w` only matters for constant init.
 * Either way perLayer[depth − 1] = 1.
 *
 * With `measure: 'delta'` the same backward pass is read one step further,
 * at each layer's pre-activation: the course's δ_k = ∂L/∂z_k, which is
 * ∂L/∂a_L · ∂a_L/∂z_k = ∂L/∂a_L · ∂a_L/∂a_k · f′(z_k). The shared factor
 * ∂L/∂a_L cancels in δ_k/δ_L, which is what perLayer then holds (1 at the top;
 * all 0 when the top layer passes nothing back).
 */
import type { ActivationName } from './activations.ts';
import { anchorNetwork, traceChain } from './chain.ts';
import type { InitScheme } from './init.ts';
import { backwardInto } from './backprop.ts';
import { createMlp, forward, type Mlp } from './mlp.ts';
import { createRng } from './prng.ts';

export type FlowActivation = Extract<ActivationName, 'sigmoid' | 'tanh' | 'relu'>;

export interface FlowOptions {
  /** Hidden layers, 1 … 50. */
  depth: number;
  /** The constant weight (used by `init: 'constant'`; Xavier and He draw their own). */
  w: number;
  /** Every hidden unit's bias; default 0 (the anchor network's). */
  bias?: number;
  /** The anchor chain's input x; default 1 (the post's). The batched MLP path draws its own inputs. */
  x?: number;
  activation: FlowActivation;
  init: 'constant' | 'xavier' | 'he';
  /** Units per hidden layer (and input features); 1 with constant init is the anchor chain. */
  width: number;
  residual: boolean;
  batchNorm: boolean;
  /** Seed for the weights and the input batch. */
  seed: number;
  /** Examples in the input batch of the MLP path; default FLOW_BATCH. */
  batch?: number;
  /** 'activation' (default): ∂a_L/∂a_k, the post's measure; 'delta': δ_k/δ_L with δ_k = ∂L/∂z_k, the course's. */
  measure?: 'activation' | 'delta';
}

export interface FlowResult {
  /** Mean |δ_k| for k = 1 … depth (index 0 = layer 1, the input side). */
  perLayer: number[];
  /** perLayer[0] / perLayer[depth − 1]: below 1 the signal vanishes, above 1 it explodes. */
  firstOverLast: number;
  /** perLayer[depth − 1] / perLayer[0], the post's "times faster" (Infinity when layer 1 gets no signal, e.g. dead ReLUs). */
  lastOverFirst: number;
  /** Mean f′ per layer, taken at the activation's argument: shows saturation. */
  meanDerivative: number[];
  /** 'chain' for the exact anchor chain, 'mlp' for the batched network. */
  source: 'chain' | 'mlp';
}

/**
 * Examples in the batch the MLP path averages over: 32 × width values per
 * layer give a steady mean and keep depth 50, width 32 within a frame.
 */
export const FLOW_BATCH = 32;

/** Computes per-layer gradient magnitudes for the given settings. */
export function gradientFlow(options: FlowOptions): FlowResult {
  const { depth, w, activation, width, residual, batchNorm, batch = FLOW_BATCH, bias = 0, x = 1, measure = 'activation' } = options;
  if (!Number.isInteger(depth) || depth < 1 || depth > 50) throw new RangeError(`depth must be 1 … 50, got ${depth}`);
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be a positive integer, got ${width}`);
  if (!Number.isInteger(batch) || batch < 2) throw new RangeError(`batch must be an integer ≥ 2, got ${batch}`);

  if (options.init === 'constant' && width === 1 && !batchNorm) {
    const { forward: trace, backward } = traceChain(anchorNetwork({ depth, w, b: bias, x, activation, residual }), {
      convention: { kind: 'blog' },
    });
    const dfs = trace.layers.map((l) => l.df);
    const sizes = backward.deltas.map(Math.abs);
    return summarise(measure === 'delta' ? relativeToTop(sizes.map((d, k) => d * Math.abs(dfs[k]!))) : sizes, dfs, 'chain');
  }

  const { mlp, X } = flowNetwork(options);
  const cache = forward(mlp, X, batch);
  const dAs = backwardInto(mlp, cache, { dA: new Float64Array(batch * width).fill(1), top: depth - 1, grads: null });
  const meanDerivative = cache.layers.slice(0, depth).map((c) => mean(c.df, (d) => d));
  const sizes =
    measure === 'delta' ? relativeToTop(dAs.map((dA, l) => meanAbsProduct(dA, cache.layers[l]!.df))) : dAs.map((dA) => mean(dA, Math.abs));
  return summarise(sizes, meanDerivative, 'mlp');
}

/** The network and seeded input batch that the MLP path of `gradientFlow` runs (exported for tests and figures). */
export function flowNetwork(options: FlowOptions): { mlp: Mlp; X: Float64Array; batch: number } {
  const { depth, w, activation, init, width, residual, batchNorm, seed, batch = FLOW_BATCH, bias = 0 } = options;
  const scheme: InitScheme =
    init === 'constant' ? { kind: 'constant', value: w } : init === 'xavier' ? { kind: 'xavier-normal' } : { kind: 'he' };
  const mlp = createMlp({
    inputSize: width,
    hidden: Array.from({ length: depth }, () => ({ width, activation })),
    init: scheme,
    residual,
    batchNorm,
    seed,
  });
  for (const layer of mlp.layers.slice(0, depth)) layer.b.fill(bias);
  // A different stream from the weights', so the inputs do not mirror the first layer's draws.
  const rng = createRng(seed ^ 0x9e3779b9);
  const X = new Float64Array(batch * width);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal();
  return { mlp, X, batch };
}

/** The mean of f(v) over an array. */
function mean(values: Float64Array, f: (v: number) => number): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += f(values[i]!);
  return s / values.length;
}

/** The mean of |a_i · b_i|: the size of ∂S/∂z = ∂S/∂a ⊙ f′ over the batch and the units. */
function meanAbsProduct(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! * b[i]!);
  return s / a.length;
}

/** Each size over the top layer's, so the top reads 1; all zeros stay zeros (nothing to divide by). */
function relativeToTop(sizes: number[]): number[] {
  const top = sizes[sizes.length - 1]!;
  return top > 0 ? sizes.map((v) => v / top) : sizes.map(() => 0);
}

function summarise(perLayer: number[], meanDerivative: number[], source: FlowResult['source']): FlowResult {
  const first = perLayer[0]!;
  const last = perLayer[perLayer.length - 1]!;
  return { perLayer, firstOverLast: first / last, lastOverFirst: last / first, meanDerivative, source };
}
