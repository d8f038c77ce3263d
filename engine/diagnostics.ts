/**
 * Two per-layer diagnostics practitioners read beside the gradient norms:
 * - the share of saturated units: a unit whose slope f′(u) is below a tenth
 *   of its activation's peak slope passes back less than a tenth of what it
 *   could (a sigmoid with |u| > 3.6, a tanh with |u| > 1.8, a ReLU with u ≤ 0);
 * - the update-to-weight ratio ‖ΔW_l‖ / ‖W_l‖ of one update, whose healthy
 *   order of magnitude is often quoted as 10⁻³: far below, the layer barely
 *   moves; far above, its weights are being thrown around.
 */
import { ACTIVATIONS, SATURATION_SLOPE } from './activations.ts';
import type { ForwardCache } from './backprop.ts';
import type { Mlp } from './network.ts';

export { SATURATION_SLOPE };

/** The share of entries of f′ (one per example and unit) below SATURATION_SLOPE × peakSlope. */
export function saturatedShare(df: Float64Array, peakSlope: number): number {
  if (df.length === 0) return 0;
  const limit = SATURATION_SLOPE * peakSlope;
  let count = 0;
  for (let k = 0; k < df.length; k++) if (df[k]! < limit) count++;
  return count / df.length;
}

/** The saturated share of every hidden layer (not the output neuron) after a forward pass. */
export function saturationPerLayer(mlp: Mlp, cache: ForwardCache): number[] {
  const hidden = mlp.layers.length - 1;
  return mlp.layers.slice(0, hidden).map((layer, l) => saturatedShare(cache.layers[l]!.df, ACTIVATIONS[layer.activation].peakSlope));
}

/** ‖Δ‖ / ‖W‖ (Frobenius norms) for one update Δ of W, where W is the weight before the update; 0 when W = 0 and Δ = 0. */
export function updateToWeightRatio(delta: Float64Array, before: Float64Array): number {
  let d = 0;
  let w = 0;
  for (let i = 0; i < delta.length; i++) {
    d += delta[i]! ** 2;
    w += before[i]! ** 2;
  }
  if (d === 0) return 0;
  return Math.sqrt(d) / Math.sqrt(w);
}
