import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopeProblems } from '../../grader/grade/grade-document.ts';
import { AnswerEnvelopeSchema, AnswerFileSchema, FileReportSchema } from '../../grader/schema.ts';

/** Thousands of generated cases: a generous timeout for a loaded machine (the tests check results, never time). */
const PROPERTY = { timeout: 60_000 };

const field = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('vanishing-gradients', 'ada@example.edu', '', 'x'.repeat(200), 'x'.repeat(201)),
  fc.anything({ maxDepth: 1 }),
  fc.dictionary(fc.string(), fc.anything({ maxDepth: 1 })),
);

describe('grade.ts’s envelope check agrees with AnswerEnvelopeSchema', () => {
  it('on random documents', PROPERTY, () => {
    fc.assert(
      fc.property(fc.record({ course: field, learner: field, answers: field }, { requiredKeys: [] }), fc.boolean(), (doc, nullProto) => {
        const input = nullProto ? Object.assign(Object.create(null), doc) : doc;
        expect(envelopeProblems(input).length === 0).toBe(AnswerEnvelopeSchema.safeParse(input).success);
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
