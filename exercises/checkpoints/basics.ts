/** Lesson 0, the pieces: the output's signal ŷ − y, then one step of the chain rule to δ₁, before the lesson works them out. */
import { anchorNetwork, traceChain, ANCHOR_LABEL } from '../../engine/chain.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { numberCheckpoint } from './define.ts';

const X = 1;
const W = 0.1;
const neuron = traceChain(anchorNetwork({ depth: 0, w: W, x: X }), { convention: { kind: 'loss', loss: 'bce', y: ANCHOR_LABEL } });
const yHat = neuron.forward.output!.a;
const dLdz = neuron.backward.loss!.dLdzOut;

const chain = traceChain(anchorNetwork({ depth: 1, w: W, x: X }), { convention: { kind: 'loss', loss: 'bce', y: ANCHOR_LABEL } });
const out = chain.backward.loss!.dLdzOut;
const df1 = chain.forward.layers[0]!.df;
const delta1 = chain.backward.deltas[0]!;
const show = (v: number) => formatNumber(v, { sig: 3 });

export const outputSignal = numberCheckpoint({
  id: 'basics/output-signal',
  question: `One sigmoid neuron with x = ${exact(X)} and w = ${exact(W)} predicts ŷ = σ(${exact(W * X)}) = ${show(yHat)} for the label y = ${exact(ANCHOR_LABEL)}. With the binary cross-entropy loss, ∂L/∂z = ŷ − y. What is it?`,
  label: '∂L/∂z = ŷ − y',
  answer: dLdz,
  slips: [
    { slug: 'sign', value: -dLdz, feedback: 'The size is right, the sign is not: it is ŷ minus y, and ŷ is below the label.' },
    { slug: 'prediction', value: yHat, feedback: 'That is ŷ itself; subtract the label y.' },
    {
      slug: 'loss',
      value: neuron.backward.loss!.value,
      feedback: 'That is the loss −log ŷ; this asks for its derivative with respect to z, ŷ − y.',
    },
  ],
  answerText: `ŷ − y = ${show(yHat)} − ${exact(ANCHOR_LABEL)} = ${show(dLdz)}.`,
  explanation: 'It is negative: raising z would raise ŷ towards the label and lower the loss, so gradient descent raises w.',
});

export const firstDelta = numberCheckpoint({
  id: 'basics/first-delta',
  question: `Put a hidden neuron in front. Its error signal is δ₁ = (ŷ − y) · w_out · σ′(z₁), with ŷ − y = ${show(out)}, w_out = ${exact(W)} and σ′(z₁) = ${show(df1)}. What is δ₁?`,
  label: 'δ₁ = ∂L/∂z₁',
  answer: delta1,
  slips: [
    { slug: 'forgot-w', value: out * df1, feedback: 'The signal also passes through the output weight w_out on its way back.' },
    { slug: 'forgot-slope', value: out * W, feedback: 'The signal also passes through the hidden neuron’s slope σ′(z₁).' },
    { slug: 'sign', value: -delta1, feedback: 'The size is right, the sign is not: ŷ − y is negative, and w_out and σ′ are positive.' },
  ],
  answerText: `${show(out)} × ${exact(W)} × ${show(df1)} = ${formatNumber(delta1, { sig: 3 })}.`,
  explanation:
    'One layer back, the signal has been multiplied by a weight and a slope, both small: this product of factors is the whole vanishing-gradient story in miniature.',
});

export default [outputSignal, firstDelta];
