/**
 * Exercise 2: put one, then two, extra sigmoid layers between the input and
 * layer 1 of the anchor network and follow the post's measure ∂aₙ/∂a₁ to the new
 * first layer. Blog convention; variants change the weight and the starting depth.
 */
import { sigmoid } from '../../engine/activations.ts';
import { createRng } from '../../engine/prng.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { defineExercise, numberMisconceptions, pick, type Candidate } from '../catalogue.ts';
import { chainTrace, powerOfTenSlips, reciprocalSlip } from '../kit.ts';
import { DEFAULT_TOLERANCE, type NumberPart, type Params } from '../types.ts';

/** The part ids, as in the answers file (DESIGN.md); the answers must name each one. */
type PartId = 'factor_per_layer' | 'gradient_5_layers' | 'gradient_6_layers';

export interface DeeperNetworkParams extends Params {
  /** The weight at every connection (the post: 0.1). */
  w: number;
  /** Hidden layers before any are added (the post: 4). */
  depth: number;
}

/** Weights kept where w·σ′ stays well below 0.1 and away from w = σ′ (both would blur the catalogue). */
export const WEIGHTS = [0.05, 0.1, 0.15, 0.2, 0.3] as const;
export const DEPTHS = [3, 4, 5, 6] as const;

const factorPart: NumberPart<PartId> = {
  id: 'factor_per_layer',
  label: 'The factor w·σ′(z) of one step back, with w = {w}',
  question: "By what factor w·σ′(z) is the post's measure multiplied when it steps down to the added layer?",
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};

const oneMore: NumberPart<PartId> = {
  id: 'gradient_5_layers',
  label: "The share of the backward signal that reaches the new first layer (the post's measure), with {depthPlus1} hidden layers",
  question:
    "With one hidden layer added before layer 1, what share of the backward signal reaches the new first layer, in the post's measure (1 at the top hidden layer)?",
  keyNumbers: '{depthPlus1} hidden layers',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};

const twoMore: NumberPart<PartId> = {
  id: 'gradient_6_layers',
  label: "The share of the backward signal that reaches the new first layer (the post's measure), with {depthPlus2} hidden layers",
  question:
    "With two hidden layers added before layer 1, what share of the backward signal reaches the new first layer, in the post's measure?",
  keyNumbers: '{depthPlus2} hidden layers',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};

/** The anchor network with `depth` hidden layers and this exercise's weight, traced under the named convention. */
const trace = (p: DeeperNetworkParams, depth: number, convention: 'blog' | 'code' = 'blog') => chainTrace({ depth, w: p.w, convention });

/** The post's measure at layer 1: ∂aₙ/∂a₁ under the blog convention, ∂aₙ/∂x under the code convention. */
const firstDelta = (p: DeeperNetworkParams, depth: number, kind: 'blog' | 'code' = 'blog') => trace(p, depth, kind).backward.deltas[0]!;

/** The catalogue for "∂aₙ/∂a₁ of the network with `depth` hidden layers", `added` of them added at the input. */
function gradientSlips(p: DeeperNetworkParams, depth: number, added: number): Candidate[] {
  const { forward, backward } = trace(p, depth);
  const steps = depth - 1;
  const reference = firstDelta(p, depth);
  // The factors w·σ′(z_k) for k = 2 … depth, split into their two halves.
  const slopes = forward.layers.slice(1).map((layer) => layer.df);
  // The added steps are the first `added` factors (between the new layers and the old layer 1).
  const addedFactors = backward.stepFactors.slice(0, added);
  const addedProduct = addedFactors.reduce((product, f) => product * f, 1);
  // Each added step's factor taken with the slope of its own (lower) layer instead of the layer above.
  const ownSlopes = forward.layers.slice(0, added).reduce((product, layer) => product * p.w * layer.df, 1);
  return [
    {
      slug: 'own-layer-slope',
      value: (reference / addedProduct) * ownSlopes,
      feedback:
        "Each added step back multiplies by σ′ of the layer above it, the one the gradient comes from; it looks like you used the new layer's own slope.",
      near: true,
    },
    {
      slug: 'quarter-slopes',
      value: (p.w * sigmoid.df(0)) ** steps,
      feedback:
        "It looks like every σ′ was taken as its peak 1/4. The slopes here are a little below it, and over this many factors the difference adds up beyond the tolerance: use each layer's exact σ′(z).",
      near: true,
    },
    {
      slug: 'forgot-w-added',
      value: reference / p.w ** added,
      feedback:
        'The added steps multiply by the weight as well as by σ′(z), like every other step; it looks like the weight is missing there.',
    },
    {
      slug: 'one-factor-too-many',
      value: firstDelta(p, depth, 'code'),
      feedback:
        "One factor of w·σ′ too many: the post's measure is 1 at the last hidden layer, so the last layer contributes no factor of its own; count only the steps back between layers.",
    },
    {
      slug: 'one-factor-too-few',
      value: firstDelta(p, depth - 1),
      feedback:
        'One factor of w·σ′ too few: every added layer puts one more step back between the last hidden layer and the new first layer.',
    },
    {
      slug: 'forgot-w',
      value: slopes.reduce((product, df) => product * df, 1),
      feedback: 'Each step back multiplies by the weight as well as by σ′(z); your product seems to leave the weights out.',
    },
    {
      slug: 'forgot-sigma-prime',
      value: p.w ** steps,
      feedback: 'Each step back multiplies by σ′(z) as well as by the weight; your product seems to leave the sigmoid slopes out.',
    },
    ...powerOfTenSlips(reference, {
      large: 'The digits look right, but check the power of ten: the share reaching the first layer is smaller than that.',
      small: 'The digits look right, but check the power of ten: the share reaching the first layer is larger than that.',
    }),
    reciprocalSlip(
      reference,
      'Each step back multiplies by a factor below 1, so the share reaching the first layer must be below 1: check for an inverted factor.',
    ),
  ];
}

