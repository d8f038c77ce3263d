/**
 * Lesson 4, the backward pass: count the step factors between δ₄ and δ₁
 * (δₖ = ∂L/∂zₖ, the course's notation), then estimate δ₁/δ₄, before the
 * trace shows it. δ₁/δ₄ is the headline ratio δ₄/δ₁ turned over.
 */
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { COUNT_TOLERANCE, numberCheckpoint } from './define.ts';
import { subscript } from '../kit.ts';

const spec = anchorNetwork();
const depth = spec.layers.length;
const w = spec.layers[0]!.w;
const real = traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: 1 } }).backward;
/** δₖ = δₖ₊₁ · w · σ′(zₖ): real.stepFactors[0] is layer 2 → 1, the last is layer 4 → 3. */
const factors = real.stepFactors.length;
/** The factor the question quotes: the top step's w·σ′, rounded to the post's 0.025. */
const factorShown = Number(formatNumber(real.stepFactors[factors - 1]!, { sig: 2 }));
/** δ₁/δ₄, the headline ratio turned over. */
const ratio = real.deltas[0]! / real.deltas[depth - 1]!;
const top = `δ${subscript(depth)}`;
const ratioName = `δ₁/${top}`;

export const factorCountCheckpoint = numberCheckpoint({
  id: 'backward-pass/factor-count',
  question: `Going back from layer ${depth}, each step down multiplies the error signal by one factor w·σ′(z): δₖ = δₖ₊₁ · w · σ′(zₖ). How many such factors separate ${top} from δ₁?`,
  label: `Factors between ${top} and δ₁`,
  answer: factors,
  tolerance: COUNT_TOLERANCE,
  slips: [
    {
      slug: 'one-per-layer',
      value: depth,
      feedback: `One per layer is one too many: ${top} is where the product starts, so count the steps between layers, not the layers.`,
    },
    { slug: 'one-too-few', value: factors - 1, feedback: `Count every step, from layer ${depth} down to layer 1.` },
  ],
  answerText: `${factors} factors, one for each step between ${depth} layers.`,
  explanation: `The fence-post: ${depth} layers have ${factors} gaps between them. ${top} itself is where the product starts, so it contributes no step factor.`,
});

export const delta1Estimate = numberCheckpoint({
  id: 'backward-pass/delta1-estimate',
  question: `Each step factor w·σ′(z) is about ${exact(factorShown)}. Estimate ${ratioName}: what fraction of layer ${depth}'s error signal reaches layer 1?`,
  label: `${ratioName}, the fraction of ${top} that reaches layer 1`,
  answer: ratio,
  slips: [
    {
      slug: 'one-factor-too-many',
      value: ratio * real.stepFactors[factors - 1]!,
      feedback: `One factor too many: ${top} is where the product starts, so layer ${depth} contributes no step factor.`,
    },
    {
      slug: 'one-factor-too-few',
      value: ratio / real.stepFactors[0]!,
      feedback: 'One factor too few: count the steps from the top hidden layer down to layer 1.',
    },
    {
      slug: 'forgot-w',
      // δ₁/δ₄ = Π w·σ′, so the slopes alone are that value / w^count.
      value: ratio / w ** factors,
      feedback: 'Each step multiplies by the weight as well as the slope; your product seems to leave the weights out.',
    },
    {
      slug: 'reciprocal',
      value: 1 / ratio,
      feedback: `That is how many times smaller δ₁ is than ${top}, the headline ratio; this asks for the fraction ${ratioName} itself.`,
    },
    {
      slug: 'power-of-ten-large',
      value: ratio * 10,
      feedback: `The digits look right, but check the power of ten: ${ratioName} is smaller than that.`,
    },
    {
      slug: 'power-of-ten-small',
      value: ratio / 10,
      feedback: `The digits look right, but check the power of ten: ${ratioName} is larger than that.`,
    },
  ],
  answerText: `About ${exact(factorShown)}^${factors} = ${formatNumber(factorShown ** factors, { sig: 4 })}; the engine's exact value is ${formatNumber(ratio, { sig: 4 })}.`,
  explanation: `${ratioName} is a product of ${factors} factors, each about ${exact(factorShown)}, so δ₁ is about ${formatNumber(1 / ratio, { sig: 3 })} times smaller than ${top}: the headline ratio.`,
});

export default [factorCountCheckpoint, delta1Estimate];
