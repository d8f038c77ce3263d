/** Lesson 2, the sigmoid: guess the largest slope, then estimate a slope in the tail. */
import { sigmoid } from '../../engine/activations.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { numberCheckpoint } from './define.ts';

const peak = sigmoid.df(0);
/** The tail input the lesson's table also lists. */
const TAIL_Z = 4;
const tail = sigmoid.df(TAIL_Z);

export const largestSlope = numberCheckpoint({
  id: 'sigmoid/largest-slope',
  question: 'σ′(z) = σ(z)(1 − σ(z)) is a product of two numbers between 0 and 1 that add up to 1. What is the largest value it can take?',
  label: 'Largest value of σ′(z)',
  answer: peak,
  slips: [
    { slug: 'value-not-slope', value: sigmoid.f(0), feedback: 'That is σ(z) where the slope peaks, not the slope σ(z)(1 − σ(z)) there.' },
    {
      slug: 'identity-slope',
      value: 1,
      feedback: 'A slope of 1 would pass every change on unchanged; two factors below 1 multiply to less.',
    },
    {
      slug: 'power-of-ten-small',
      value: peak / 10,
      feedback: 'The digits look right, but check the power of ten: at the peak neither factor is close to 0.',
    },
  ],
  answerText: `${exact(peak)}, reached at z = 0 where σ(z) = ${exact(sigmoid.f(0))}.`,
  explanation:
    'Two numbers that add up to 1 have the largest product when they are equal, so the slope peaks where σ(z) = 1/2, that is at z = 0. No sigmoid neuron passes on more than a quarter of a change.',
});

export const tailSlope = numberCheckpoint({
  id: 'sigmoid/tail-slope',
  question: `Far from 0 the sigmoid flattens out. What is σ′(z) at z = ${exact(TAIL_Z)}? Three significant figures are enough.`,
  label: `σ′(${exact(TAIL_Z)})`,
  answer: tail,
  slips: [
    {
      slug: 'exponential-tail',
      value: Math.exp(-TAIL_Z),
      feedback: `That is e^(−${exact(TAIL_Z)}), the shape of the tail: close, but a few per cent too high. Compute σ(z)(1 − σ(z)) itself.`,
    },
    { slug: 'sigma-not-slope', value: sigmoid.f(TAIL_Z), feedback: 'That is σ(z) itself; the slope is σ(z)(1 − σ(z)).' },
    { slug: 'peak-slope', value: peak, feedback: 'That is the slope at z = 0, the best case; the slope falls as z moves away from 0.' },
    {
      slug: 'power-of-ten-large',
      value: tail * 10,
      feedback: 'The digits look right, but check the power of ten: the slope is smaller than that.',
    },
    {
      slug: 'power-of-ten-small',
      value: tail / 10,
      feedback: 'The digits look right, but check the power of ten: the slope is larger than that.',
    },
  ],
  answerText: `σ′(${exact(TAIL_Z)}) = ${formatNumber(tail, { sig: 3 })}, with σ(${exact(TAIL_Z)}) = ${formatNumber(sigmoid.f(TAIL_Z), { sig: 4 })}.`,
  explanation: `σ(${exact(TAIL_Z)}) is so close to 1 that 1 − σ(${exact(TAIL_Z)}) is tiny, and the slope is ${formatNumber(peak / tail, { sig: 2 })} times smaller than at z = 0. Any gradient passing through such a neuron shrinks by that much more.`,
});

export default [largestSlope, tailSlope];
