/**
 * The course settings (course.config.ts at the repository root): a zod
 * schema with friendly errors, read by the site and the grader CLI.
 */
import * as z from 'zod/mini';
import { COURSE_CONFIG } from './grader/messages/course-config.ts';

/** The course settings an instructor may change. */
export const CourseConfigSchema = z.strictObject({
  /**
   * The course title shown on the site and in reports.
   * @example "Vanishing Gradients"
   */
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  /**
   * Give each learner who sets `learner:` their own variant of the numbers.
   * @example false
   */
  variants: z._default(z.boolean(), false),
  /**
   * The score, in percent, that counts as passing on the site.
   * @example 80
   */
  passingScore: z._default(z.number().check(z.gte(0), z.lte(100)), 80),
});

export type CourseConfig = z.infer<typeof CourseConfigSchema>;
export type CourseConfigInput = z.input<typeof CourseConfigSchema>;

/** Validates the course settings; a mistake throws one readable error naming each field. */
export function defineCourse(input: CourseConfigInput): CourseConfig {
  return parseWithFriendlyErrors(input);
}

/** Like Starlight's parseWithFriendlyErrors: a one-line preamble, then "**path**: problem" per issue. */
export function parseWithFriendlyErrors(input: unknown): CourseConfig {
  const result = CourseConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return COURSE_CONFIG.line(issue.keys.join(', '), COURSE_CONFIG.unknownKeys(Object.keys(CourseConfigSchema.shape)));
    }
    const path = issue.path.map(String).join('.') || '(root)';
    const value = issue.path.reduce<unknown>((v, key) => (isRecord(v) ? v[key as string] : undefined), input);
    const text = typeof value === 'string';
    const why =
      issue.code === 'invalid_type' ? COURSE_CONFIG.invalidType(issue.expected, value)
      : issue.code === 'too_small' ? COURSE_CONFIG.tooSmall(issue.minimum, text)
      : issue.code === 'too_big' ? COURSE_CONFIG.tooBig(issue.maximum, text)
      : COURSE_CONFIG.invalidValue(value);
    return COURSE_CONFIG.line(path, why);
  });
  throw new Error(`${COURSE_CONFIG.preamble}\n${lines.join('\n')}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
