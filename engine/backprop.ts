/**
 * The MLP's forward and backward passes over a batch. Every matrix is n × width,
 * row-major. A `Workspace` holds all the arrays one batch size needs, so a
 * training loop can run thousands of passes without allocating.
 */
import { ACTIVATIONS } from './activations.ts';
import { batchNormBackward, batchNormForward, batchNormInference } from './batchnorm.ts';
import { accumulateWeightGrads, affine, backThrough } from './kernels.ts';
import type { DenseLayer, LayerGrads, Mlp } from './network.ts';

/** What the forward pass keeps for the backward pass, per layer. */
export interface LayerCache {
  /** The layer's input a_{l−1} (X for the first layer). */
  input: Float64Array;
  z: Float64Array;
  /** With batch norm: ẑ and 1/√(σ²+ε); otherwise null. */
  zhat: Float64Array | null;
  invStd: Float64Array | null;
  /** With batch norm in training mode: the batch's μ_B and σ²_B per unit; otherwise null. */
  batchMean: Float64Array | null;
  batchVariance: Float64Array | null;
  /** The activation's argument: γẑ + β with batch norm, else z. */
  u: Float64Array;
  /** f′(u), recorded on the way forward as the chain trace does. */
  df: Float64Array;
  a: Float64Array;
}

export interface ForwardCache {
  n: number;
  layers: LayerCache[];
}

/** Arrays for one batch size: the forward cache plus the backward pass's scratch. */
export interface Workspace extends ForwardCache {
  /** Per layer: ∂L/∂u, ∂L/∂z (batch norm only) and ∂L/∂a_{l−1}. */
  dU: Float64Array[];
  dZ: (Float64Array | null)[];
  dInput: Float64Array[];
}

/** Allocates every array a pass over n examples needs. */
export function createWorkspace(mlp: Mlp, n: number): Workspace {
  const matrix = (width: number) => new Float64Array(n * width);
  const layers = mlp.layers.map((l): LayerCache => {
    const bn = l.gamma !== null;
    const z = matrix(l.outSize);
    return {
      input: new Float64Array(0),
      z,
      zhat: bn ? matrix(l.outSize) : null,
      invStd: bn ? new Float64Array(l.outSize) : null,
      batchMean: bn ? new Float64Array(l.outSize) : null,
      batchVariance: bn ? new Float64Array(l.outSize) : null,
      u: bn ? matrix(l.outSize) : z,
      df: matrix(l.outSize),
      a: matrix(l.outSize),
    };
  });
  return {
    n,
    layers,
    dU: mlp.layers.map((l) => matrix(l.outSize)),
    dZ: mlp.layers.map((l) => (l.gamma ? matrix(l.outSize) : null)),
    dInput: mlp.layers.map((l) => matrix(l.inSize)),
  };
}

/**
 * How batch norm normalises: 'train' with the batch's own statistics (what
 * backprop differentiates), 'inference' with the running averages.
 */
export type BatchNormMode = 'train' | 'inference';

/** Runs X (n × inputSize) through every layer, writing into the workspace's cache. */
export function forwardInto(mlp: Mlp, X: Float64Array, ws: Workspace, mode: BatchNormMode = 'train'): ForwardCache {
  const n = ws.n;
  let input = X;
  mlp.layers.forEach((layer, l) => {
    const c = ws.layers[l]!;
    const { inSize, outSize, W, b } = layer;
    c.input = input;
    affine({ A: input, W, b, Z: c.z, n, inSize, outSize });
    if (layer.gamma && layer.beta && mode === 'inference' && layer.runningMean && layer.runningVar) {
      batchNormInference(
        c.z,
        { n, width: outSize, gamma: layer.gamma, beta: layer.beta },
        { runningMean: layer.runningMean, runningVar: layer.runningVar },
        c.u,
      );
    } else if (layer.gamma && layer.beta && c.zhat && c.invStd) {
      batchNormForward(
        c.z,
        { n, width: outSize, gamma: layer.gamma, beta: layer.beta },
        { zhat: c.zhat, u: c.u, invStd: c.invStd, batchMean: c.batchMean ?? undefined, batchVariance: c.batchVariance ?? undefined },
      );
    }
    const act = ACTIVATIONS[layer.activation];
    const { u, a, df } = c;
    for (let k = 0; k < a.length; k++) a[k] = act.f(u[k]!);
    if (act.dfFromValue) for (let k = 0; k < a.length; k++) df[k] = act.dfFromValue(a[k]!);
    else for (let k = 0; k < a.length; k++) df[k] = act.df(u[k]!);
    if (layer.residual) for (let k = 0; k < a.length; k++) a[k] = a[k]! + input[k]!;
    input = a;
  });
  return ws;
}

/**
 * Backprop through layer l given ∂L/∂u_l in ws.dU[l]: adds the layer's
 * parameter gradients into `grads` (skipped when null) and writes ∂L/∂a_{l−1}
 * through W only into ws.dInput[l] (the caller adds the skip term).
 */
export function layerBackward(layer: DenseLayer, l: number, ws: Workspace, grads: LayerGrads | null): Float64Array {
  const { inSize, outSize, W } = layer;
  const n = ws.n;
  const cache = ws.layers[l]!;
  const dU = ws.dU[l]!;
  let dZ = dU;
  const bnScratch = ws.dZ[l];
  if (layer.gamma && bnScratch && cache.zhat && cache.invStd) {
    dZ = bnScratch;
    const dGamma = grads?.gamma ?? new Float64Array(outSize);
    const dBeta = grads?.beta ?? new Float64Array(outSize);
    batchNormBackward(dU, { n, width: outSize, gamma: layer.gamma }, { zhat: cache.zhat, invStd: cache.invStd }, { dZ, dGamma, dBeta });
  }
  const dInput = ws.dInput[l]!;
  backThrough({ G: dZ, W, D: dInput, n, inSize, outSize });
  if (grads !== null) accumulateWeightGrads({ G: dZ, A: cache.input, gW: grads.W, gb: grads.b, n, inSize, outSize });
  return dInput;
}

/**
 * Backprop from ∂L/∂a at the output of hidden layer `top` down to layer 0,
 * adding into `grads` (null: only the signal, no parameter gradients).
 * Returns ∂L/∂a_l for l = 0 … top (index 0 = first hidden layer); these are
 * the workspace's arrays, valid until its next use.
 */
export function backwardInto(
  mlp: Mlp,
  ws: Workspace,
  { dA, top, grads }: { dA: Float64Array; top: number; grads: LayerGrads[] | null },
): Float64Array[] {
  const dAs = new Array<Float64Array>(top + 1);
  let upstream = dA;
  for (let l = top; l >= 0; l--) {
    dAs[l] = upstream;
    const layer = mlp.layers[l]!;
    const df = ws.layers[l]!.df;
    const dU = ws.dU[l]!;
    for (let k = 0; k < dU.length; k++) dU[k] = upstream[k]! * df[k]!;
    const down = layerBackward(layer, l, ws, grads ? grads[l]! : null);
    // The skip path: ∂a_l/∂a_{l−1} = I + ∂f(u_l)/∂a_{l−1}, the "+1" highway.
    if (layer.residual) for (let k = 0; k < down.length; k++) down[k] = down[k]! + upstream[k]!;
    upstream = down;
  }
  return dAs;
}
