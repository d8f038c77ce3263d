/**
 * Exercise 4: why a saturated sigmoid passes back almost nothing, even behind
 * a large weight. Pure activation arithmetic; variants change the saturated z,
 * the small z and the large weight.
 */
import { sigmoid } from '../../engine/activations.ts';
import { createRng } from '../../engine/prng.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { defineExercise, numberMisconceptions, pick, type Candidate } from '../catalogue.ts';
import { DEFAULT_TOLERANCE, type NumberPart, type Params } from '../types.ts';

/** The part ids, as in the answers file (DESIGN.md); the answers must name each one. */
type PartId = 'dsigma_at_5' | 'dsigma_at_0_5' | 'ratio' | 'factor_w10_at_5';

export interface SaturationParams extends Params {
  /** A pre-activation deep in the saturation region (the post: 5). */
  zSat: number;
  /** A pre-activation near 0 (the post: 0.5). */
  zSmall: number;
  /** A large weight (the post: 10). */
  w: number;
}

/** Saturated inputs, all beyond the post's |z| > 3 and far enough that w·σ′ stays tiny. */
export const Z_SATURATED = [4.5, 5, 5.5, 6] as const;
/** Small inputs, from 0.5 up: nearer 0, σ′ is within a band's width of its peak 1/4. */
export const Z_SMALL = [0.5, 0.75, 1, 1.25] as const;
/** Large weights; with every saturated z above, w·σ′(z_sat) stays below σ′(z_small). */
export const WEIGHTS = [5, 8, 10, 12] as const;

const dsigmaSat: NumberPart<PartId> = {
  id: 'dsigma_at_5',
  label: 'σ′({zSat}), the slope at the saturated input',
  question: 'What is σ′(z) at the saturated input z_sat?',
  keyNumbers: 'σ′({zSat})',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};
const dsigmaSmall: NumberPart<PartId> = {
  id: 'dsigma_at_0_5',
  label: 'σ′({zSmall}), the slope at the small input',
  question: 'What is σ′(z) at the small input z_small?',
  keyNumbers: 'σ′({zSmall})',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};
const ratio: NumberPart<PartId> = {
  id: 'ratio',
  label: 'How many times larger σ′({zSmall}) is than σ′({zSat})',
  question: 'How many times larger is σ′(z_small) than σ′(z_sat)?',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};
const factor: NumberPart<PartId> = {
  id: 'factor_w10_at_5',
  label: 'The factor w·σ′({zSat}) with the large weight w = {w}',
  question: 'With the large weight w, what is the factor w·σ′(z_sat) that one step back multiplies the gradient by?',
  keyNumbers: 'w·σ′({zSat}) with w = {w}',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};

const slope = (z: number) => sigmoid.df(z);
/** The tail shape e^(−z), which σ′ approaches far from 0 but is not (a few per cent off at these z). */
const tail = (z: number) => Math.exp(-z);
/** σ′ computed from σ(z) rounded to three decimals first, s(1 − s) with s = round(σ, 3). */
const roundedFirst = (z: number) => {
  const s = Math.round(sigmoid.f(z) * 1000) / 1000;
  return s * (1 - s);
};
const ROUNDED_FEEDBACK = (where: string) =>
  `It looks like σ(z) was rounded to three decimals before computing σ(z)(1 − σ(z)): at the ${where} input 1 − σ(z) is small, so those lost digits matter. Keep σ(z) to more figures, or use 1 − σ(z) = 1 / (1 + e^z).`;

/** Slips in evaluating σ′ at one z. */
function slopeSlips(z: number, where: 'saturated' | 'small'): Candidate[] {
  const reference = slope(z);
  // Only far from 0 does σ′ look like e^(−z); at the small input that is no likely slip.
  const tailSlip: Candidate[] =
    where === 'saturated'
      ? [
          {
            slug: 'exponential-tail',
            value: tail(z),
            feedback: `That is e^(−z), the shape σ′ approaches far from 0, not σ′ itself: at the ${where} input it is a few per cent off, more than the tolerance. Compute σ(z)(1 − σ(z)).`,
            near: true,
          },
        ]
      : [];
  return [
    ...tailSlip,
    { slug: 'rounded-sigma', value: roundedFirst(z), feedback: ROUNDED_FEEDBACK(where), near: true },
    {
      slug: 'sigma-for-derivative',
      value: sigmoid.f(z),
      feedback: `That is σ(z) itself at the ${where} input; the slope is σ′(z) = σ(z)(1 − σ(z)).`,
    },
    {
      slug: 'peak-slope',
      value: slope(0),
      feedback: `That is the sigmoid's largest slope, reached at z = 0; evaluate σ′ at the ${where} input instead.`,
    },
    {
      slug: 'power-of-ten-large',
      value: reference * 10,
      feedback: `The digits look right, but check the power of ten of σ′ at the ${where} input.`,
    },
    {
      slug: 'power-of-ten-small',
      value: reference / 10,
      feedback: `The digits look right, but the power of ten is off: σ′ at the ${where} input is larger than that.`,
    },
    {
      slug: 'reciprocal',
      value: 1 / reference,
      feedback: "The sigmoid's slope is never above 1/4, so check for an inversion.",
    },
  ];
}

