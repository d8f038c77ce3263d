/**
 * The shape of one lab challenge: a goal over a run of the training lab,
 * answered with a lab setup and graded by replaying it on the engine. Each
 * challenge module (exercises/challenges/<id>/index.ts) exports one
 * ChallengeDefinition: why it is asked, what may change within what limits
 * (so every run is bounded), what counts as success, its variants and a setup
 * that meets it.
 */
import type { Params } from '../types.ts';
import type { NetworkRun } from './replay.ts';
import type { LabSetup, NumericSetting, SetupNetwork } from './setup.ts';

/** The four fixed challenge ids (DESIGN.md: the answer file). */
export const CHALLENGE_IDS = ['relu-learning-rate', 'first-layer-signal', 'deep-sigmoid', 'batchnorm-alone'] as const;
export type ChallengeId = (typeof CHALLENGE_IDS)[number];

/** The answer's one "part": the setup string. */
export const SETUP_PART = 'setup';

/** What one setting may be: exactly one value, a number in a range, or one of some words. */
export type SettingRule =
  | { kind: 'fixed'; value: number | string | boolean }
  | { kind: 'range'; lo: number; hi: number; whole?: boolean }
  | { kind: 'choice'; values: readonly (string | boolean)[] };

/** The rules of a challenge's setup: the shared settings, and the settings of each graded network (A, then B). */
export interface SetupRules {
  shared: Readonly<Record<NumericSetting | 'dataset', SettingRule>>;
  networks: readonly Readonly<Record<keyof SetupNetwork, SettingRule>>[];
  /** Rules between settings (network B as A but for batch norm), each broken one as a sentence. */
  relations?: (s: LabSetup) => string[];
}

/** Why a run fails, most telling first; the class view counts them. */
export type FailureReason = 'diverged' | 'dead-units' | 'saturated' | 'missed-goal' | 'no-contrast';

/** The judgement of a run against the goal: met, or the reason it was not, with the sentence that says so. */
export type Judgement = { met: true; feedback: string } | { met: false; reason: FailureReason; feedback: string };

export interface ChallengeDefinition<P extends Params = Params> {
  id: ChallengeId;
  title: string;
  /** The lesson whose lab it is played in. */
  lesson: 'training' | 'fixes';
  /** Why the challenge is asked: the one idea it teaches. */
  reason: string;
  /** The parameters without variants. */
  canonical: P;
  /** A variant's parameters from a seed (a 32-bit unsigned integer); deterministic, from a small set so every variant is tested. */
  variant: (seed: number) => P;
  /** Every parameter set a variant can give (tests check each one has a passing setup). */
  allVariants: () => readonly P[];
  /** How many networks the replay trains: A, or A and B; further networks in the setup are not run. */
  graded: 1 | 2;
  /** The setup the challenge opens the lab with. */
  start: (p: P) => LabSetup;
  rules: (p: P) => SetupRules;
  /** What counts as success, in one sentence. */
  goal: (p: P) => string;
  judge: (runs: readonly NetworkRun[], s: LabSetup, p: P) => Judgement;
  /** A setup that meets the goal (the worked solution, and the tests' passing setup). */
  solution: (p: P) => LabSetup;
}
