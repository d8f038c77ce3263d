/**
 * Exercise 3: the same four-layer sigmoid chain with larger weights, under an
 * assumed σ′ at every layer (the engine's idealized mode). Variants change the
 * assumed σ′ and the two weights; the verdicts are computed, not fixed.
 */
import { sigmoid } from '../../engine/activations.ts';
import { createRng } from '../../engine/prng.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { defineExercise, numberMisconceptions, pick, wrongChoice, type Candidate } from '../catalogue.ts';
import { chainTrace, layerOneDelta, powerOfTenSlips, reciprocalSlip } from '../kit.ts';
import { DEFAULT_TOLERANCE, type ChoicePart, type NumberPart, type Params } from '../types.ts';

/** The part ids, as in the answers file (DESIGN.md); the answers must name each one. */
type PartId = 'gradient_w_0_5' | 'verdict_w_0_5' | 'gradient_w_2' | 'verdict_w_2' | 'explode_threshold_w';

export interface WeightScaleParams extends Params {
  /** The σ′(z) assumed at every layer (the post: 0.20). */
  sigmaPrime: number;
  /** The first weight tried (the post: 0.5). */
  wA: number;
  /** The second, larger weight (the post: 2.0). */
  wB: number;
}

/** Hidden layers, as in the anchor network. */
export const DEPTH = 4;
/** The anchor network's weight, the baseline both verdicts compare with. */
export const BASELINE_W = 0.1;
/** Assumed slopes below the sigmoid's peak of 1/4 (which would blur "used the peak" with the answer). */
export const SIGMA_PRIMES = [0.1, 0.125, 0.15, 0.2] as const;
/** w_A on either side of the baseline, so the first verdict can be either word. */
export const WEIGHTS_A = [0.05, 0.25, 0.4, 0.5, 0.75] as const;
/**
 * w_B large but with w_B·σ′ < 1 for every assumed σ′, so the chain still shrinks
 * (no 4: with σ′ = 0.125 its answer, 0.5³, would equal the given σ′).
 */
export const WEIGHTS_B = [1.5, 2, 2.5, 3, 3.5] as const;

const VERDICTS = ['better', 'worse'] as const;

const gradientA: NumberPart<PartId> = {
  id: 'gradient_w_0_5',
  keyNumbers: 'w = {wA}',
  label: "The share of the backward signal that reaches layer 1 (the post's measure), with every w = {wA} and σ′ = {sigmaPrime}",
  question:
    "With every weight set to w_A and σ′(z) assumed at every layer, what share of the backward signal reaches layer 1, in the post's measure (1 at the top hidden layer)?",
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};
const verdictA: ChoicePart<PartId> = {
  id: 'verdict_w_0_5',
  keyNumbers: 'w = {wA}',
  label: 'With w = {wA}, is the vanishing better or worse than with w = {baselineW}?',
  question: 'Compared with w = 0.1, is the vanishing problem better or worse with w = w_A?',
  kind: 'choice',
  choices: VERDICTS,
};
const gradientB: NumberPart<PartId> = {
  id: 'gradient_w_2',
  keyNumbers: 'w = {wB}',
  label: "The share of the backward signal that reaches layer 1 (the post's measure), with every w = {wB} and σ′ = {sigmaPrime}",
  question:
    "With every weight set to w_B and the same assumed σ′(z), what share of the backward signal reaches layer 1, in the post's measure?",
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};
const verdictB: ChoicePart<PartId> = {
  id: 'verdict_w_2',
  keyNumbers: 'w = {wB}',
  label: 'With w = {wB}, is the vanishing better or worse than with w = {baselineW}?',
  question: 'Compared with w = 0.1, is the vanishing problem better or worse with w = w_B?',
  kind: 'choice',
  choices: VERDICTS,
};
const threshold: NumberPart<PartId> = {
  id: 'explode_threshold_w',
  label: 'The weight w above which the backward signal grows at each step down, with σ′ = {sigmaPrime}',
  question: 'Above which weight w does the backward signal grow at each step down instead of shrinking?',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};

type Slope = number | 'exact';

