/**
 * Challenge: show, with a controlled experiment, that batch norm alone
 * rescues a sigmoid network that its initialisation alone does not. Networks
 * A and B are the same but for batch norm; A must miss the goal and B reach
 * it. Choosing the depth, step and start so the contrast shows is the task.
 */
import type { DatasetName } from '../../../engine/datasets.ts';
import { accuracyText, baseRules, baseSetup, choice, divergence, fixed, labNetwork, met, missed, pick, range } from '../judge.ts';
import { networkName } from '../rules.ts';
import type { LabSetup } from '../setup.ts';
import { listed } from '../list.ts';
import type { ChallengeDefinition } from '../types.ts';

type P = { dataset: DatasetName; goal: number; epochs: number };

const ALL: readonly P[] = [0.8, 0.81].flatMap((goal) => [150, 200].map((epochs) => ({ dataset: 'moons' as const, goal, epochs })));

/** The lab opens the challenge with a shallow network and a large step, where A learns too and the contrast does not show. */
const start = (p: P) => ({
  ...baseSetup(p.dataset, 2, p.epochs, [labNetwork('sigmoid', 'xavier'), labNetwork('sigmoid', 'xavier', { batchNorm: true })]),
  learningRate: 0.5,
});

/** B must be A with batch norm switched on, nothing else. */
function sameButBatchNorm(s: LabSetup): string[] {
  const [a, b] = s.networks;
  if (!a || !b) return [];
  const out: string[] = [];
  if (a.init !== b.init)
    out.push(`${networkName(1)}'s initialisation is ${b.init} and ${networkName(0)}'s is ${a.init}; they may differ only in batch norm`);
  return out;
}

const challenge: ChallengeDefinition<P> = {
  id: 'batchnorm-alone',
  ...listed('batchnorm-alone'),
  reason: 'A claim that a fix works needs a controlled comparison: two networks that differ in that one fix, one stuck and one not.',
  canonical: ALL[3]!,
  variant: (seed) => pick(seed, ALL),
  allVariants: () => ALL,
  graded: 2,
  start,
  rules: (p) => ({
    shared: { ...baseRules(start(p)), depth: range(1, 10, true), learningRate: range(0.001, 10), epochs: range(1, p.epochs, true) },
    networks: [
      { activation: fixed('sigmoid'), init: choice('constant', 'xavier', 'he'), batchNorm: fixed(false), residual: fixed(false) },
      { activation: fixed('sigmoid'), init: choice('constant', 'xavier', 'he'), batchNorm: fixed(true), residual: fixed(false) },
    ],
    relations: sameButBatchNorm,
  }),
  goal: (p) =>
    `Within ${p.epochs} epochs on ${p.dataset}, network B (sigmoid with batch norm) reaches ${accuracyText(p.goal)} accuracy and network A (the same without batch norm) does not.`,
  judge: ([a, b], _s, p) => {
    const failure = divergence(b!, 1) ?? divergence(a!, 0);
    if (failure) return failure;
    const accA = a!.last.accuracy;
    const accB = b!.last.accuracy;
    if (accB < p.goal)
      return missed(`network B's accuracy at epoch ${b!.last.epoch}`, accuracyText(accB), accuracyText(p.goal), p.goal / accB);
    if (accA >= p.goal) {
      return {
        met: false,
        reason: 'no-contrast',
        feedback: `Network A reached ${accuracyText(accA)} without batch norm, so this run does not show that batch norm made the difference: find a setting where A stays below ${accuracyText(p.goal)}.`,
      };
    }
    return met(`Network B reached ${accuracyText(accB)} and network A stayed at ${accuracyText(accA)}: batch norm made the difference.`);
  },
  solution: (p) => ({ ...start(p), depth: 8, learningRate: 0.5 }),
};

export default challenge;
