/**
 * The course settings in course.config.ts beside it, checked with friendly
 * errors; read by the site at build time and by the grader CLI.
 *
 * Three fields, checked by hand rather than with zod: loading zod's modules
 * took 60–90 ms of the grader's start-up (DESIGN.md budgets a one-file run
 * at 300 ms) to check three values. test/course.schema.test.ts holds these
 * checks to the zod schema they replace, on random settings.
 */
import { COURSE_CONFIG } from './grader/messages/course-config.ts';
import { isRecord, own } from './grader/read/plain-data.ts';
import { pointsProblems, type PointsSetting } from './grader/grade/points.ts';

/** The course settings an instructor may change. */
export interface CourseConfig {
  /**
   * The course title shown on the site and in reports, 1–120 characters.
   * @example "Vanishing Gradients"
   */
  title: string;
  /**
   * Give each learner who sets `learner:` their own variant of the numbers.
   * @example false
   */
  variants: boolean;
  /**
   * The score, in percent (0–100), that counts as passing on the site.
   * @example 80
   */
  passingScore: number;
  /**
   * Points per exercise (shared evenly by its parts) or per part, used by every gradebook format; unset parts are worth 1.
   * @example { "sigmoid-max": 4, "weight-scale": { "gradient_w_0_5": 2 } }
   */
  points?: PointsSetting;
}

/** What course.config.ts may write: the settings, the defaulted ones optional. */
export type CourseConfigInput = Pick<CourseConfig, 'title'> & Partial<Omit<CourseConfig, 'title'>>;

/** Settings that are only there when given (no default). */
const OPTIONAL = ['points'];

/** Each setting's default, or undefined when it must be given; the order of the keys is the order errors are listed in. */
const DEFAULTS: Readonly<Record<Exclude<keyof CourseConfig, 'points'>, unknown>> = { title: undefined, variants: false, passingScore: 80 };
const KNOWN = [...Object.keys(DEFAULTS), ...OPTIONAL];
const TITLE_LENGTH = { min: 1, max: 120 };
const SCORE_RANGE = { min: 0, max: 100 };

/** Validates the course settings; a mistake throws one readable error naming each field. */
export function defineCourse(input: CourseConfigInput): CourseConfig {
  return parseWithFriendlyErrors(input);
}

/** Like Starlight's parseWithFriendlyErrors: a one-line preamble, then "**path**: problem" per problem. */
export function parseWithFriendlyErrors(input: unknown): CourseConfig {
  const checked = checkCourse(input);
  if ('config' in checked) return checked.config;
  throw new Error(`${COURSE_CONFIG.preamble}\n${checked.problems.join('\n')}`);
}

/** The settings with defaults filled in, or one line per problem: each field in order, then any unknown keys. */
function checkCourse(input: unknown): { config: CourseConfig } | { problems: string[] } {
  if (!isRecord(input)) return { problems: [COURSE_CONFIG.line('(root)', COURSE_CONFIG.invalidType('object', input))] };
  const problems: string[] = [];
  // A default stands in for a missing setting only: `variants: null` is a mistake, not a request for the default.
  const value = (key: keyof typeof DEFAULTS): unknown => (own(input, key) === undefined ? DEFAULTS[key] : own(input, key));
  const title = value('title');
  const variants = value('variants');
  const passingScore = value('passingScore');
  const problem = (key: keyof CourseConfig, text: string): void => void problems.push(COURSE_CONFIG.line(key, text));
  if (typeof title !== 'string') problem('title', COURSE_CONFIG.invalidType('string', own(input, 'title')));
  else if (title.length < TITLE_LENGTH.min) problem('title', COURSE_CONFIG.tooSmall(TITLE_LENGTH.min, true));
  else if (title.length > TITLE_LENGTH.max) problem('title', COURSE_CONFIG.tooBig(TITLE_LENGTH.max, true));
  if (typeof variants !== 'boolean') problem('variants', COURSE_CONFIG.invalidType('boolean', variants));
  if (typeof passingScore !== 'number' || !Number.isFinite(passingScore))
    problem('passingScore', COURSE_CONFIG.invalidType('number', passingScore));
  else if (passingScore < SCORE_RANGE.min) problem('passingScore', COURSE_CONFIG.tooSmall(SCORE_RANGE.min, false));
  else if (passingScore > SCORE_RANGE.max) problem('passingScore', COURSE_CONFIG.tooBig(SCORE_RANGE.max, false));
  const points = own(input, 'points');
  if (points !== undefined) for (const line of pointsProblems(points)) problem('points', line);
  const unknown = Object.keys(input).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0) problems.push(COURSE_CONFIG.line(unknown.join(', '), COURSE_CONFIG.unknownKeys(KNOWN)));
  if (problems.length > 0) return { problems };
  const config: CourseConfig = { title: title as string, variants: variants as boolean, passingScore: passingScore as number };
  if (points !== undefined) config.points = points as PointsSetting;
  return { config };
}

/**
 * The settings as the build writes them (dist/course.json, and inside grade.mjs): the same JSON text
 * for the same settings, so every grading route of a deployment can be checked to use the very same.
 */
export function settingsJson(config: CourseConfig): string {
  const { title, variants, passingScore, points } = config;
  return `${JSON.stringify({ title, variants, passingScore, ...(points === undefined ? {} : { points }) }, null, 2)}\n`;
}

/** Reads dist/course.json (or a copy of it) back, with the same checks as course.config.ts. */
export function settingsFromJson(text: string): CourseConfig {
  const parsed = JSON.parse(text) as unknown;
  // dist/course.json also records the deployment's base path (for `npm run preview`): not a course setting.
  if (isRecord(parsed) && Object.hasOwn(parsed, 'base')) delete parsed.base;
  return parseWithFriendlyErrors(parsed);
}