export default defineExercise<DeeperNetworkParams, PartId>({
  id: 'deeper-network',
  title: 'Adding layers at the input',
  convention: "The post's measure ∂aₙ/∂aₖ is 1 at the top hidden layer n, and each step down multiplies it by w·σ′(z) of the layer above.",
  parts: [factorPart, oneMore, twoMore],
  canonical: { w: 0.1, depth: 4 },
  paramNames: { w: 'w', depth: 'the number of hidden layers' },
  variant: (seed) => {
    const rng = createRng(seed);
    return { w: pick(rng, WEIGHTS), depth: pick(rng, DEPTHS) };
  },
  answers: (p) => ({
    // The step down from layer 2 to the new first layer: (∂aₙ/∂a₁) / (∂aₙ/∂a₂) = w·σ′(z₂).
    factor_per_layer: trace(p, p.depth + 1).backward.stepFactors[0]!,
    gradient_5_layers: firstDelta(p, p.depth + 1),
    gradient_6_layers: firstDelta(p, p.depth + 2),
  }),
  misconceptions: (p) => {
    const { forward, backward } = trace(p, p.depth + 1);
    const factor = backward.stepFactors[0]!;
    const above = forward.layers[1]!;
    return [
      ...numberMisconceptions(factorPart, factor, [
        {
          slug: 'forgot-w',
          value: above.df,
          feedback: 'That is σ′(z) alone; the factor per step also includes the weight on the connection.',
        },
        {
          slug: 'own-layer-slope',
          value: p.w * forward.layers[0]!.df,
          feedback:
            'That uses σ′ of the new first layer itself; the step back from the layer above multiplies by σ′ of the layer above, where the gradient comes from.',
          near: true,
        },
        {
          slug: 'forgot-sigma-prime',
          value: p.w,
          feedback: 'That is the weight alone; the factor per step also includes the sigmoid slope σ′(z).',
        },
        {
          slug: 'sigma-for-derivative',
          value: p.w * above.a,
          feedback: 'It looks like you used σ(z) where the slope σ′(z) = σ(z)(1 − σ(z)) belongs.',
        },
        {
          slug: 'reciprocal',
          value: 1 / factor,
          feedback: 'That is how many times smaller the measure gets per step; this part asks for the factor it is multiplied by.',
        },
        {
          slug: 'power-of-ten-small',
          value: factor / 10,
          feedback: 'The digits look right, but check the power of ten: σ′ near z = 0 is close to its peak of 1/4.',
        },
        {
          slug: 'power-of-ten-large',
          value: factor * 10,
          feedback: 'The digits look right, but check the power of ten of the product w·σ′(z).',
        },
      ]),
      ...numberMisconceptions(oneMore, firstDelta(p, p.depth + 1), gradientSlips(p, p.depth + 1, 1)),
      ...numberMisconceptions(twoMore, firstDelta(p, p.depth + 2), gradientSlips(p, p.depth + 2, 2)),
    ];
  },
  hints: (p) => [
    `Under this convention ∂aₙ/∂aₖ at a layer k is the product of the factors w·σ′(z) of every step down from the last hidden layer n to it.`,
    `Adding a layer at the input leaves the layers above it almost unchanged, so the old first layer's ∂aₙ/∂a₁ (${formatNumber(firstDelta(p, p.depth))}) gets multiplied by one more factor w·σ′(z).`,
    `The new step multiplies by w·σ′(z₂), with z₂ = ${formatNumber(trace(p, p.depth + 1).forward.layers[1]!.z)} the pre-activation of the layer above the new one. σ′ there is close to, but below, its peak of 1/4: use the exact value, because answers are checked to within 1% and the small differences multiply.`,
  ],
  display: (p) => {
    const deeper = trace(p, p.depth + 1).forward.layers[1]!;
    return {
      w: exact(p.w),
      depth: exact(p.depth),
      depthPlus1: exact(p.depth + 1),
      depthPlus2: exact(p.depth + 2),
      steps: exact(p.depth),
      stepsPlus1: exact(p.depth + 1),
      baseGradient: formatNumber(firstDelta(p, p.depth)),
      z2: formatNumber(deeper.z),
      sigmaPrimeZ2: formatNumber(deeper.df, { sig: 4 }),
    };
  },
});
