/**
 * The course settings in course.config.ts beside it, checked with friendly
 * errors; read by the site at build time and by the grader CLI.
 *
 * Each setting's rule is written once, in COURSE_SETTINGS: the type, the
 * checks and the defaults are read from that table. The checks are a small
 * loop rather than zod: loading zod's modules took 50–90 ms of the grader's
 * start-up (DESIGN.md budgets a one-file run at 300 ms) to check three values.
 * test/course.schema.test.ts builds the zod schema from the same table and
 * holds the loop to it, words included, on random settings.
 */
import { COURSE_CONFIG } from './grader/messages/course-config.ts';
import { isRecord, own } from './grader/read/plain-data.ts';
import { pointsProblems, type PointsSetting } from './grader/grade/points.ts';

/** One setting's rule: its type and bounds, and its default when it may be left out. */
export type SettingRule =
  | { type: 'string'; length: { min: number; max: number }; default?: string }
  | { type: 'number'; range: { min: number; max: number }; default?: number }
  | { type: 'boolean'; default?: boolean }
  /** Points per exercise or part: only there when given, checked by grader/grade/points.ts. */
  | { type: 'points'; optional: true };

/** The settings an instructor may change, in the order errors are listed in. */
export const COURSE_SETTINGS = {
  /**
   * The course title: the site's title, and the heading of every report and feedback file the grader writes.
   * @example "Vanishing Gradients"
   */
  title: { type: 'string', length: { min: 1, max: 120 } },
  /**
   * Give each learner who sets `learner:` their own variant of the numbers.
   * @example false
   */
  variants: { type: 'boolean', default: false },
  /**
   * The score, in percent (0–100), that counts as passing: on the site, in SCORM packages and in the grader's class summary.
   * @example 80
   */
  passingScore: { type: 'number', range: { min: 0, max: 100 }, default: 80 },
  /**
   * Points per exercise (shared evenly by its parts) or per part, used by every gradebook format; unset parts are worth 1.
   * @example { "sigmoid-max": 4, "weight-scale": { "gradient_w_0_5": 2 } }
   */
  points: { type: 'points', optional: true },
} as const satisfies Record<string, SettingRule>;

type Settings = typeof COURSE_SETTINGS;
type ValueOf<R> = R extends { type: 'string' }
  ? string
  : R extends { type: 'number' }
    ? number
    : R extends { type: 'boolean' }
      ? boolean
      : PointsSetting;
type Given = { [K in keyof Settings as Settings[K] extends { optional: true } ? never : K]: ValueOf<Settings[K]> };
type Optional = { [K in keyof Settings as Settings[K] extends { optional: true } ? K : never]?: ValueOf<Settings[K]> };
/** The course settings, defaults filled in (from COURSE_SETTINGS). */
export type CourseConfig = Given & Optional;
/** What course.config.ts may write: a setting with a default may be left out. */
export type CourseConfigInput = {
  [K in keyof Given as Settings[K] extends { default: unknown } ? never : K]: Given[K];
} & { [K in keyof Given as Settings[K] extends { default: unknown } ? K : never]?: Given[K] } & Optional;

const KNOWN = Object.keys(COURSE_SETTINGS);

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

/** What is wrong with one given value under its rule, one line each; empty when it fits. */
function ruleProblems(rule: SettingRule, value: unknown): string[] {
  switch (rule.type) {
    case 'points':
      return pointsProblems(value);
    case 'boolean':
      return typeof value === 'boolean' ? [] : [COURSE_CONFIG.invalidType('boolean', value)];
    case 'string': {
      if (typeof value !== 'string') return [COURSE_CONFIG.invalidType('string', value)];
      const { min, max } = rule.length;
      return value.length < min ? [COURSE_CONFIG.tooSmall(min, true)] : value.length > max ? [COURSE_CONFIG.tooBig(max, true)] : [];
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [COURSE_CONFIG.invalidType('number', value)];
      const { min, max } = rule.range;
      return value < min ? [COURSE_CONFIG.tooSmall(min, false)] : value > max ? [COURSE_CONFIG.tooBig(max, false)] : [];
    }
  }
}

/** The settings with defaults filled in, or one line per problem: each setting in the table's order, then any unknown keys. */
function checkCourse(input: unknown): { config: CourseConfig } | { problems: string[] } {
  if (!isRecord(input)) return { problems: [COURSE_CONFIG.line('(root)', COURSE_CONFIG.invalidType('object', input))] };
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(COURSE_SETTINGS) as [string, SettingRule][]) {
    // A default stands in for a missing setting only: `variants: null` is a mistake, not a request for the default.
    const given = own(input, key);
    if (given === undefined && ('default' in rule || 'optional' in rule)) {
      if ('default' in rule) config[key] = rule.default;
      continue;
    }
    const found = ruleProblems(rule, given);
    for (const line of found) problems.push(COURSE_CONFIG.line(key, line));
    if (found.length === 0) config[key] = given;
  }
  const unknown = Object.keys(input).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0) problems.push(COURSE_CONFIG.line(unknown.join(', '), COURSE_CONFIG.unknownKeys(KNOWN)));
  return problems.length > 0 ? { problems } : { config: config as CourseConfig };
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