/** The post's measure at layer 1 (∂aₙ/∂a₁ under the blog convention) of a chain with every weight w, each σ′ replaced by `slope` (or exact). */
function firstDelta(w: number, slope: Slope, depth = DEPTH, convention: 'blog' | 'code' = 'blog'): number {
  return layerOneDelta({ depth, w, convention, ...(slope === 'exact' ? {} : { slope }) });
}

/** `better` when the gradient reaching layer 1 is nearer 1 (on a log scale) than with the baseline weight. */
function verdict(p: WeightScaleParams, w: number): string {
  const distance = (g: number) => Math.abs(Math.log(g));
  return distance(firstDelta(w, p.sigmaPrime)) < distance(firstDelta(BASELINE_W, p.sigmaPrime)) ? 'better' : 'worse';
}

/** The factor w·σ′ of one step back with weight w and the assumed slope, from a two-layer chain. */
function stepFactor(w: number, slope: number): number {
  return chainTrace({ depth: 2, w, slope }).backward.stepFactors[0]!;
}

/** The w at which the step factor w·σ′ reaches 1; the factor is linear in w, so it is 1 / (factor at w = 1). */
function explodeThreshold(p: WeightScaleParams): number {
  return 1 / stepFactor(1, p.sigmaPrime);
}

function gradientSlips(p: WeightScaleParams, w: number): Candidate[] {
  const reference = firstDelta(w, p.sigmaPrime);
  return [
    {
      slug: 'one-factor-too-many',
      value: firstDelta(w, p.sigmaPrime, DEPTH, 'code'),
      feedback: `One factor of w·σ′ too many: the post's measure is 1 at layer ${DEPTH}, so only the steps back between layers contribute a factor.`,
    },
    {
      slug: 'one-factor-too-few',
      value: firstDelta(w, p.sigmaPrime, DEPTH - 1),
      feedback: `One factor of w·σ′ too few: count every step back from layer ${DEPTH} down to layer 1.`,
    },
    {
      slug: 'forgot-w',
      value: firstDelta(1, p.sigmaPrime),
      feedback: 'Each step back multiplies by the weight as well as by σ′; your product seems to leave the weights out.',
    },
    {
      slug: 'forgot-sigma-prime',
      value: firstDelta(w, 1),
      feedback: 'Each step back multiplies by σ′ as well as by the weight; your product seems to leave the assumed slope out.',
    },
    {
      slug: 'baseline-weight',
      value: firstDelta(BASELINE_W, p.sigmaPrime),
      feedback: `That would be the share reaching layer 1 with the original weight w = ${exact(BASELINE_W)}; use the new weight in every factor.`,
    },
    {
      slug: 'peak-slope',
      value: firstDelta(w, sigmoid.df(0)),
      feedback: `It looks like you used σ′ = ${exact(sigmoid.df(0))}, the sigmoid's peak; this exercise assumes σ′(z) = ${exact(p.sigmaPrime)} at every layer.`,
    },
    {
      slug: 'slope-once',
      value: firstDelta(w, 1) * p.sigmaPrime,
      feedback: 'σ′ seems to be counted once; every step back multiplies by it again, once per step, like the weight.',
    },
    {
      slug: 'exact-slope',
      value: firstDelta(w, 'exact'),
      feedback: `It looks like you used the exact σ′(z) from a forward pass; this exercise assumes σ′(z) = ${exact(p.sigmaPrime)} at every layer.`,
    },
    ...powerOfTenSlips(reference, {
      large: 'The digits look right, but check the power of ten: the share reaching layer 1 is smaller than that.',
      small: 'The digits look right, but check the power of ten: the share reaching layer 1 is larger than that.',
    }),
    reciprocalSlip(
      reference,
      'Each factor w·σ′ is below 1 here, so the share reaching layer 1 is below 1 too: check for an inverted factor.',
    ),
  ];
}

const VERDICT_FEEDBACK: Record<string, string> = {
  better: `Put your share reaching layer 1 next to the one for w = ${exact(BASELINE_W)} with the same assumed σ′: which of the two lets less of the backward signal reach layer 1?`,
  worse: `The backward signal only grows when w·σ′ passes 1, and vanishing is worse only when less reaches layer 1: check both against the w = ${exact(BASELINE_W)} case.`,
};

