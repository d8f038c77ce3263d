/**
 * The honest-limits lesson's numbers: shallow chains, exploding products,
 * dead ReLUs. Each is the anchor network with one setting changed, run by
 * the engine.
 */
import { anchorNetwork, traceChain, type AnchorOptions } from '../../engine/chain.ts';
import { W } from './anchor.ts';

/**
 * The course's δ₁/δₙ (δₖ = ∂L/∂zₖ): how much of the top hidden layer's signal
 * reaches layer 1. It does not depend on the loss, and is read off the loss-free
 * trace as (∂aₙ/∂a₁) · f′(z₁)/f′(zₙ), since δₖ = ∂L/∂aₙ · ∂aₙ/∂aₖ · f′(zₖ); a real
 * loss would give 0/0 once the output saturates (the exploding chains).
 */
const courseTrace = (options: AnchorOptions) => {
  const { forward, backward } = traceChain(anchorNetwork(options), { convention: { kind: 'blog' } });
  const df = forward.layers.map((l) => l.df);
  return { forward, backward, ratio: (backward.deltas[0]! * df[0]!) / df.at(-1)! };
};
const courseRatio = (options: AnchorOptions) => courseTrace(options).ratio;

/** A weight of one: the size Xavier and He initialisation give a one-in, one-out layer. */
export const WELL_SCALED_W = 1;

/** δ₁/δₙ for n = 1 … 4 hidden layers, with the post's weight and with a well-scaled one. */
export const shallow = [1, 2, 3, 4].map((depth) => ({
  depth,
  small: courseRatio({ depth, w: W }),
  scaled: courseRatio({ depth, w: WELL_SCALED_W }),
}));

/** A large weight on a sigmoid chain: z lands in the saturation zone, so the product still collapses. */
export const BIG_W = 8;
export const saturatedBig = courseRatio({ w: BIG_W });
export const saturatedZ = traceChain(anchorNetwork({ w: BIG_W }), { convention: { kind: 'blog' } }).forward.layers.map((l) => l.z);

/**
 * The same weight with the bias holding every z at 0 (x = ½, b = −w/2, so each
 * layer outputs ½ again): now every factor is w/4 and the product grows.
 */
export const HELD = { w: BIG_W, b: -BIG_W / 2, x: 0.5 };
export const EXPLODE_DEPTHS = [4, 8, 12, 16] as const;
export const exploding = EXPLODE_DEPTHS.map((depth) => {
  const { forward, backward, ratio } = courseTrace({ depth, ...HELD });
  return { depth, delta1: ratio, factor: backward.stepFactors[0]!, z: forward.layers[0]!.z };
});
/** A ReLU chain with w = 2: the factor is exactly the weight. */
export const RELU_W = 2;
export const reluExploding = EXPLODE_DEPTHS.map((depth) => ({
  depth,
  delta1: courseRatio({ depth, w: RELU_W, activation: 'relu' }),
}));

/** A dead ReLU chain: a negative bias keeps z ≤ 0 for every input, so every hidden gradient is exactly zero. */
export const DEAD_BIAS = -0.5;
export const DEAD_INPUTS = [0.5, 1, 2, 4] as const;
export const dead = DEAD_INPUTS.map((x) => {
  const spec = anchorNetwork({ activation: 'relu', b: DEAD_BIAS, x });
  const { forward, backward } = traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: 1 } });
  return {
    x,
    z1: forward.layers[0]!.z,
    grad1: backward.weightGrads[0]!,
    gradTop: backward.weightGrads.at(-1)!,
    outputBiasGrad: backward.loss!.outputBiasGrad,
  };
});
/** The same inputs with b = 0: the units are alive and get a gradient. */
export const alive = DEAD_INPUTS.map((x) => {
  const { backward } = traceChain(anchorNetwork({ activation: 'relu', x }), { convention: { kind: 'loss', loss: 'bce', y: 1 } });
  return { x, grad1: backward.weightGrads[0]! };
});
