/**
 * The course's lab challenges in their fixed order, their variants, and the
 * grading of one answer: read the setup, check it against the challenge's
 * limits before running anything, replay it on the engine, judge the run.
 * Deterministic and bounded: the limits cap the data, depth and epochs, so a
 * replay costs at most MAX_REPLAY_WORK multiply-adds (bench/challenges.ts
 * measures the time). Imports the engine only.
 */
import { hashString } from '../../engine/prng.ts';
import type { Params } from '../types.ts';
import { learnerKey } from '../variants.ts';
import batchnormAlone from './batchnorm-alone/index.ts';
import deepSigmoid from './deep-sigmoid/index.ts';
import firstLayerSignal from './first-layer-signal/index.ts';
import reluLearningRate from './relu-learning-rate/index.ts';
import { replay, replayWork } from './replay.ts';
import { chosenSettings, ruleViolations } from './rules.ts';
import { readSetup, writeSetup, type LabSetup } from './setup.ts';
import type { ChallengeDefinition, FailureReason } from './types.ts';

export type * from './types.ts';
export { CHALLENGE_IDS, SETUP_PART } from './types.ts';
export { readSetup, writeSetup, type LabSetup } from './setup.ts';

/** The order the lessons meet them: the training lesson's, then the fixes lesson's. */
export const CHALLENGES: readonly ChallengeDefinition[] = [
  reluLearningRate,
  firstLayerSignal,
  deepSigmoid,
  batchnormAlone,
] as unknown as readonly ChallengeDefinition[];

/** The challenge with this id, or undefined. */
export function getChallenge(id: string): ChallengeDefinition | undefined {
  return CHALLENGES.find((c) => c.id === id);
}

/**
 * The most work the limits of any challenge allow: two networks of 10 layers of 8 on 100 points for 300
 * epochs (replayWork). A setup over it is refused before running, whatever its challenge's rules say.
 */
export const MAX_REPLAY_WORK = 1.1e8;

/** The challenge's parameters for a learner, as exerciseParams does for an exercise (the same hash of learner and id). */
export function challengeParams(challenge: ChallengeDefinition, learner: string | undefined, variantsEnabled: boolean): Params {
  const key = learner === undefined ? '' : learnerKey(learner);
  if (!variantsEnabled || key === '') return challenge.canonical;
  return challenge.variant(hashString(`${key}\u0000${challenge.id}`));
}

/** Why an answer was refused before any run: unreadable, or a setting outside the limits. */
export type InvalidReason = 'unreadable' | 'outside-limits';

export interface ChallengeVerdict {
  verdict: 'correct' | 'incorrect' | 'invalid';
  feedback: string;
  reason?: FailureReason | InvalidReason;
  /** The settings the challenge lets the learner change, as `name=value`, when the setup was read. */
  settings?: string[];
  /** Each replayed network's final loss and accuracy, in order (the browser and Node agree on these bit for bit). */
  finals?: number[];
}

/** Grades one answer to a challenge; never throws on any value. */
export function gradeSetup(challenge: ChallengeDefinition, value: unknown, params: Params = challenge.canonical): ChallengeVerdict {
  const read = readSetup(value);
  if (!read.ok) return { verdict: 'invalid', reason: 'unreadable', feedback: `The setup could not be read: ${read.message}.` };
  const setup = read.setup;
  const rules = challenge.rules(params as never);
  const settings = chosenSettings(setup, rules);
  const outside = ruleViolations(setup, rules);
  if (outside.length > 0) {
    return {
      verdict: 'invalid',
      reason: 'outside-limits',
      settings: settings.filter((s) => !s.includes('undefined')),
      feedback: `Not run: ${outside.join('; ')}.`,
    };
  }
  if (replayWork(setup, challenge.graded) > MAX_REPLAY_WORK) {
    return {
      verdict: 'invalid',
      reason: 'outside-limits',
      settings,
      feedback: 'Not run: the setup asks for more training than any challenge allows.',
    };
  }
  const runs = replay(setup, challenge.graded);
  const judged = challenge.judge(runs, setup, params as never);
  const finals = runs.flatMap((r) => [r.last.loss, r.last.accuracy]);
  if (judged.met) return { verdict: 'correct', feedback: judged.feedback, settings, finals };
  return { verdict: 'incorrect', reason: judged.reason, feedback: judged.feedback, settings, finals };
}

/** The setup string a challenge opens the lab with, for a learner's parameters. */
export function startSetup(challenge: ChallengeDefinition, params: Params = challenge.canonical): string {
  return writeSetup(challenge.start(params as never));
}

/** A setup that meets the challenge, as a string (tests and the worked solution). */
export function solutionSetup(challenge: ChallengeDefinition, params: Params = challenge.canonical): string {
  return writeSetup(challenge.solution(params as never));
}

/** The limits as sentences, for the prompt and the answers template. */
export { describeRules } from './describe.ts';
export type { LabSetup as ChallengeSetup };
