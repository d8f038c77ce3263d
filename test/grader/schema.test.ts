import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopeProblems } from '../../grader/grade/grade-document.ts';
import { COURSE_ID, LEARNER_MAX_LENGTH } from '../../grader/constants.ts';
import { AnswerEnvelopeSchema, AnswerFileSchema, FileReportSchema } from '../../grader/schema.ts';

/** Thousands of generated cases: a generous timeout for a loaded machine (the tests check results, never time). */
const PROPERTY = { timeout: 60_000 };

/** Values at the schema's own bounds (its constants), and anything else. */
const field = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(COURSE_ID, `${COURSE_ID} `, '', 'ada@example.edu', 'x'.repeat(LEARNER_MAX_LENGTH), 'x'.repeat(LEARNER_MAX_LENGTH + 1)),
  fc.anything({ maxDepth: 1 }),
  fc.dictionary(fc.string(), fc.anything({ maxDepth: 1 })),
);

/** The envelope field each of envelopeProblems' codes is about. */
const FIELD_OF: Record<string, string> = {
  'wrong-course': 'course',
  'invalid-learner': 'learner',
  'missing-answers': 'answers',
  'invalid-answers': 'answers',
};

describe('grade-document.ts’s envelope check fails a file on the very fields AnswerEnvelopeSchema does', () => {
  it('on random documents', PROPERTY, () => {
    fc.assert(
      fc.property(fc.record({ course: field, learner: field, answers: field }, { requiredKeys: [] }), fc.boolean(), (doc, nullProto) => {
        const input = nullProto ? Object.assign(Object.create(null), doc) : doc;
        const parsed = AnswerEnvelopeSchema.safeParse(input);
        const zodFields = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
        const ourFields = new Set(envelopeProblems(input).map((p) => FIELD_OF[p.code] ?? p.code));
        expect(ourFields).toEqual(zodFields);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('AnswerFileSchema', () => {
  it("accepts DESIGN.md's example and types its values", () => {
    const file = AnswerFileSchema.parse({
      course: 'vanishing-gradients',
      learner: 'ada@example.edu',
      answers: { 'relu-swap': { gradient_relu: 1e-3, improvement_factor: '64', vanishing_gone: false, x: null } },
    });
    expect(file.answers['relu-swap']!.vanishing_gone).toBe(false);
    expect(AnswerFileSchema.safeParse({ answers: { 'relu-swap': { gradient_relu: [1] } } }).success).toBe(false);
  });
});

describe('FileReportSchema', () => {
  it('describes an error report and a graded one', () => {
    expect(
      FileReportSchema.safeParse({
        path: 'a',
        status: 'error',
        score: 0,
        maxScore: 19,
        errors: [{ path: '', message: 'm', code: 'empty' }],
        warnings: [],
        exercises: [],
      }).success,
    ).toBe(true);
    // A problem's code is one of the catalogue's codes (messages/codes.ts), not any text.
    expect(
      FileReportSchema.safeParse({
        path: 'a',
        status: 'error',
        score: 0,
        maxScore: 19,
        errors: [{ path: '', message: 'm', code: 'c' }],
        warnings: [],
        exercises: [],
      }).success,
    ).toBe(false);
    expect(
      FileReportSchema.safeParse({ path: 'a', status: 'graded', score: 0.5, maxScore: 19, errors: [], warnings: [], exercises: [] })
        .success,
    ).toBe(false);
  });
});
