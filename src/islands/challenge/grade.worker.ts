/**
 * Grades a lab challenge answer off the main thread: the same gradeSetup the
 * grader calls, so the lab's verdict and the CLI's are one computation.
 */
import { challengeParams, getChallenge, gradeSetup, type ChallengeVerdict } from '../../../exercises/challenges/index.ts';
import type { GradeRequest } from './client.ts';

self.onmessage = (event: MessageEvent<GradeRequest>) => {
  const { ticket, challenge: id, setup, learner, variants } = event.data;
  const challenge = getChallenge(id);
  const verdict: ChallengeVerdict = challenge
    ? gradeSetup(challenge, setup, challengeParams(challenge, learner, variants))
    : { verdict: 'invalid', feedback: `There is no challenge “${id}”.` };
  self.postMessage({ ticket, verdict });
};
