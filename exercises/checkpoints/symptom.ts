/** Lesson 1, the symptom: guess which end learns slowly, and count the anchor network's weights. */
import { anchorNetwork, traceChain, ANCHOR_LABEL } from '../../engine/chain.ts';
import { formatNumber } from '../../engine/format.ts';
import { choiceCheckpoint, COUNT_TOLERANCE, numberCheckpoint } from './define.ts';

const anchor = anchorNetwork();
/** One real training step (binary cross-entropy, the anchor's label): how far each hidden weight moves. */
const step = traceChain(anchor, { convention: { kind: 'loss', loss: 'bce', y: ANCHOR_LABEL } }).backward.updates;
const first = Math.abs(step[0]!);
const last = Math.abs(step[step.length - 1]!);
const weights = anchor.layers.length + (anchor.output ? 1 : 0);

export const slowerEnd = choiceCheckpoint({
  id: 'symptom/slower-end',
  question:
    'Before reading on: in a deep sigmoid network whose loss barely moves, which layers do you expect to learn more slowly, those near the input or those near the output?',
  label: 'The layers that learn more slowly',
  choices: { input: 'near the input', output: 'near the output' },
  answer: first < last ? 'input' : 'output',
  wrong: {
    output:
      'The gradient is computed at the output and passed backwards, shrinking at every layer it crosses: which layers does it reach last?',
    input:
      'The gradient starts at the output and reaches the input last: think about where it has been multiplied by the most small factors.',
  },
  answerText: first < last ? 'The layers near the input.' : 'The layers near the output.',
  explanation: `The gradient is computed at the output and shrinks each time it passes a layer on its way back. In the anchor network below, one training step moves layer 1's weight ${formatNumber(last / first, { sig: 3 })} times less than the last hidden layer's.`,
});

export const weightCount = numberCheckpoint({
  id: 'symptom/weights',
  question: `The anchor network has ${anchor.layers.length} hidden layers of one neuron each and one output neuron. How many weights lie between the input x and the prediction ŷ?`,
  label: 'Number of weights',
  answer: weights,
  tolerance: COUNT_TOLERANCE,
  slips: [
    {
      slug: 'hidden-only',
      value: anchor.layers.length,
      feedback: 'That counts the hidden layers; the output neuron has a weight of its own too.',
    },
    {
      slug: 'one-too-many',
      value: weights + 1,
      feedback: 'One too many: count one weight per neuron, each on the connection coming into it.',
    },
  ],
  answerText: `${weights} weights: one into each of the ${anchor.layers.length} hidden neurons and one into the output neuron.`,
  explanation: `Each neuron has one incoming connection, so there is one weight per neuron. That is why the post calls it a ${weights}-layer network: it counts the output neuron as a layer.`,
});

export default [slowerEnd, weightCount];
