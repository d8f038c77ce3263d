import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { COURSE_CONFIG } from '../grader/messages/course-config.ts';
import { isRecord, own } from '../grader/read/plain-data.ts';
import config from '../course.config.ts';
import { defineCourse } from '../course.schema.ts';

describe('course.config.ts', () => {
  it('holds the course settings', () => {
    expect(config).toEqual({ title: 'Vanishing Gradients', variants: false, passingScore: 80 });
  });
});

describe('defineCourse', () => {
  it('fills in defaults', () => {
    expect(defineCourse({ title: 'T' })).toEqual({ title: 'T', variants: false, passingScore: 80 });
  });

  it('throws one friendly error naming every bad field', () => {
    expect(() => defineCourse({ title: '', variants: 'yes' as never, passingScore: 120 })).toThrowErrorMatchingInlineSnapshot(`
      [Error: Invalid course settings in course.config.ts:
      - **title**: must not be empty
      - **variants**: expected boolean, got the text 'yes'
      - **passingScore**: must be at most 100]
    `);
    expect(() => defineCourse({ title: 'T', passingscore: 90 } as never)).toThrowErrorMatchingInlineSnapshot(`
      [Error: Invalid course settings in course.config.ts:
      - **passingscore**: unknown setting (known: title, variants, passingScore, points)]
    `);
    expect(() => defineCourse({} as never)).toThrowErrorMatchingInlineSnapshot(`
      [Error: Invalid course settings in course.config.ts:
      - **title**: expected string, got nothing]
    `);
  });
});

/** The zod schema course.schema.ts replaced, with its error wording: the oracle for the hand-written checks. */
const ZodCourseSchema = z.strictObject({
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  variants: z._default(z.boolean(), false),
  passingScore: z._default(z.number().check(z.gte(0), z.lte(100)), 80),
  // Added after the replacement (grader/points.ts checks its values); here so unknown keys list it.
  points: z.optional(z.unknown()),
});

function zodDefineCourse(input: unknown): unknown {
  const result = ZodCourseSchema.safeParse(input);
  if (result.success) return result.data;
  // zod/mini also runs a field's length check on a value of the wrong type (`title: []` added "must be at
  // least 1"); the hand-written checks stop at the type, as a reader would.
  const wrongType = new Set(result.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('.')));
  const issues = result.error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(i.path.join('.')));
  const lines = issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return COURSE_CONFIG.line(issue.keys.join(', '), COURSE_CONFIG.unknownKeys(Object.keys(ZodCourseSchema.shape)));
    const path = issue.path.map(String).join('.') || '(root)';
    const value = issue.path.reduce<unknown>((v, key) => (isRecord(v) ? own(v, String(key)) : undefined), input);
    const text = typeof value === 'string';
    const why =
      issue.code === 'invalid_type'
        ? COURSE_CONFIG.invalidType(issue.expected, value)
        : issue.code === 'too_small'
          ? COURSE_CONFIG.tooSmall(issue.minimum, text)
          : issue.code === 'too_big'
            ? COURSE_CONFIG.tooBig(issue.maximum, text)
            : COURSE_CONFIG.invalidValue(value);
    return COURSE_CONFIG.line(path, why);
  });
  throw new Error(`${COURSE_CONFIG.preamble}\n${lines.join('\n')}`);
}

/** What a call gives: the settings, or the error's message. */
function outcome(check: (input: unknown) => unknown, input: unknown): unknown {
  try {
    return { config: check(input) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('the hand-written checks', () => {
  const anyValue = fc.oneof(
    fc.constantFrom(
      undefined,
      null,
      true,
      false,
      0,
      -0,
      1,
      -1,
      80,
      100,
      100.5,
      -0.001,
      Number.NaN,
      Infinity,
      -Infinity,
      '',
      'T',
      'x'.repeat(120),
      'x'.repeat(121),
      [],
      {},
    ),
    fc.string({ maxLength: 130 }),
    fc.double(),
    fc.boolean(),
  );
  const settings = fc.record(
    { title: anyValue, variants: anyValue, passingScore: anyValue, passingscore: anyValue, extra: anyValue, __proto__: anyValue },
    { requiredKeys: [] },
  );

  it('accept, fill in and refuse exactly what the zod schema they replace did, with the same words', () => {
    fc.assert(
      fc.property(fc.oneof(settings, anyValue), (input) => {
        expect(outcome(defineCourse as (input: unknown) => unknown, input)).toEqual(outcome(zodDefineCourse, input));
      }),
      { numRuns: 2000 },
    );
  });
});
