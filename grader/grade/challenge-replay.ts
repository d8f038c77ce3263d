/**
 * Grades the lab challenges of an answers document: each answer is a lab
 * setup (the lab's state string), replayed on the engine by
 * exercises/challenges. A file that answers no challenge gets no challenge
 * reports, so nothing is trained for it. Each challenge reports as an
 * exercise with one part, `setup`; an incorrect or invalid setup names its
 * reason in `misconception` (so the class view counts the reasons), and the
 * settings the learner chose travel in `settings`.
 */
import { CHALLENGES, challengeParams, gradeSetup, SETUP_PART, type ChallengeDefinition } from '../../exercises/challenges/index.ts';
import { MAX_SETUP_LENGTH } from '../../exercises/challenges/setup.ts';
import type { GraderContext } from './context.ts';
import { own } from '../read/plain-data.ts';
import type { ExerciseReport, PartReport } from '../schema.ts';

export const CHALLENGE_ID_LIST: readonly string[] = CHALLENGES.map((c) => c.id);

/** Whether the answers name at least one challenge (with any value, even an empty one). */
export function answersAnyChallenge(answers: Record<string, unknown>): boolean {
  return CHALLENGES.some((c) => own(answers, c.id) !== undefined);
}

/** Whose setups to replay, and with which grader's caches. */
interface Replay {
  learner: string | undefined;
  variants: boolean;
  grader: GraderContext;
}

/** One report per challenge, in the course's order. */
export function gradeChallenges(
  answers: Record<string, unknown>,
  learner: string | undefined,
  variants: boolean,
  grader: GraderContext,
): ExerciseReport[] {
  return CHALLENGES.map((challenge) => challengeReport(challenge, own(answers, challenge.id), { learner, variants, grader }));
}

function challengeReport(challenge: ChallengeDefinition, value: unknown, replay: Replay): ExerciseReport {
  const part = gradeOne(challenge, value, replay);
  return { id: challenge.id, title: challenge.title, score: part.verdict === 'correct' ? 1 : 0, maxScore: 1, parts: [part] };
}

/**
 * A setup's verdict. Verdicts are kept by challenge, parameters and setup: a replay is deterministic, and a
 * class often hands in the same setup (the lab's own start, a setup shared among friends).
 */
function gradeOne(challenge: ChallengeDefinition, value: unknown, { learner, variants, grader }: Replay): PartReport {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { id: SETUP_PART, verdict: 'missing', feedback: 'missing: no setup given (use “Use this setup as my answer” in the lab)' };
  }
  const params = variants ? challengeParams(challenge, learner, variants) : challenge.canonical;
  const key =
    typeof value === 'string' && value.length <= MAX_SETUP_LENGTH
      ? `${challenge.id}\u0000${JSON.stringify(params)}\u0000${value}`
      : undefined;
  const v =
    key === undefined
      ? gradeSetup(challenge, value, params)
      : grader.challengeVerdicts.getOrCompute(key, () => gradeSetup(challenge, value, params));
  const report: PartReport = { id: SETUP_PART, verdict: v.verdict, feedback: `${v.verdict}: ${v.feedback}` };
  if (v.reason !== undefined) report.misconception = v.reason;
  if (v.settings) report.settings = v.settings;
  return report;
}
