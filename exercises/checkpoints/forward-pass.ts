/** Lesson 3, the forward pass: run the first two layers by hand before the trace table shows them. */
import { sigmoid } from '../../engine/activations.ts';
import { anchorNetwork, forwardChain } from '../../engine/chain.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { numberCheckpoint } from './define.ts';

const spec = anchorNetwork();
const [one, two] = forwardChain(spec).layers as [{ z: number; a: number; df: number }, { z: number; a: number; df: number }];
const w = spec.layers[0]!.w;

export const firstOutput = numberCheckpoint({
  id: 'forward-pass/first-output',
  question: `Layer 1 receives x = ${exact(spec.x)} through the weight w = ${exact(w)}, with bias 0. What does it output, a₁ = σ(z₁)?`,
  label: 'a₁, the output of layer 1',
  answer: one.a,
  slips: [
    { slug: 'pre-activation', value: one.z, feedback: 'That is z₁, the pre-activation; the layer outputs σ(z₁).' },
    { slug: 'slope', value: one.df, feedback: 'That is the slope σ′(z₁); this asks for the output σ(z₁).' },
    { slug: 'forgot-w', value: sigmoid.f(spec.x), feedback: 'That is σ(x): the input is multiplied by the weight before the sigmoid.' },
  ],
  answerText: `z₁ = ${exact(one.z)}, so a₁ = σ(${exact(one.z)}) = ${formatNumber(one.a, { sig: 3 })}.`,
  explanation: 'z₁ = w·x + b, then the sigmoid squashes it. A small z gives an output just above one half.',
});

export const secondInput = numberCheckpoint({
  id: 'forward-pass/second-z',
  question: `Layer 2 receives layer 1's output a₁ = ${formatNumber(one.a, { sig: 3 })} through the same weight. What is its pre-activation z₂?`,
  label: 'z₂, the pre-activation of layer 2',
  answer: two.z,
  slips: [
    { slug: 'used-x', value: one.z, feedback: "That would be the case if layer 2 saw x; it sees layer 1's output a₁." },
    { slug: 'forgot-w', value: one.a, feedback: 'That is a₁ itself: multiply it by the weight first.' },
    { slug: 'applied-sigma', value: two.a, feedback: 'That is σ(z₂), the output of layer 2; this asks for z₂, before the sigmoid.' },
  ],
  answerText: `z₂ = ${exact(w)} × ${formatNumber(one.a, { sig: 3 })} = ${formatNumber(two.z, { sig: 3 })}.`,
  explanation: `Every layer after the first sees an input close to one half, so its pre-activation is about ${exact(w)} × ½. All of them sit near z = 0, where σ′ is close to its peak of ${exact(sigmoid.df(0))}.`,
});

export default [firstOutput, secondInput];
