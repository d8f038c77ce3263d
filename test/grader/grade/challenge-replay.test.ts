/**
 * The grader's side of the lab challenges: a file that answers one gets all
 * four graded by replay and shown in every format; a file that answers none
 * is graded exactly as before; the class view counts settings and reasons.
 */
import { describe, expect, it } from 'vitest';
import {
  CHALLENGE_IDS,
  CHALLENGES,
  challengeParams,
  getChallenge,
  gradeSetup,
  solutionSetup,
  startSetup,
} from '../../../exercises/challenges/index.ts';
import { formatCsv } from '../../../grader/report/gradebook-csv.ts';
import { formatJson } from '../../../grader/report/json-report.ts';
import { formatJunit } from '../../../grader/report/junit.ts';
import { formatMarkdown } from '../../../grader/report/markdown.ts';
import { formatText } from '../../../grader/report/text.ts';
import { createGrader } from '../../../grader/grade/grader.ts';
import { blankTemplate } from '../../../grader/report/answers-template.ts';
import { EXERCISES } from '../../../exercises/index.ts';
import { PARTS, PARTS_WITH_CHALLENGES } from '../../support/course.ts';

const { gradeText, gradeAnswers } = createGrader();

/** Replays of up to 0.2 s each, a few per test, in a worker of a loaded 2-core machine: far below a minute. */
const REPLAYS_TIMEOUT = 60_000;

const relu = getChallenge('relu-learning-rate')!;
const deep = getChallenge('deep-sigmoid')!;

describe('a file with challenge answers', () => {
  it(
    'gets every challenge graded by replay, as one-part exercises after the exercises',
    () => {
      const report = gradeAnswers(
        { answers: { 'relu-learning-rate': solutionSetup(relu), 'deep-sigmoid': startSetup(deep), 'batchnorm-alone': 'ds:moons' } },
        { path: 'a.yaml' },
      );
      expect(report.maxScore).toBe(PARTS_WITH_CHALLENGES);
      const challenges = report.exercises.slice(EXERCISES.length);
      expect(challenges.map((e) => e.id)).toEqual([...CHALLENGE_IDS]);
      expect(challenges.map((e) => e.parts[0]!.verdict)).toEqual(['correct', 'missing', 'incorrect', 'invalid']);
      expect(challenges[2]!.parts[0]).toMatchObject({
        id: 'setup',
        misconception: 'missed-goal',
        settings: expect.arrayContaining(['learning rate η=0.1']),
      });
      // The grader's verdict is the challenge's own, replayed independently of the report.
      expect(challenges[2]!.parts[0]!.feedback).toBe(`incorrect: ${gradeSetup(deep, startSetup(deep)).feedback}`);
      expect(report.score).toBe(1);
    },
    REPLAYS_TIMEOUT,
  );

  it("uses the learner's variant with variants on, from the same hash of learner and challenge id as the site", () => {
    // A learner whose depth differs from the post's: the canonical starting setup is then outside their limits.
    const learner = Array.from({ length: 50 }, (_, i) => `learner-${i}`).find(
      (l) => challengeParams(deep, l, true).depth !== deep.canonical.depth,
    )!;
    const report = gradeAnswers({ learner, answers: { 'deep-sigmoid': startSetup(deep) } }, { path: 'a.yaml', variants: true });
    const part = report.exercises.find((e) => e.id === 'deep-sigmoid')!.parts[0]!;
    expect(part).toMatchObject({ verdict: 'invalid', misconception: 'outside-limits' });
    expect(part.feedback).toContain(
      `the number of hidden layers is ${deep.canonical.depth}; this challenge fixes it at ${challengeParams(deep, learner, true).depth}`,
    );
    expect(part.feedback).toBe(`invalid: ${gradeSetup(deep, startSetup(deep), challengeParams(deep, learner, true)).feedback}`);
  });

  it(
    'shows in every format',
    () => {
      const reports = [
        // Each file names its learner: the gradebook has no row without one (it lists such files apart).
        gradeText(`learner: ada\nanswers:\n  relu-learning-rate: "${solutionSetup(relu)}"\n`, { path: 'ada.yaml' }),
        gradeText(
          `learner: bob\nanswers:\n  relu-learning-rate: "${startSetup(relu).replace('lr:0.003', 'lr:1')}"\n  first-layer-signal: "${startSetup(CHALLENGES[1]!)}"\n`,
          { path: 'bob.yaml' },
        ),
      ];
      const text = formatText(reports);
      expect(text).toContain('relu-learning-rate');
      expect(text).toContain('Lab challenges: settings used and failure reasons');
      expect(text).toMatch(/relu-learning-rate: 1 correct, 1 incorrect, 0 invalid, 0 missing/);
      expect(text).toMatch(/settings used: [^\n]*learning rate η=0\.05 \(1\)/);
      expect(text).toMatch(/failure reasons: dead-units \(1\)/);
      expect(formatMarkdown(reports)).toContain('### Lab challenges: settings used and failure reasons');
      expect(formatJunit(reports)).toContain('relu-learning-rate');
      const csv = formatCsv(reports).split('\r\n');
      expect(csv[0]).toContain(',"relu-learning-rate","first-layer-signal","deep-sigmoid","batchnorm-alone","relu-learning-rate.setup",');
      // ada: 1 point of every part and challenge (the class answered challenges, so each is worth a point for everyone),
      // the challenge's point and verdict.
      const percent = Math.round(10000 / PARTS_WITH_CHALLENGES) / 100;
      expect(csv[1]!.startsWith(`"ada","ada.yaml","graded",1,${PARTS_WITH_CHALLENGES},${percent},"no",`)).toBe(true);
      expect(csv[1]!.endsWith(',1,0,0,0,"correct","missing","missing","missing",')).toBe(true);
      const json = JSON.parse(formatJson(reports));
      expect(json.summary.challenges[0]).toMatchObject({
        challenge: 'relu-learning-rate',
        correct: 1,
        incorrect: 1,
        reasons: [{ reason: 'dead-units', count: 1 }],
      });
      expect(json.summary.misconceptions).toContainEqual({ exercise: 'relu-learning-rate', part: 'setup', id: 'dead-units', count: 1 });
    },
    REPLAYS_TIMEOUT,
  );
});

describe('a file without challenge answers', () => {
  it("is graded as before: the exercises' parts, no challenge columns or sections", () => {
    const report = gradeAnswers({ answers: { 'relu-swap': { gradient_relu: 1e-3 } } }, { path: 'a.yaml' });
    expect(report.maxScore).toBe(PARTS);
    expect(report.exercises.map((e) => e.id)).not.toContain('relu-learning-rate');
    expect(formatCsv([report, report])).not.toContain('relu-learning-rate');
    expect(formatText([report, report])).not.toContain('Lab challenges');
    expect(JSON.parse(formatJson([report])).summary.challenges).toBeUndefined();
  });
  it('a misspelt challenge id gets a warning with the right id', () => {
    const report = gradeAnswers({ answers: { 'deep-sigmoids': 'x' } }, { path: 'a.yaml' });
    expect(report.warnings[0]!.message).toContain("did you mean 'deep-sigmoid'");
  });
  it('the blank template grades every challenge missing, with nothing run', () => {
    const report = gradeText(blankTemplate(), { path: 'answers.yaml' });
    expect(report.exercises.slice(EXERCISES.length).map((e) => e.parts[0]!.verdict)).toEqual(CHALLENGE_IDS.map(() => 'missing'));
  });
});
