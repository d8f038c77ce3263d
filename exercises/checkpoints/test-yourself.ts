/** Lesson 9, the review: the headline ratio from the rounded factor, and which weight can make a sigmoid chain's factor reach one. */
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { sigmoid } from '../../engine/activations.ts';
import { choiceCheckpoint, numberCheckpoint } from './define.ts';

const spec = anchorNetwork();
const depth = spec.layers.length;
const real = traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: 1 } }).backward;
/** δ₄/δ₁, the course's headline ratio. */
const headline = real.lastOverFirst;
const steps = real.stepFactors.length;
const factorShown = Number(formatNumber(real.stepFactors.at(-1)!, { sig: 2 }));
const peak = sigmoid.df(0);
/** The two weights offered; a sigmoid factor |w·σ′| can reach 1 only when |w| ≥ 1/σ′(0) = 4. */
const SMALL = 2;
const LARGE = 8;

export const headlineRatio = numberCheckpoint({
  id: 'test-yourself/headline-ratio',
  question: `Review: in the anchor network every step factor w·σ′(z) is about ${exact(factorShown)}. Estimate the course's headline ratio δ${depth === 4 ? '₄' : ''}/δ₁: how many times smaller is layer 1's error signal than layer ${depth}'s?`,
  label: `δ${depth === 4 ? '₄' : ''}/δ₁`,
  answer: headline,
  slips: [
    { slug: 'reciprocal', value: 1 / headline, feedback: 'That is the fraction δ₁/δ₄; this asks how many times smaller, its reciprocal.' },
    {
      slug: 'one-too-many',
      value: headline / real.stepFactors.at(-1)!,
      feedback: `One factor too many: ${depth} layers have ${steps} steps between them.`,
    },
    {
      slug: 'one-too-few',
      value: headline * real.stepFactors[0]!,
      feedback: `One factor too few: ${depth} layers have ${steps} steps between them.`,
    },
  ],
  answerText: `About 1/${exact(factorShown)}^${steps} = ${formatNumber(1 / factorShown ** steps, { sig: 3 })}; the engine's exact value is ${formatNumber(headline, { sig: 3 })}.`,
  explanation: `${steps} step factors separate layer ${depth} from layer 1, each about ${exact(factorShown)}: the whole course in one number.`,
});

export const factorAboveOne = choiceCheckpoint({
  id: 'test-yourself/factor-above-one',
  question: `Review: a sigmoid layer passes its signal back times |w·σ′(z)|. Which weight can make that factor reach 1 for some input: w = ${SMALL} or w = ${LARGE}?`,
  label: 'The weight that can',
  choices: { small: `w = ${SMALL}`, large: `w = ${LARGE}` },
  answer: LARGE * peak >= 1 && SMALL * peak < 1 ? 'large' : 'small',
  wrong: { small: `σ′(z) is never above ${exact(peak)}: what is the largest w·σ′(z) can be with w = ${SMALL}?` },
  answerText: `w = ${LARGE}: its factor can reach ${exact(LARGE * peak)} near z = 0, while w = ${SMALL} gives at most ${exact(SMALL * peak)}.`,
  explanation: `A sigmoid's slope is at most ${exact(peak)}, so only |w| ≥ ${exact(1 / peak)} can give a factor of one, and then only in a narrow window of inputs before z saturates (lesson 7).`,
});

export default [headlineRatio, factorAboveOne];
