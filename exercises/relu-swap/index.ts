/**
 * Exercise 5: swap the anchor network's sigmoid hidden layers for ReLU and
 * compare the post's measure at layer 1, ∂aₙ/∂a₁ (blog convention); variants change the
 * weight and the depth.
 */
import { createRng } from '../../engine/prng.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { defineExercise, numberMisconceptions, pick, wrongChoice, type Candidate } from '../catalogue.ts';
import { chainTrace, powerOfTenSlips, reciprocalSlip, type ChainQuery } from '../kit.ts';
import { DEFAULT_TOLERANCE, type ChoicePart, type NumberPart, type Params } from '../types.ts';

/** The part ids, as in the answers file (DESIGN.md); the answers must name each one. */
type PartId = 'gradient_relu' | 'improvement_factor' | 'vanishing_gone';

export interface ReluSwapParams extends Params {
  /** The weight at every connection (the post: 0.1). */
  w: number;
  /** Hidden layers (the post: 4). */
  depth: number;
}

/** Weights below 1, so that the ReLU chain still shrinks and "vanishing_gone" keeps its answer's reason. */
export const WEIGHTS = [0.1, 0.2, 0.3, 0.5] as const;
export const DEPTHS = [3, 4, 5, 6] as const;

const gradientRelu: NumberPart<PartId> = {
  id: 'gradient_relu',
  label: "The share of the backward signal that reaches layer 1 (the post's measure), with {depth} ReLU hidden layers and w = {w}",
  question:
    "With every hidden sigmoid replaced by ReLU (same weights, same input), what share of the backward signal reaches layer 1, in the post's measure (1 at the top hidden layer)?",
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};
const improvement: NumberPart<PartId> = {
  id: 'improvement_factor',
  label: "How many times larger than the sigmoid network's {sigmoidGradient}",
  question: 'How many times larger is that value than the share that reaches layer 1 in the sigmoid network?',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};
const vanishingGone: ChoicePart<PartId> = {
  id: 'vanishing_gone',
  label: 'Does the vanishing gradient problem disappear entirely?',
  question: 'With ReLU hidden layers and a sigmoid output, does the vanishing gradient problem disappear entirely?',
  kind: 'choice',
  choices: ['yes', 'no'],
};

type Hidden = 'relu' | 'sigmoid';

/** The backward trace of this exercise's chain with the given hidden activation; the query may change anything else. */
const trace = (p: ReluSwapParams, activation: Hidden, query: ChainQuery = {}) =>
  chainTrace({ depth: p.depth, w: p.w, activation, ...query }).backward;

/** The post's measure at layer 1 of that chain, ∂aₙ/∂a₁ under the blog convention. */
const first = (p: ReluSwapParams, activation: Hidden, query: ChainQuery = {}) => trace(p, activation, query).deltas[0]!;

/** ReLU's layer-1 value over sigmoid's, both under the same query (convention, depth). */
const ratioOf = (p: ReluSwapParams, query: ChainQuery = {}) => first(p, 'relu', query) / first(p, 'sigmoid', query);

/** "Gone entirely" would need the ReLU chain to stop shrinking: ∂aₙ/∂a₁ no smaller than ∂aₙ/∂aₙ = 1. */
const vanishes = (p: ReluSwapParams) => trace(p, 'relu').lastOverFirst > 1;

