/**
 * The reasons a challenge run fails, each computed from the run and worded
 * once: diverged at an epoch, dead ReLU units, a saturated layer, the goal
 * missed by a factor. The challenges combine them in their own order.
 */
import { DEFAULT_NOISE, type DatasetName } from '../../engine/datasets.ts';
import { formatNumber } from '../../engine/format.ts';
import { DIVERGED_FACTOR, type NetworkRun } from './replay.ts';
import { networkName, plain } from './rules.ts';
import type { LabSetup, SetupNetwork } from './setup.ts';
import type { Judgement, SettingRule } from './types.ts';

/** A hidden layer counts as saturated when at least half of its (point, unit) slopes are below a tenth of the peak (engine/diagnostics.ts). */
export const SATURATED_SHARE = 0.5;

/** Every challenge's data: 60 points keep one replay near 0.1 s, so a class of 200 files with four challenges each grades in about a minute of CPU (bench/challenges.ts). */
export const CHALLENGE_POINTS = 60;
/** Every challenge's networks are 8 units wide, as the lab's race. */
export const CHALLENGE_WIDTH = 8;
/** Every challenge fixes the seed, so a learner cannot search seeds for a lucky run. */
export const CHALLENGE_SEED = 1;

const percent = (x: number): string => `${plain(100 * x)}%`;

/** The failure when network i diverged. */
export function divergence(run: NetworkRun, i: number): Judgement | undefined {
  if (run.divergedAt === undefined) return undefined;
  return {
    met: false,
    reason: 'diverged',
    feedback: `${cap(networkName(i))} diverged at epoch ${run.divergedAt}: its loss rose over ${DIVERGED_FACTOR} times its starting ${formatNumber(run.first.loss)} and ended at ${formatNumber(run.last.loss)}, above where it began. A smaller step keeps it on course.`,
  };
}

/** The failure when more than `maxShare` of network i's ReLU units are dead. */
export function deadUnits(run: NetworkRun, i: number, maxShare: number): Judgement | undefined {
  if (run.dead <= maxShare * run.units) return undefined;
  return {
    met: false,
    reason: 'dead-units',
    feedback: `${run.dead} of ${run.units} ReLU units of ${networkName(i)} are dead at epoch ${run.last.epoch} (they output 0 for every point, so no gradient reaches them again); the challenge allows at most ${Math.floor(maxShare * run.units)}.`,
  };
}

/** The failure when a hidden layer of network i is saturated, naming the first such layer. */
export function saturation(run: NetworkRun, i: number, consequence: string): Judgement | undefined {
  const layer = run.last.saturation.findIndex((share) => share >= SATURATED_SHARE);
  if (layer < 0) return undefined;
  const which = layer === 0 ? 'the first layer' : `layer ${layer + 1}`;
  return {
    met: false,
    reason: 'saturated',
    feedback: `${cap(which)} of ${networkName(i)} is saturated at epoch ${run.last.epoch}: ${percent(run.last.saturation[layer]!)} of its slopes are under a tenth of their peak, so ${consequence}.`,
  };
}

/** The failure when a measure fell short of its goal, by the factor goal / achieved. */
export function missed(what: string, achieved: string, goal: string, factor: number): Judgement {
  const by = Number.isFinite(factor) ? `a factor of ${formatNumber(factor, { sig: 3 })}` : 'an unbounded factor (it is 0)';
  return { met: false, reason: 'missed-goal', feedback: `The goal was missed by ${by}: ${what} is ${achieved}, and the goal is ${goal}.` };
}

export const accuracyText = percent;

/** A success sentence. */
export const met = (feedback: string): Judgement => ({ met: true, feedback });

/** The lab setup every challenge starts from: its data set at the lab's default noise, 100 points, full batch, seed 1, two networks. */
export function baseSetup(dataset: DatasetName, depth: number, epochs: number, networks: SetupNetwork[]): LabSetup {
  return {
    dataset,
    noise: DEFAULT_NOISE[dataset],
    points: CHALLENGE_POINTS,
    depth,
    width: CHALLENGE_WIDTH,
    learningRate: 0.1,
    epochs,
    batchSize: CHALLENGE_POINTS,
    constantW: 0.1,
    seed: CHALLENGE_SEED,
    networks,
  };
}

/** A network of the lab. */
export const labNetwork = (
  activation: SetupNetwork['activation'],
  init: SetupNetwork['init'],
  extra: Partial<SetupNetwork> = {},
): SetupNetwork => ({
  activation,
  init,
  batchNorm: false,
  residual: false,
  ...extra,
});

export const fixed = (value: number | string | boolean): SettingRule => ({ kind: 'fixed', value });
export const range = (lo: number, hi: number, whole = false): SettingRule => ({ kind: 'range', lo, hi, whole });
export const choice = (...values: (string | boolean)[]): SettingRule => ({ kind: 'choice', values });

/** The shared rules every challenge starts from: data, shape and seed fixed; constant w free within the lab's range (it only matters with constant initialisation). */
export function baseRules(s: LabSetup) {
  return {
    dataset: fixed(s.dataset),
    noise: fixed(s.noise),
    points: fixed(s.points),
    depth: fixed(s.depth),
    width: fixed(s.width),
    learningRate: fixed(s.learningRate),
    epochs: fixed(s.epochs),
    batchSize: fixed(s.batchSize),
    constantW: range(-2, 2),
    seed: fixed(s.seed),
  };
}

/** The variant for a seed from a list of parameter sets. */
export const pick = <P>(seed: number, all: readonly P[]): P => all[seed % all.length]!;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
