/** Lesson 8, the limits: the weight a sigmoid chain needs to explode, and a dead ReLU's gradient. */
import { relu, sigmoid } from '../../engine/activations.ts';
import { exact } from '../../engine/format.ts';
import { choiceCheckpoint, numberCheckpoint } from './define.ts';

const peak = sigmoid.df(0);
const threshold = 1 / peak;
const deadSlope = relu.df(-1);

export const explodeWeight = numberCheckpoint({
  id: 'limits/explode-weight',
  question:
    "In a chain of sigmoid neurons, one step back multiplies the gradient by w·σ′(z). How large must the weight's size |w| be before that factor's size can exceed 1 at all?",
  label: 'Smallest |w| that can make |w·σ′(z)| exceed 1',
  answer: threshold,
  slips: [
    {
      slug: 'weights-above-one',
      value: 1,
      feedback: 'A weight above 1 in size is not enough: the factor is w·σ′(z), and σ′ is far below 1.',
    },
    { slug: 'reciprocal', value: peak, feedback: "That is the sigmoid's largest slope; solve |w|·σ′ = 1 for |w|." },
    { slug: 'peak-sigma', value: 1 / sigmoid.f(0), feedback: 'That uses σ(0), the value at the peak; the factor uses the slope σ′(0).' },
  ],
  answerText: `|w| > ${exact(threshold)}: σ′ is at most ${exact(peak)}, so |w·σ′(z)| ≤ |w|/${exact(threshold)}.`,
  explanation: `"Weights above 1" is the rule for a chain whose slope is 1, such as an active ReLU. A sigmoid's slope is at most ${exact(peak)}, so it needs |w| above ${exact(threshold)}, and a weight that large usually pushes z into the flat tails, where σ′ collapses.`,
});

export const deadGradient = choiceCheckpoint({
  id: 'limits/dead-gradient',
  question:
    "A ReLU unit's pre-activation z is negative for every training input. Is the gradient of its incoming weight exactly zero, or only small?",
  label: "The weight's gradient is",
  choices: { zero: 'exactly zero', small: 'small but not zero' },
  answer: deadSlope === 0 ? 'zero' : 'small',
  wrong: {
    small: "What is ReLU′(z) for z < 0? The weight's gradient is a product that contains it, for every input.",
    zero: "Look at the activation's slope for z < 0: is it exactly zero?",
  },
  answerText: `Exactly zero: ReLU′(z) = ${exact(deadSlope)} for z < 0, and every input gives z < 0.`,
  explanation:
    "A vanishing gradient is small, so the unit still learns, slowly. A dead unit's gradient is a product with ReLU′(z) = 0 in it for every input, so its weights never change and waiting does not help.",
});

export default [explodeWeight, deadGradient];
