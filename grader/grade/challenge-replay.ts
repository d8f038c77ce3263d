/**
 * Grades the lab challenges of an answers document: each answer is a lab
 * setup (the lab's state string), replayed on the engine by
 * exercises/challenges. A file that answers no challenge gets no challenge
 * reports, so nothing is trained for it. Each challenge reports as an
 * exercise with one part, `setup`; an incorrect or invalid setup names its
 * reason in `misconception` (so the class view counts the reasons), and the
 * settings the learner chose travel in `settings`.
 */
import {
  CHALLENGES,
  challengeParams,
  gradeSetup,
  SETUP_PART,
  type ChallengeDefinition,
  type ChallengeVerdict,
} from '../../exercises/challenges/index.ts';
import { MAX_SETUP_LENGTH } from '../../exercises/challenges/setup.ts';
import { BoundedCache } from './bounded-cache.ts';
import { own } from '../read/plain-data.ts';
import type { ExerciseReport, PartReport } from '../schema.ts';

export const CHALLENGE_ID_LIST: readonly string[] = CHALLENGES.map((c) => c.id);

/** Whether the answers name at least one challenge (with any value, even an empty one). */
export function answersAnyChallenge(answers: Record<string, unknown>): boolean {
  return CHALLENGES.some((c) => own(answers, c.id) !== undefined);
}

/**
 * Verdicts already computed, by challenge, parameters and setup: a replay is deterministic, and a class
 * often hands in the same setup (the lab's own start, a setup shared among friends).
 */
const verdicts = new BoundedCache<string, ChallengeVerdict>(1024);

/** One report per challenge, in the course's order. */
export function gradeChallenges(answers: Record<string, unknown>, learner: string | undefined, variants: boolean): ExerciseReport[] {
  return CHALLENGES.map((challenge) => challengeReport(challenge, own(answers, challenge.id), learner, variants));
}

function challengeReport(challenge: ChallengeDefinition, value: unknown, learner: string | undefined, variants: boolean): ExerciseReport {
  const part = gradeOne(challenge, value, learner, variants);
  return { id: challenge.id, title: challenge.title, score: part.verdict === 'correct' ? 1 : 0, maxScore: 1, parts: [part] };
}

function gradeOne(challenge: ChallengeDefinition, value: unknown, learner: string | undefined, variants: boolean): PartReport {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { id: SETUP_PART, verdict: 'missing', feedback: 'missing: no setup given (use “Use this setup as my answer” in the lab)' };
  }
  const params = variants ? challengeParams(challenge, learner, variants) : challenge.canonical;
  const key =
    typeof value === 'string' && value.length <= MAX_SETUP_LENGTH
      ? `${challenge.id}\u0000${JSON.stringify(params)}\u0000${value}`
      : undefined;
  const v =
    key === undefined ? gradeSetup(challenge, value, params) : verdicts.getOrCompute(key, () => gradeSetup(challenge, value, params));
  const report: PartReport = { id: SETUP_PART, verdict: v.verdict, feedback: `${v.verdict}: ${v.feedback}` };
  if (v.reason !== undefined) report.misconception = v.reason;
  if (v.settings) report.settings = v.settings;
  return report;
}
