/**
 * Challenge: keep the first layer's gradient alive in a deep sigmoid network
 * by changing only how it starts (the initialisation and constant w) and
 * whether it normalises (batch norm). Xavier alone leaves layer 1 with a
 * tiny share of the output layer's gradient; a weight too large saturates the
 * layers; batch norm keeps every layer's input where σ′ is large.
 */
import type { DatasetName } from '../../../engine/datasets.ts';
import { formatNumber } from '../../../engine/format.ts';
import { baseRules, baseSetup, choice, divergence, fixed, labNetwork, met, missed, pick, range, saturation } from '../judge.ts';
import type { NetworkRun } from '../replay.ts';
import { plain } from '../rules.ts';
import { listed } from '../list.ts';
import type { ChallengeDefinition } from '../types.ts';

type P = { dataset: DatasetName; depth: number; ratio: number; epochs: number };

const ALL: readonly P[] = (['moons', 'circles'] as const).flatMap((dataset) =>
  [8, 9, 10].map((depth) => ({ dataset, depth, ratio: 0.01, epochs: 50 })),
);

const start = (p: P) => baseSetup(p.dataset, p.depth, p.epochs, [labNetwork('sigmoid', 'xavier'), labNetwork('relu', 'he')]);

/** ‖∂L/∂W₁‖ / ‖∂L/∂W_out‖ at the run's last epoch (0 when both are 0). */
export function firstToOutput(run: NetworkRun): number {
  const g = run.last.gradNorms.weight;
  const ratio = g[0]! / g[g.length - 1]!;
  return Number.isNaN(ratio) ? 0 : ratio;
}

const challenge: ChallengeDefinition<P> = {
  id: 'first-layer-signal',
  ...listed('first-layer-signal'),
  reason:
    'In a deep sigmoid network the first layer gets a vanishing share of the gradient; how the weights start and whether each layer is normalised decide whether it learns at all.',
  canonical: ALL[2]!,
  variant: (seed) => pick(seed, ALL),
  allVariants: () => ALL,
  graded: 1,
  start,
  rules: (p) => ({
    shared: { ...baseRules(start(p)), constantW: range(-2, 2) },
    networks: [
      { activation: fixed('sigmoid'), init: choice('constant', 'xavier', 'he'), batchNorm: choice(false, true), residual: fixed(false) },
    ],
  }),
  goal: (p) =>
    `After ${p.epochs} epochs, network A's first-layer gradient norm ‖∂L/∂W₁‖ is at least ${plain(p.ratio)} of its output layer's.`,
  judge: ([a], _s, p) => {
    const run = a!;
    const ratio = firstToOutput(run);
    const failure = divergence(run, 0);
    if (failure) return failure;
    if (ratio >= p.ratio) return met(`At epoch ${run.last.epoch} layer 1's gradient is ${formatNumber(ratio)} of the output layer's.`);
    return (
      saturation(run, 0, `layer 1's gradient is only ${formatNumber(ratio)} of the output layer's`) ??
      missed(
        `layer 1's gradient as a share of the output layer's at epoch ${run.last.epoch}`,
        formatNumber(ratio),
        `at least ${plain(p.ratio)}`,
        p.ratio / ratio,
      )
    );
  },
  solution: (p) => ({ ...start(p), networks: [labNetwork('sigmoid', 'xavier', { batchNorm: true }), labNetwork('relu', 'he')] }),
};

export default challenge;
