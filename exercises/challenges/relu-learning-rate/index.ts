/**
 * Challenge: a learning rate for a deep ReLU network. Too small a step and
 * the network does not learn the data in time; too large and its units die
 * (a ReLU whose input is negative for every point passes back no gradient,
 * so it never recovers) or the loss runs away. Only η and the epochs change.
 */
import type { DatasetName } from '../../../engine/datasets.ts';
import { accuracyText, baseRules, baseSetup, deadUnits, divergence, fixed, labNetwork, met, missed, pick, range } from '../judge.ts';
import { listed } from '../list.ts';
import type { ChallengeDefinition } from '../types.ts';

type P = { dataset: DatasetName; depth: number; goal: number; maxDead: number; epochs: number };

const ALL: readonly P[] = (['circles', 'moons'] as const).flatMap((dataset) =>
  [5, 6, 7].map((depth) => ({ dataset, depth, goal: 0.95, maxDead: 0.25, epochs: 300 })),
);

/** The lab opens the challenge with η = 0.003: too small a step to learn the data in time. */
const start = (p: P) => ({
  ...baseSetup(p.dataset, p.depth, p.epochs, [labNetwork('relu', 'he'), labNetwork('sigmoid', 'xavier')]),
  learningRate: 0.003,
});

const challenge: ChallengeDefinition<P> = {
  id: 'relu-learning-rate',
  ...listed('relu-learning-rate'),
  reason:
    'A ReLU network does not vanish the way a sigmoid one does, but its step size still decides everything: too small and it has not learned in time, too large and its units die or the loss runs away.',
  canonical: ALL[1]!,
  variant: (seed) => pick(seed, ALL),
  allVariants: () => ALL,
  graded: 1,
  start,
  rules: (p) => ({
    shared: { ...baseRules(start(p)), learningRate: range(0.001, 10), epochs: range(1, p.epochs, true) },
    networks: [{ activation: fixed('relu'), init: fixed('he'), batchNorm: fixed(false), residual: fixed(false) }],
  }),
  goal: (p) =>
    `Network A (${p.depth} ReLU layers of 8, He) reaches ${accuracyText(p.goal)} accuracy on ${p.dataset} within ${p.epochs} epochs, with at most ${accuracyText(p.maxDead)} of its units dead at the end.`,
  judge: ([a], _s, p) => {
    const run = a!;
    const failure = divergence(run, 0) ?? deadUnits(run, 0, p.maxDead);
    if (failure) return failure;
    const acc = run.last.accuracy;
    if (acc < p.goal)
      return missed(`network A's accuracy at epoch ${run.last.epoch}`, accuracyText(acc), accuracyText(p.goal), p.goal / acc);
    return met(`Network A reached ${accuracyText(acc)} accuracy at epoch ${run.last.epoch} with ${run.dead} of ${run.units} units dead.`);
  },
  solution: (p) => ({ ...start(p), learningRate: 0.05 }),
};

export default challenge;
