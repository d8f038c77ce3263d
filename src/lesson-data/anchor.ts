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
export const ideal = {
  delta1: at(IDEAL.backward.deltas, 0),
  ratio: IDEAL.backward.lastOverFirst,
  factor: at(IDEAL.backward.stepFactors, 0),
};

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
export const lossOfChain = (spec: ChainSpec) => traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: Y } }).backward.loss!.value;

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

/**
 * The three ways of counting, as one table (the course's notation): for each,
 * which factors layer 1's value multiplies together, and its value.
 * The course's δ_k = ∂L/∂z_k (Nielsen, Goodfellow et al.); the post's trace
 * table counts ∂a₄/∂a_k; the post's program stores ∂a₄/∂a_{k−1}.
 */
export const notation = {
  /** The course's δ₁ = ∂L/∂z₁: ŷ − y, the output weight, every slope σ′(z₁ … z₄) and the weights between. */
  course: { value: at(BCE.backward.deltas, 0), slopes: DEPTH, weights: DEPTH, lossFactors: 1 },
  /** The post's table: ∂a₄/∂a₁, the slopes of layers 2 … 4 and the weights between. */
  table: { value: blog.delta1, slopes: DEPTH - 1, weights: DEPTH - 1, lossFactors: 0 },
  /** The post's program: ∂a₄/∂a₀ = ∂a₄/∂x, every slope and every hidden weight. */
  program: { value: code.delta1, slopes: DEPTH, weights: DEPTH, lossFactors: 0 },
};

/**
 * Nielsen's expanded product for the anchor network:
 * ∂L/∂b₁ = σ′(z₁) · w · σ′(z₂) · w · σ′(z₃) · w · σ′(z₄) · w_out · ∂L/∂z_out … written as
 * the factors in order from layer 1 up, and their product (= the course's δ₁).
 */
export const nielsenProduct = (() => {
  const factors: { symbol: string; value: number }[] = [];
  layers.forEach((l, k) => {
    factors.push({ symbol: String.raw`\sigma'(z_${k + 1})`, value: l.df });
    factors.push({
      symbol: k === DEPTH - 1 ? String.raw`w_{\text{out}}` : `w_${k + 2}`,
      value: k === DEPTH - 1 ? ANCHOR.output!.w : ANCHOR.layers[k + 1]!.w,
    });
  });
  factors.push({ symbol: String.raw`(\hat y - y)`, value: lossInfo.dLdzOut });
  return { factors, product: factors.reduce((p, f) => p * f.value, 1) };
})();

/** Where the anchor network's loss goes in a hundred real steps: the fraction it falls, and which parameter moves most. */
export const hundredStepsDetail = (() => {
  const after = trainAnchor(100);
  const before = ANCHOR;
  return {
    lossBefore: lossOfChain(before),
    lossAfter: lossOfChain(after),
    fallen: 1 - lossOfChain(after) / lossOfChain(before),
    outputBias: Math.abs(after.output!.b - before.output!.b),
    outputWeight: Math.abs(after.output!.w - before.output!.w),
    w4: Math.abs(after.layers[DEPTH - 1]!.w - before.layers[DEPTH - 1]!.w),
    w1: Math.abs(after.layers[0]!.w - before.layers[0]!.w),
  };
})();

/** The course's δ₄/δ₁ and the weight-gradient ratio under real backprop (BCE): the headline ratios. */
export const headline = {
  /** w · σ′ for the top step, the per-layer factor to remember. */
  factor: blog.factorTop,
  deltaRatio: BCE.backward.lastOverFirst,
  weightGradRatio: at(BCE.backward.weightGrads, -1) / at(BCE.backward.weightGrads, 0),
};

/**
 * The post's fifth question: ReLU hidden layers with a sigmoid output, and
 * ReLU everywhere. The output activation only sets ∂L/∂z_out, a factor every
 * layer's δ shares, so δ₄/δ₁ is the same. Squared error, since a ReLU output is
 * not a probability; the ratio is the same for any loss.
 */
export const outputActivation = (() => {
  const hidden = anchorNetwork({ activation: 'relu' });
  const reluOut: ChainSpec = { ...hidden, output: { ...hidden.output!, activation: 'relu' } };
  const sigmoidAll = anchorNetwork();
  const sigmoidReluOut: ChainSpec = { ...sigmoidAll, output: { ...sigmoidAll.output!, activation: 'relu' } };
  const run = (spec: ChainSpec) => traceChain(spec, { convention: { kind: 'loss', loss: 'mse', y: Y } }).backward;
  return {
    reluSigmoidOut: run(hidden).lastOverFirst,
    reluAll: run(reluOut).lastOverFirst,
    sigmoidSigmoidOut: run(sigmoidAll).lastOverFirst,
    sigmoidReluOut: run(sigmoidReluOut).lastOverFirst,
  };
})();

/**
 * ∂z_out/∂z_k against the program's value ∂a₄/∂a_{k−1}: they agree only
 * because the output weight equals w. In general ∂z_out/∂z_k = (w_out / w) · (program value).
 */
export function programVsLogit(outputWeight: number) {
  const spec: ChainSpec = { ...ANCHOR, output: { ...ANCHOR.output!, w: outputWeight } };
  const { backward } = traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: Y } });
  const dzOutdz1 = at(backward.deltas, 0) / backward.loss!.dLdzOut;
  return { dzOutdz1, program: code.delta1, ratio: dzOutdz1 / code.delta1 };
}

/** The course's step factors δ_k / δ_{k+1} = w · σ′(z_k) (index 0 is layer 2 → 1), and their range. */
export const realFactors = BCE.backward.stepFactors;
export const realFactorRange = [Math.min(...realFactors), Math.max(...realFactors)] as const;
