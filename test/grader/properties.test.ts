import fc from 'fast-check';
import { getChallenge, solutionSetup } from '../../exercises/challenges/index.ts';
import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseParams } from '../../exercises/index.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import { FileReportSchema, type FileReport } from '../../grader/schema.ts';
import { answersToYaml } from '../../grader/report/answers-yaml.ts';
import { blankTemplate } from '../../grader/report/answers-template.ts';
import { POST_ANSWERS_YAML } from './fixtures.ts';
import { PARTS_WITH_CHALLENGES } from '../support/course.ts';

const { gradeText, gradeAnswers } = createGrader();

/** Thousands of generated cases: a generous timeout for a loaded machine (the tests check results, never time). */
const PROPERTY = { timeout: 60_000 };

/** A report that is well formed: the schema holds, the score counts the correct parts, and no internal failure was caught. */
function assertWellFormed(report: FileReport): void {
  expect(FileReportSchema.safeParse(report).success).toBe(true);
  expect(report.errors.filter((e) => e.code === 'internal')).toEqual([]);
  const correct = report.exercises.flatMap((e) => e.parts).filter((p) => p.verdict === 'correct').length;
  expect(report.score).toBe(correct);
}

const partIds = EXERCISES.flatMap((e) => e.parts.map((p) => p.id));
const keys = fc.oneof(
  fc.constantFrom(...EXERCISES.map((e) => e.id), ...partIds, 'answers', 'learner', 'course', '__proto__', 'constructor'),
  fc.string(),
);
const leaf = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('1e-3', '1/4', 'NaN', 'yes', '1/4 - (s - 1/2)^2', '((((', '10^-999'),
);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(keys, tie('node'), { maxKeys: 5 })),
})).node;
const answersShaped = fc.record(
  {
    course: fc.option(fc.oneof(fc.constant('vanishing-gradients'), fc.string()), { nil: undefined }),
    learner: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
    answers: fc.dictionary(keys, fc.oneof(tree, fc.dictionary(keys, tree, { maxKeys: 6 })), { maxKeys: 7 }),
  },
  { requiredKeys: [] },
);

describe('the grader never throws', () => {
  it('on random bytes', PROPERTY, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('a.yaml', 'a.json', 'a'), (bytes, path) => {
        assertWellFormed(gradeText(bytes, { path }));
      }),
      { numRuns: 300 },
    );
  });

  it('on random YAML and JSON trees, answers-shaped or not', PROPERTY, () => {
    fc.assert(
      fc.property(fc.oneof(tree, answersShaped), fc.boolean(), fc.boolean(), (doc, asJson, variants) => {
        const text = asJson ? (JSON.stringify(doc) ?? 'null') : answersToYaml({ answers: doc as never });
        assertWellFormed(gradeText(text, { path: asJson ? 'a.json' : 'a.yaml', variants }));
        assertWellFormed(gradeAnswers(doc, { path: 'form', variants }));
      }),
      { numRuns: 300 },
    );
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('on mutations of a valid file', () => {
    const edit = fc.tuple(
      fc.nat(POST_ANSWERS_YAML.length),
      fc.nat(8),
      fc.string({
        maxLength: 6,
        unit: fc.constantFrom(':', '-', ' ', '\n', '&', '*', '!', '[', '{', '"', "'", '#', '|', '>', 'a', '1', '\t', '%', '?'),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = POST_ANSWERS_YAML;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        assertWellFormed(gradeText(text, { path: 'a.yaml', variants: true }));
      }),
      { numRuns: 300 },
    );
  });
});

const learners = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '');

describe.each(EXERCISES.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
  it('scores its reference answers correct for 200 learners’ variants, also after a YAML round trip', () => {
    fc.assert(
      fc.property(learners, (learner) => {
        const answers = { [exercise.id]: { ...exercise.answers(exerciseParams(exercise, learner, true)) } };
        const direct = gradeAnswers({ learner, answers }, { path: 'form', variants: true });
        const viaFile = gradeText(answersToYaml({ learner, answers }), { path: 'a.yaml', variants: true });
        for (const report of [direct, viaFile]) {
          const graded = report.exercises.find((e) => e.id === exercise.id)!;
          expect(graded.parts.filter((p) => p.verdict !== 'correct')).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('marks every catalogued misconception incorrect with its own feedback, for the post and for variants', () => {
    const check = (learner: string | undefined) => {
      const params = exerciseParams(exercise, learner, true);
      const catalogue = exercise.misconceptions(params);
      for (const m of catalogue) {
        const doc = { learner, answers: { [exercise.id]: { [m.part]: m.value } } };
        const graded = gradeAnswers(doc, { path: 'form', variants: true }).exercises.find((e) => e.id === exercise.id)!;
        const result = graded.parts.find((p) => p.id === m.part)!;
        expect({ id: m.id, verdict: result.verdict }).toEqual({ id: m.id, verdict: 'incorrect' });
        expect(result.feedback).toContain(m.feedback);
      }
      // One message per misconception: no two in a part share their feedback.
      for (const part of exercise.parts) {
        const texts = catalogue.filter((m) => m.part === part.id).map((m) => m.feedback);
        expect(new Set(texts).size).toBe(texts.length);
      }
    };
    check(undefined);
    fc.assert(fc.property(learners, check), { numRuns: 200 });
  });
});

describe('the blank template', () => {
  it('filled in with the canonical reference answers scores full marks', () => {
    const reference = new Map(EXERCISES.map((e) => [e.id as string, e.answers(e.canonical)]));
    let exercise = '';
    const filled = blankTemplate()
      .split('\n')
      .map((line) => {
        const exerciseLine = /^ {2}([\w-]+):$/.exec(line);
        if (exerciseLine) exercise = exerciseLine[1]!;
        // A lab challenge is filled in with a setup that meets it (its answer is the setup, not a part).
        const challenge = exerciseLine ? getChallenge(exercise) : undefined;
        if (challenge) return `${line} "${solutionSetup(challenge)}"`;
        const partLine = /^ {4}(\w+):$/.exec(line);
        if (!partLine) return line;
        const value = reference.get(exercise)![partLine[1]!];
        return `${line} ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
      })
      .join('\n');
    const report = gradeText(filled, { path: 'answers.yaml' });
    expect(report).toMatchObject({
      status: 'graded',
      score: PARTS_WITH_CHALLENGES,
      maxScore: PARTS_WITH_CHALLENGES,
      warnings: [],
      errors: [],
    });
  }, 60_000); // four challenge replays of up to 0.2 s each on a loaded 2-core machine
});
