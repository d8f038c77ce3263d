/** Wording of an invalid course.config.ts, for the site build and the CLI. */
import { describeValue } from './quote.ts';

/** Wording of an invalid course.config.ts: a one-line preamble, then one line per field. */
export const COURSE_CONFIG = {
  preamble: 'Invalid course settings in course.config.ts:',
  line: (path: string, text: string) => `- **${path}**: ${text}`,
  unknownKeys: (known: readonly string[]) => `unknown setting (known: ${known.join(', ')})`,
  invalidType: (expected: string, value: unknown) => `expected ${expected}, got ${describeValue(value)}`,
  tooSmall: (min: unknown, text: boolean) =>
    text && min === 1 ? 'must not be empty' : `must be at least ${String(min)}${text ? ' characters' : ''}`,
  tooBig: (max: unknown, text: boolean) => `must be at most ${String(max)}${text ? ' characters' : ''}`,
  invalidValue: (value: unknown) => `invalid value: ${describeValue(value)}`,
};
