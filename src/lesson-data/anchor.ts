/**
 * Every figure the lessons quote about the post's anchor network, computed by
 * the engine at build time under each named convention (DESIGN.md).
 */
import { ANCHOR_LABEL, anchorNetwork, traceChain, type ChainSpec } from '../../engine/chain.ts';

/** The post's learning rate η. */
export const LEARNING_RATE = 0.01;

/** The anchor network: x = 1, four sigmoid layers of one neuron, w = 0.1, b = 0, sigmoid output. */
export const ANCHOR = anchorNetwork();
export const DEPTH = ANCHOR.layers.length;
export const W = ANCHOR.layers[0]!.w;
export const B = ANCHOR.layers[0]!.b;
export const X = ANCHOR.x;
export const Y = ANCHOR_LABEL;

const at = <T>(xs: readonly T[], i: number): T => {
  const v = xs[i < 0 ? xs.length + i : i];
  if (v === undefined) throw new RangeError(`no element ${i}`);
  return v;
};

/** The three conventions, as the engine runs them. */
export const BLOG = traceChain(ANCHOR, { convention: { kind: 'blog' }, learningRate: LEARNING_RATE });
export const CODE = traceChain(ANCHOR, { convention: { kind: 'code' }, learningRate: LEARNING_RATE });
export const BCE = traceChain(ANCHOR, { convention: { kind: 'loss', loss: 'bce', y: Y }, learningRate: LEARNING_RATE });

/** The forward pass, layer by layer (index 0 is layer 1). */
export const layers = BLOG.forward.layers;
/** The smallest and largest σ′ across the four layers. */
export const dfRange = [Math.min(...layers.map((l) => l.df)), Math.max(...layers.map((l) => l.df))] as const;

/** Blog convention: δ₄ = 1 and δ_k = δ_{k+1} · w · σ′(z_{k+1}). */
export const blog = {
  deltas: BLOG.backward.deltas,
  delta1: at(BLOG.backward.deltas, 0),
  /** w · σ′(z) at each step back, from layer 4 → 3 down to 2 → 1. */
  factors: BLOG.backward.stepFactors,
  factorTop: at(BLOG.backward.stepFactors, -1),
  ratio: BLOG.backward.lastOverFirst,
  /** The post's update rule ΔW = −η · δ · input; layer 4's input is a₃. */
  update1: at(BLOG.backward.updates, 0),
  update4: at(BLOG.backward.updates, -1),
};

/** What the post's rounded arithmetic gives: σ′ idealised to its maximum, so each factor is exactly w/4. */
export const IDEAL = traceChain(ANCHOR, { convention: { kind: 'blog' }, idealizedDerivative: 0.25 });
export const ideal = { delta1: at(IDEAL.backward.deltas, 0), ratio: IDEAL.backward.lastOverFirst, factor: at(IDEAL.backward.stepFactors, 0) };

/** δ₁ rounded to the three figures the post prints, and the reciprocal the post's output shows. */
export const delta1Rounded = Number(blog.delta1.toPrecision(3));
export const reciprocalOfRounded = 1 / delta1Rounded;

/**
 * The post's "160,000 times slower": layer 4's factor w·σ′ (no η) set against
 * layer 1's update η·δ₁ (with η). Like for like, η cancels and the ratio is δ₄/δ₁.
 */
export const mixedRatio = blog.factorTop / Math.abs(blog.update1);
export const mixedOverExact = mixedRatio / blog.ratio;

/** Code convention: the post's program as written; each layer multiplies in its own σ′. */
export const code = {
  deltas: CODE.backward.deltas,
  delta1: at(CODE.backward.deltas, 0),
  delta4: at(CODE.backward.deltas, -1),
  ratio: CODE.backward.lastOverFirst,
  /** The program prints η · δ, without the input factor or the minus sign. */
  printedUpdate1: LEARNING_RATE * at(CODE.backward.deltas, 0),
  printedUpdate4: LEARNING_RATE * at(CODE.backward.deltas, -1),
};

/** Loss convention: real backprop of binary cross-entropy with y = 1. */
const lossInfo = BCE.backward.loss!;
export const bce = {
  yHat: BCE.forward.output!.a,
  loss: lossInfo.value,
  dLdzOut: lossInfo.dLdzOut,
  outputWeightGrad: lossInfo.outputWeightGrad,
  deltas: BCE.backward.deltas,
  weightGrads: BCE.backward.weightGrads,
  updates: BCE.backward.updates,
  grad1: at(BCE.backward.weightGrads, 0),
  grad4: at(BCE.backward.weightGrads, -1),
  update1: at(BCE.backward.updates, 0),
  update4: at(BCE.backward.updates, -1),
  outputUpdate: -LEARNING_RATE * lossInfo.outputWeightGrad,
  deltaRatio: BCE.backward.lastOverFirst,
  gradRatio: at(BCE.backward.weightGrads, -1) / at(BCE.backward.weightGrads, 0),
};

/** One plain gradient-descent step on every weight and bias, under BCE. */
export function gradientStep(spec: ChainSpec, eta: number): ChainSpec {
  const { backward } = traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: Y }, learningRate: eta });
  const lossInfo = backward.loss!;
  const out = spec.output!;
  return {
    ...spec,
    layers: spec.layers.map((l, k) => ({ ...l, w: l.w - eta * backward.weightGrads[k]!, b: l.b - eta * backward.biasGrads[k]! })),
    output: { ...out, w: out.w - eta * lossInfo.outputWeightGrad, b: out.b - eta * lossInfo.dLdzOut },
  };
}

/** The BCE loss of a chain on the anchor example. */
export const lossOfChain = (spec: ChainSpec) =>
  traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: Y } }).backward.loss!.value;

/** The anchor network after `steps` steps of gradient descent at η. */
export function trainAnchor(steps: number, eta = LEARNING_RATE): ChainSpec {
  let spec = ANCHOR;
  for (let s = 0; s < steps; s++) spec = gradientStep(spec, eta);
  return spec;
}

/** How far each weight moved in `steps` real steps: layer 1, layer 4 and the output weight. */
export function movedAfter(steps: number, eta = LEARNING_RATE) {
  const after = trainAnchor(steps, eta);
  const moved = (k: number) => Math.abs(after.layers[k]!.w - ANCHOR.layers[k]!.w);
  return {
    steps,
    w1: moved(0),
    w4: moved(DEPTH - 1),
    out: Math.abs(after.output!.w - ANCHOR.output!.w),
    lossBefore: lossOfChain(ANCHOR),
    lossAfter: lossOfChain(after),
  };
}

export const oneStep = movedAfter(1);
export const hundredSteps = movedAfter(100);
