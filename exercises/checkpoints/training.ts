/**
 * Lesson 6, training: which network stalls, and how much gradient reaches
 * layer 1, guessed before the race's figures show them. The engine trains the
 * race's two networks from RACE_SETUP, the settings the lab opens with.
 */
import type { ActivationName } from '../../engine/activations.ts';
import { makeDataset } from '../../engine/datasets.ts';
import { formatNumber } from '../../engine/format.ts';
import { train, type EpochReport } from '../../engine/train.ts';
import { RACE_SETUP, initScheme } from '../race.ts';
import { choiceCheckpoint } from './define.ts';
import type { Checkpoint } from './types.ts';

/** A tenth: the share of the last hidden layer's gradient the second question measures against. */
const SHARE = 0.1;

/** Both runs, trained when the checkpoints are built. */
function race(): Record<'sigmoid' | 'relu', EpochReport[]> {
  const s = RACE_SETUP;
  const dataset = makeDataset({ name: s.dataset, n: s.points, noise: s.noise, seed: s.seed });
  const run = (activation: ActivationName) =>
    train({
      network: {
        inputSize: 2,
        hidden: Array.from({ length: s.depth }, () => ({ width: s.width, activation })),
        init: initScheme(s.init, s.constantW),
        seed: s.seed,
      },
      dataset,
      learningRate: s.learningRate,
      epochs: s.epochs,
      batchSize: s.batchSize,
      seed: s.seed,
    });
  return { sigmoid: run('sigmoid'), relu: run('relu') };
}

const end = (history: EpochReport[]) => history[history.length - 1]!;
/** Layer 1's weight-gradient norm ‖∂L/∂W‖ (the course's one measure) over the last hidden layer's, before the first update. */
const firstOverLast = (history: EpochReport[]) => {
  const g = history[0]!.gradNorms.weight;
  return g[0]! / g[g.length - 2]!;
};

function build(): readonly Checkpoint[] {
  const { sigmoid, relu } = race();
  const stalls = end(sigmoid).loss > end(relu).loss ? 'sigmoid' : 'relu';
  const share = firstOverLast(sigmoid);
  const whichStalls = choiceCheckpoint({
    id: 'training/which-stalls',
    question: `Two networks of ${RACE_SETUP.depth} hidden layers, identical in shape, data and starting weights, train for ${RACE_SETUP.epochs} epochs; one uses sigmoid hidden layers, the other ReLU. Which one's loss stalls near the loss of a coin toss?`,
    label: 'The network that stalls',
    choices: { sigmoid: 'the sigmoid network', relu: 'the ReLU network' },
    answer: stalls,
    wrong: {
      relu: 'Think of the factor each layer multiplies the backward signal by: its size is at most |w|/4 for a sigmoid, |w| for an active ReLU. Which stack starves its first layers?',
      sigmoid:
        'Think of the factor each layer multiplies the backward signal by: its size is at most |w|/4 for a sigmoid, |w| for an active ReLU. Which stack starves its first layers?',
    },
    answerText: `The ${stalls === 'sigmoid' ? 'sigmoid' : 'ReLU'} network: it ends at a loss of ${formatNumber(end(sigmoid).loss, { sig: 3 })}, against ${formatNumber(end(relu).loss, { sig: 3 })} for the ReLU network.`,
    explanation: `ln 2 = ${formatNumber(Math.log(2), { sig: 3 })} is the loss of answering one half to everything. Each sigmoid layer passes back at most a quarter of the signal times its weight's size, so the layers near the input barely learn and the network settles for that constant answer.`,
  });
  const firstShare = choiceCheckpoint({
    id: 'training/first-layer-share',
    question: `Before the first update, does layer 1 of the sigmoid network receive more or less than a tenth of the gradient that reaches its last hidden layer?`,
    label: 'Layer 1 receives',
    choices: { more: 'more than a tenth', less: 'less than a tenth' },
    answer: share < SHARE ? 'less' : 'more',
    wrong: {
      more: `There are ${RACE_SETUP.depth - 1} steps back from the last hidden layer to layer 1. Each multiplies by a sigmoid slope of at most 1/4 and by the weights, which, summed over a layer, act like a weight of about one: estimate the product of ${RACE_SETUP.depth - 1} such factors.`,
      less: "The weights are Xavier-scaled, larger than the anchor network's: estimate the factor per layer again with weights of about 1.",
    },
    answerText: `${share < SHARE ? 'Less' : 'More'}: ${formatNumber(share, { sig: 2 })} of it.`,
    explanation: `Over ${RACE_SETUP.depth - 1} steps back, about ${formatNumber(share ** (1 / (RACE_SETUP.depth - 1)), { sig: 2 })} per step: a sigmoid slope of at most 1/4, times weights that, summed over a layer, act like a weight of at least ${formatNumber(4 * share ** (1 / (RACE_SETUP.depth - 1)), { sig: 2 })}. In the ReLU network the same share is ${formatNumber(firstOverLast(relu), { sig: 2 })}.`,
  });
  return [whichStalls, firstShare];
}

let built: readonly Checkpoint[] | undefined;

/**
 * The lesson's checkpoints, built on first use (training two networks takes a while, and most imports of
 * the checkpoints never ask for these) and the same list after that: one value of the lesson computed late,
 * with no key and nothing from a learner in it, so not a cache to bound or reset.
 */
export default function training(): readonly Checkpoint[] {
  built ??= build();
  return built;
}
