/**
 * Challenge: train a deep sigmoid network on two moons without batch norm.
 * Plain, it sits on the plateau at chance; residual connections give the
 * gradient a path around every σ′, and the right start and step do the rest.
 */
import {
  accuracyText,
  baseRules,
  baseSetup,
  choice,
  divergence,
  fixed,
  labNetwork,
  met,
  missed,
  pick,
  range,
  saturation,
} from '../judge.ts';
import { listed } from '../list.ts';
import type { ChallengeDefinition } from '../types.ts';

type P = { depth: number; goal: number; epochs: number };

const ALL: readonly P[] = [8, 9, 10].map((depth) => ({ depth, goal: 0.9, epochs: 300 }));

const start = (p: P) => baseSetup('moons', p.depth, p.epochs, [labNetwork('sigmoid', 'xavier'), labNetwork('relu', 'he')]);

const challenge: ChallengeDefinition<P> = {
  id: 'deep-sigmoid',
  ...listed('deep-sigmoid'),
  reason:
    'Batch norm is not the only way through: a residual connection adds a path on which the gradient is not multiplied by σ′ at every layer, so even a deep sigmoid network learns.',
  canonical: ALL[2]!,
  variant: (seed) => pick(seed, ALL),
  allVariants: () => ALL,
  graded: 1,
  start,
  rules: (p) => ({
    shared: { ...baseRules(start(p)), learningRate: range(0.001, 10), epochs: range(1, p.epochs, true) },
    networks: [
      { activation: fixed('sigmoid'), init: choice('constant', 'xavier', 'he'), batchNorm: fixed(false), residual: choice(false, true) },
    ],
  }),
  goal: (p) =>
    `Network A (${p.depth} sigmoid layers of 8, no batch norm) reaches ${accuracyText(p.goal)} accuracy on moons within ${p.epochs} epochs.`,
  judge: ([a], _s, p) => {
    const run = a!;
    const failure = divergence(run, 0);
    if (failure) return failure;
    const acc = run.last.accuracy;
    if (acc >= p.goal) return met(`Network A reached ${accuracyText(acc)} accuracy at epoch ${run.last.epoch}.`);
    return (
      saturation(run, 0, `its accuracy stopped at ${accuracyText(acc)}`) ??
      missed(`network A's accuracy at epoch ${run.last.epoch}`, accuracyText(acc), accuracyText(p.goal), p.goal / acc)
    );
  },
  solution: (p) => ({
    ...start(p),
    learningRate: 2,
    networks: [labNetwork('sigmoid', 'he', { residual: true }), labNetwork('relu', 'he')],
  }),
};

export default challenge;