export default defineExercise<WeightScaleParams, PartId>({
  id: 'weight-scale',
  title: 'Scaling the weights',
  convention: "The post's measure ∂aₙ/∂aₖ is 1 at the top hidden layer n, and each step down multiplies it by w·σ′(z) of the layer above.",
  parts: [gradientA, verdictA, gradientB, verdictB, threshold],
  canonical: { sigmaPrime: 0.2, wA: 0.5, wB: 2 },
  paramNames: { sigmaPrime: 'the assumed σ′', wA: 'w_A', wB: 'w_B' },
  variant: (seed) => {
    const rng = createRng(seed);
    return { sigmaPrime: pick(rng, SIGMA_PRIMES), wA: pick(rng, WEIGHTS_A), wB: pick(rng, WEIGHTS_B) };
  },
  answers: (p) => ({
    gradient_w_0_5: firstDelta(p.wA, p.sigmaPrime),
    verdict_w_0_5: verdict(p, p.wA),
    gradient_w_2: firstDelta(p.wB, p.sigmaPrime),
    verdict_w_2: verdict(p, p.wB),
    explode_threshold_w: explodeThreshold(p),
  }),
  misconceptions: (p) => {
    const limit = explodeThreshold(p);
    const wrongVerdict = (part: ChoicePart, w: number) => {
      const correct = verdict(p, w);
      return wrongChoice(part.id, part.choices, correct, VERDICT_FEEDBACK[VERDICTS.find((v) => v !== correct)!]!);
    };
    return [
      ...numberMisconceptions(gradientA, firstDelta(p.wA, p.sigmaPrime), gradientSlips(p, p.wA)),
      wrongVerdict(verdictA, p.wA),
      ...numberMisconceptions(gradientB, firstDelta(p.wB, p.sigmaPrime), gradientSlips(p, p.wB)),
      wrongVerdict(verdictB, p.wB),
      ...numberMisconceptions(threshold, limit, [
        {
          slug: 'weights-above-one',
          value: 1,
          feedback:
            'A weight above 1 is not enough on its own: what decides growth is whether the whole factor per step, w·σ′, is above 1.',
        },
        {
          slug: 'peak-slope',
          value: 1 / sigmoid.df(0),
          feedback: `That uses the sigmoid's peak slope; this exercise assumes σ′(z) = ${exact(p.sigmaPrime)} at every layer.`,
        },
        {
          slug: 'reciprocal',
          value: 1 / limit,
          feedback: 'That is the slope itself: solve w·σ′ = 1 for w, not for σ′.',
        },
        {
          slug: 'power-of-ten-large',
          value: limit * 10,
          feedback: 'The digits look right, but check the power of ten when you solve w·σ′ = 1.',
        },
        {
          slug: 'power-of-ten-small',
          value: limit / 10,
          feedback: 'The digits look right, but the power of ten is off: at that weight w·σ′ is still far below 1.',
        },
      ]),
    ];
  },
  hints: (p) => [
    `The post's measure is 1 at layer ${DEPTH}, so ∂aₙ/∂a₁ is a product of one factor w·σ′ per step down; count the steps.`,
    `With the assumed slope every factor is the same number, w × ${exact(p.sigmaPrime)}, so the product is that number raised to the count of steps.`,
    'The backward signal grows from step to step exactly when the factor w·σ′ is larger than 1; set it equal to 1 and solve for w.',
  ],
  display: (p) => ({
    sigmaPrime: exact(p.sigmaPrime),
    wA: exact(p.wA),
    wB: exact(p.wB),
    depth: exact(DEPTH),
    steps: exact(DEPTH - 1),
    baselineW: exact(BASELINE_W),
    factorA: exact(stepFactor(p.wA, p.sigmaPrime)),
    factorB: exact(stepFactor(p.wB, p.sigmaPrime)),
    factorBaseline: exact(stepFactor(BASELINE_W, p.sigmaPrime)),
    gradientBaseline: formatNumber(firstDelta(BASELINE_W, p.sigmaPrime)),
  }),
});
