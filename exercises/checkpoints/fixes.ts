/** Lesson 7, the fixes: what ReLU does to the ratio, and the residual step's factor, before the tables show them. */
import { relu, sigmoid } from '../../engine/activations.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { ANCHOR_LABEL, anchorNetwork, traceChain } from '../../engine/chain.ts';
import { chainTrace, subscript } from '../kit.ts';
import { choiceCheckpoint, numberCheckpoint } from './define.ts';

const DEPTH = 4;
const W = 0.1;
/**
 * The course's ratio δ₄/δ₁ (δₖ = ∂L/∂zₖ, cross-entropy, the anchor's label), as the lesson's ReLU table
 * around this checkpoint shows it.
 */
const signalRatio = (activation: 'sigmoid' | 'relu') =>
  traceChain(anchorNetwork({ depth: DEPTH, w: W, activation }), { convention: { kind: 'loss', loss: 'bce', y: ANCHOR_LABEL } }).backward
    .lastOverFirst;
const sigmoidRatio = signalRatio('sigmoid');
const reluRatio = signalRatio('relu');
const residual = chainTrace({ depth: DEPTH, w: W, residual: true });
/** The top step's factor on ∂L/∂aₖ, the signal after each activation where the skip adds its 1: 1 + w·σ′(z₄). */
const topFactor = residual.backward.stepFactors[DEPTH - 2]!;
const topSlope = residual.forward.layers[DEPTH - 1]!.df;

const direction = reluRatio < sigmoidRatio ? 'smaller' : reluRatio > sigmoidRatio ? 'larger' : 'same';

export const reluRatioDirection = choiceCheckpoint({
  id: 'fixes/relu-ratio',
  question: `Swap the anchor network's sigmoid hidden layers for ReLU, with the same weights w = ${exact(W)}. What happens to the ratio δ${subscript(DEPTH)}/δ₁ of the signals δₖ = ∂L/∂zₖ, about ${formatNumber(sigmoidRatio, { sig: 2 })} with sigmoids?`,
  label: 'With ReLU the ratio gets',
  choices: { smaller: 'smaller', same: 'stays the same', larger: 'larger' },
  answer: direction,
  wrong: {
    same: `The weights are unchanged, but the slope is not: ReLU′(z) = ${exact(relu.df(1))} for z > 0, where σ′ was at most ${exact(sigmoid.df(0))}.`,
    larger:
      'A larger ratio would mean layer 1 gets even less of the signal. Compare the factor per step, w·f′(z), for the two activations.',
    smaller: 'Compare the factor per step, w·f′(z), for the two activations.',
  },
  answerText: `Smaller: ${formatNumber(reluRatio, { sig: 3 })} instead of ${formatNumber(sigmoidRatio, { sig: 3 })}, but not 1.`,
  explanation: `Each step now multiplies by w·1 = ${exact(W)} instead of about ${formatNumber(W * sigmoid.df(0), { sig: 2 })}. The activation no longer shrinks the signal, the weight still does.`,
});

export const residualFactor = numberCheckpoint({
  id: 'fixes/residual-factor',
  question: `With skip connections, a_k = a_{k−1} + σ(z_k), one step back multiplies by 1 + w·σ′(z) instead of w·σ′(z). In the anchor network (w = ${exact(W)}), what is that factor at the top step, from layer ${DEPTH} to layer ${DEPTH - 1}? Three significant figures are enough.`,
  label: 'Factor of the top step',
  answer: topFactor,
  slips: [
    { slug: 'forgot-one', value: topFactor - 1, feedback: 'That is w·σ′(z) alone, the factor without the skip; the skip adds 1.' },
    {
      slug: 'forgot-slope',
      value: 1,
      feedback: "The 1 is the skip's share; the path through the neuron still adds w·σ′(z), small but not zero.",
    },
    {
      slug: 'forgot-w',
      value: 1 + topSlope,
      feedback: 'The path through the neuron multiplies by the weight as well as the slope: 1 + w·σ′(z).',
    },
  ],
  answerText: `1 + ${exact(W)} × ${formatNumber(topSlope, { sig: 3 })} = ${formatNumber(topFactor, { sig: 4 })}.`,
  explanation:
    'However small w·σ′(z) gets, the factor never drops below 1: the skip carries the gradient back unchanged, and the product of such factors cannot vanish.',
});

export default [reluRatioDirection, residualFactor];