export default defineExercise<ReluSwapParams, PartId>({
  id: 'relu-swap',
  title: 'Swapping in ReLU',
  convention:
    "The post's measure ∂aₙ/∂aₖ is 1 at the top hidden layer n, and each step down multiplies it by w·f′(z) of the layer above, with f the hidden activation.",
  parts: [gradientRelu, improvement, vanishingGone],
  canonical: { w: 0.1, depth: 4 },
  paramNames: { w: 'w', depth: 'the number of hidden layers' },
  variant: (seed) => {
    const rng = createRng(seed);
    return { w: pick(rng, WEIGHTS), depth: pick(rng, DEPTHS) };
  },
  answers: (p) => ({
    gradient_relu: first(p, 'relu'),
    improvement_factor: ratioOf(p),
    vanishing_gone: vanishes(p) ? 'no' : 'yes',
  }),
  misconceptions: (p) => {
    const reference = first(p, 'relu');
    const r = ratioOf(p);
    const gradientSlips: Candidate[] = [
      {
        slug: 'one-factor-too-many',
        value: first(p, 'relu', { convention: 'code' }),
        feedback:
          "One factor too many: the post's measure is 1 at the last hidden layer, so only the steps back between layers contribute a factor.",
      },
      {
        slug: 'one-factor-too-few',
        value: first(p, 'relu', { depth: p.depth - 1 }),
        feedback: 'One factor too few: count every step back from the last hidden layer down to layer 1.',
      },
      {
        slug: 'forgot-w',
        value: first({ ...p, w: 1 }, 'relu'),
        feedback: 'ReLU′(z) = 1 for z > 0, but each step back still multiplies by the weight.',
      },
      {
        slug: 'sigmoid-gradient',
        value: first(p, 'sigmoid'),
        feedback: 'That is the share reaching layer 1 in the sigmoid network; this part asks about the network with ReLU hidden layers.',
      },
      {
        slug: 'dead-slope',
        value: first(p, 'relu', { slope: 0 }),
        feedback: "ReLU′(z) is 0 only for z ≤ 0; check the sign of each layer's z in this network.",
      },
      ...powerOfTenSlips(reference, {
        large: 'The digits look right, but check the power of ten: the share reaching layer 1 is smaller than that.',
        small: 'The digits look right, but check the power of ten: the share reaching layer 1 is larger than that.',
      }),
      reciprocalSlip(
        reference,
        'Each step back multiplies by a weight below 1, so the share reaching layer 1 is below 1: check for an inverted factor.',
      ),
    ];
    return [
      ...numberMisconceptions(gradientRelu, reference, gradientSlips),
      ...numberMisconceptions(improvement, r, [
        {
          slug: 'reciprocal',
          value: 1 / r,
          feedback: 'The ratio is upside down: this part asks how many times larger the share reaching layer 1 is in the ReLU network.',
        },
        {
          slug: 'sigmoid-shrink',
          value: trace(p, 'sigmoid').lastOverFirst,
          feedback:
            "That is how much the sigmoid network's measure shrinks from its last hidden layer to its first; this part compares the two networks at layer 1.",
        },
        {
          slug: 'one-factor-too-many',
          value: ratioOf(p, { convention: 'code' }),
          feedback:
            "One σ′ too many in the comparison: the last hidden layer contributes no factor, because the post's measure starts at 1 there.",
        },
        {
          slug: 'one-factor-too-few',
          value: ratioOf(p, { depth: p.depth - 1 }),
          feedback: 'One σ′ too few in the comparison: every step back in the sigmoid network costs a factor σ′ that ReLU does not.',
        },
        ...powerOfTenSlips(r, {
          large: 'The digits look right, but check the power of ten of the ratio.',
          small: 'The digits look right, but the power of ten is off: the ratio is larger than that.',
        }),
      ]),
      wrongChoice(
        vanishingGone.id,
        vanishingGone.choices,
        vanishes(p) ? 'no' : 'yes',
        vanishes(p)
          ? 'ReLU takes σ′ out of each step back, but look at what every step still multiplies by, and at what a ReLU passes back when its z is below 0.'
          : 'Look at the factor each step back multiplies by: when it is at least 1, nothing shrinks on the way to layer 1.',
      ),
    ];
  },
  hints: (p) => [
    'For z > 0, ReLU(z) = z and its slope is exactly 1. Check that every hidden z is positive here (x and w are positive).',
    `So each step back multiplies by w · 1 = ${exact(p.w)}; count the steps from the last hidden layer down to layer 1.`,
    'The sigmoid network multiplies by w·σ′(z) at the same steps, so in the ratio the weights cancel and only the sigmoid slopes are left.',
  ],
  display: (p) => ({
    w: exact(p.w),
    depth: exact(p.depth),
    steps: exact(p.depth - 1),
    sigmoidGradient: formatNumber(first(p, 'sigmoid')),
    sigmoidShrink: formatNumber(trace(p, 'sigmoid').lastOverFirst, { sig: 5 }),
  }),
});
