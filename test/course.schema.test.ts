import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { COURSE_CONFIG } from '../grader/messages/course-config.ts';
import { isRecord, own } from '../grader/read/plain-data.ts';
import config from '../course.config.ts';
import { COURSE_SETTINGS, defineCourse, type SettingRule } from '../course.schema.ts';

describe('course.config.ts', () => {
  it('holds the course settings', () => {
    expect(config).toEqual({ title: 'Vanishing Gradients', variants: false, passingScore: 80 });
  });
});

describe('defineCourse', () => {
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

/** A setting's rule as zod would write it: built from the same table, so the rule is written once. */
function zodOf(rule: SettingRule): z.ZodMiniType {
  if (rule.type === 'points') return z.optional(z.unknown()); // its values are grader/grade/points.ts's to check
  const base =
    rule.type === 'string'
      ? z.string().check(z.minLength(rule.length.min), z.maxLength(rule.length.max))
      : rule.type === 'number'
        ? z.number().check(z.gte(rule.range.min), z.lte(rule.range.max))
        : z.boolean();
  return rule.default === undefined ? base : z._default(base, rule.default as never);
}

/** The zod schema of COURSE_SETTINGS, with zod's own semantics (strict keys, defaults for missing keys only): the oracle for the loop. */
const ZodCourseSchema = z.strictObject(
  Object.fromEntries(Object.entries(COURSE_SETTINGS as Record<string, SettingRule>).map(([key, rule]) => [key, zodOf(rule)])),
);

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

/** The values at and just past each bound in COURSE_SETTINGS, as numbers and as text of that length. */
const bounds = Object.values(COURSE_SETTINGS as Record<string, SettingRule>).flatMap((rule): unknown[] => {
  if (rule.type === 'number') return [rule.range.min, rule.range.max, rule.range.min - 0.001, rule.range.max + 0.5];
  if (rule.type === 'string')
    return [rule.length.min, rule.length.max, rule.length.min - 1, rule.length.max + 1].filter((n) => n >= 0).map((n) => 'x'.repeat(n));
  return [];
});

describe('the checks built from COURSE_SETTINGS', () => {
  const anyValue = fc.oneof(
    fc.constantFrom(undefined, null, true, false, 0, -0, 1, -1, Number.NaN, Infinity, -Infinity, '', 'T', [], {}),
    // Each bound of the table, and just past it.
    fc.constantFrom(...bounds),
    fc.string({ maxLength: 130 }),
    fc.double(),
    fc.boolean(),
  );
  // Every setting of the table (points are grader/grade/points.ts's, tested there), a misspelt one and keys no setting has.
  const keys = Object.keys(COURSE_SETTINGS).filter((key) => key !== 'points');
  const settings = fc.record(
    { ...Object.fromEntries(keys.map((key) => [key, anyValue])), passingscore: anyValue, extra: anyValue, ['__proto__']: anyValue },
    { requiredKeys: [] },
  );

  it('accept, fill in and refuse exactly what the zod schema of the same table does, with the same words', () => {
    fc.assert(
      fc.property(fc.oneof(settings, anyValue), (input) => {
        expect(outcome(defineCourse as (input: unknown) => unknown, input)).toEqual(outcome(zodDefineCourse, input));
      }),
      { numRuns: 2000 },
    );
  });
});