export default defineExercise<SaturationParams, PartId>({
  id: 'saturation',
  title: 'Saturation beats a large weight',
  convention:
    "One step back through a sigmoid neuron multiplies the backward signal by w·σ′(z), with z that neuron's pre-activation and w the incoming weight that produced z.",
  parts: [dsigmaSat, dsigmaSmall, ratio, factor],
  canonical: { zSat: 5, zSmall: 0.5, w: 10 },
  paramNames: { zSat: 'z_sat', zSmall: 'z_small', w: 'w' },
  variant: (seed) => {
    const rng = createRng(seed);
    return { zSat: pick(rng, Z_SATURATED), zSmall: pick(rng, Z_SMALL), w: pick(rng, WEIGHTS) };
  },
  answers: (p) => ({
    dsigma_at_5: slope(p.zSat),
    dsigma_at_0_5: slope(p.zSmall),
    ratio: slope(p.zSmall) / slope(p.zSat),
    factor_w10_at_5: p.w * slope(p.zSat),
  }),
  misconceptions: (p) => {
    const sat = slope(p.zSat);
    const small = slope(p.zSmall);
    const r = small / sat;
    const f = p.w * sat;
    return [
      ...numberMisconceptions(dsigmaSat, sat, slopeSlips(p.zSat, 'saturated')),
      ...numberMisconceptions(dsigmaSmall, small, slopeSlips(p.zSmall, 'small')),
      ...numberMisconceptions(ratio, r, [
        {
          slug: 'reciprocal',
          value: 1 / r,
          feedback: 'The ratio is upside down: this part asks how many times larger the slope at the small input is.',
        },
        {
          slug: 'exponential-tail',
          value: small / tail(p.zSat),
          feedback:
            'That divides by e^(−z) instead of σ′ at the saturated input: the tail shape is a few per cent off there, more than the tolerance.',
          near: true,
        },
        {
          slug: 'rounded-sigma',
          value: roundedFirst(p.zSmall) / roundedFirst(p.zSat),
          feedback:
            'It looks like the slopes came from σ(z) rounded to three decimals: at the saturated input that loses most of 1 − σ(z). Keep more figures.',
          near: true,
        },
        {
          slug: 'sigma-ratio',
          value: sigmoid.f(p.zSmall) / sigmoid.f(p.zSat),
          feedback: 'That compares the σ(z) values; this part compares the slopes σ′(z).',
        },
        {
          slug: 'difference',
          value: small - sat,
          feedback: 'That is a difference; this part asks for a ratio, how many times larger one slope is.',
        },
        {
          slug: 'power-of-ten-large',
          value: r * 10,
          feedback: 'The digits look right, but check the power of ten of the ratio.',
        },
        {
          slug: 'power-of-ten-small',
          value: r / 10,
          feedback: 'The digits look right, but the power of ten is off: the slopes differ by more than that.',
        },
      ]),
      ...numberMisconceptions(factor, f, [
        {
          slug: 'forgot-sigma-prime',
          value: p.w,
          feedback: 'That is the weight alone; the step back also multiplies by the slope σ′ at the saturated input.',
        },
        {
          slug: 'exponential-tail',
          value: p.w * tail(p.zSat),
          feedback:
            'That multiplies the weight by e^(−z) instead of σ′ at the saturated input: the tail shape is a few per cent off there, more than the tolerance.',
          near: true,
        },
        {
          slug: 'rounded-sigma',
          value: p.w * roundedFirst(p.zSat),
          feedback:
            'It looks like σ′ came from σ(z) rounded to three decimals: at the saturated input that loses most of 1 − σ(z). Keep more figures.',
          near: true,
        },
        {
          slug: 'forgot-w',
          value: sat,
          feedback: 'That is the slope alone; this part multiplies it by the large weight.',
        },
        {
          slug: 'small-z',
          value: p.w * small,
          feedback: 'That uses the slope at the small input; this part asks about the saturated one.',
        },
        {
          slug: 'power-of-ten-large',
          value: f * 10,
          feedback: 'The digits look right, but check the power of ten of the product.',
        },
        {
          slug: 'power-of-ten-small',
          value: f / 10,
          feedback: 'The digits look right, but the power of ten is off: the product is larger than that.',
        },
      ]),
    ];
  },
  hints: (p) => [
    'Compute σ(z) first, then the slope from it: σ′(z) = σ(z)(1 − σ(z)).',
    `At z = ${exact(p.zSat)}, σ(z) is very close to 1, so 1 − σ(z) is tiny; keep enough digits of it (1 − σ(z) = 1 / (1 + e^z) avoids cancelling).`,
    `A large weight scales the slope up linearly, by ${exact(p.w)} times, while saturation shrinks it faster the farther z is from 0: multiply the weight by the exact σ′ at the saturated input (the tail shape e^(−z) is a few per cent off, too rough for the tolerance).`,
  ],
  display: (p) => ({
    zSat: exact(p.zSat),
    zSmall: exact(p.zSmall),
    w: exact(p.w),
    sigmaSat: formatNumber(sigmoid.f(p.zSat), { sig: 4 }),
    oneMinusSigmaSat: formatNumber(1 - sigmoid.f(p.zSat), { sig: 4 }),
    sigmaSmall: formatNumber(sigmoid.f(p.zSmall), { sig: 4 }),
    oneMinusSigmaSmall: formatNumber(1 - sigmoid.f(p.zSmall), { sig: 4 }),
    peakSlope: exact(slope(0)),
  }),
});
