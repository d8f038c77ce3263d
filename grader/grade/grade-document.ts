/**
 * Grades an answers document (already built: by the reader from a file, or
 * by the browser from a form) into a FileReport. Imports no YAML, so the
 * exercise page can grade a form without loading the parser.
 */
import { EXERCISES, exerciseParams, type ExerciseDefinition, type Misconception } from '../../exercises/index.ts';
import { answersAnyChallenge, CHALLENGE_ID_LIST, gradeChallenges } from './challenge-replay.ts';
import { COURSE_ID, LEARNER_MAX_LENGTH } from '../constants.ts';
import { problem } from '../messages/problems.ts';
import { describeValue } from '../messages/quote.ts';
import type { GraderContext, References } from './context.ts';
import { gradePart } from './part.ts';
import { childPath, joinPath } from '../read/answer-paths.ts';
import { isRecord, own } from '../read/plain-data.ts';
import type { ExerciseReport, FileReport, Position, Problem } from '../schema.ts';
import { suggest } from './suggest.ts';

export interface GradeOptions {
  /** The path shown in the report. */
  path: string;
  /** Use the learner's variant parameters (the course setting); default false: the post's numbers. */
  variants?: boolean;
  /**
   * With variants on, refuse a file with no learner (or a blank one) instead of grading it against the
   * post's numbers: the CLI, where each file is a learner's submission. The exercise page leaves it off, since
   * it shows the post's numbers until a learner id is entered.
   */
  requireLearner?: boolean;
  /** Line and column of each dotted path, from the reader; the browser form has none. */
  positions?: ReadonlyMap<string, Position>;
  /** Duplicate keys inside `answers` (read.ts): each makes the exercise or part it names `invalid`, the rest is graded. */
  conflicts?: readonly Problem[];
}

const TOP_LEVEL_KEYS = ['course', 'learner', 'submitted', 'answers'];
const EXERCISE_IDS = EXERCISES.map((e) => e.id as string);
/** The catalogue of a part with no catalogued misconception: one array, so verdicts kept per catalogue (part.ts) are found again. */
const NO_MISCONCEPTIONS: readonly Misconception[] = Object.freeze([]);
/** Warnings beyond this many are summarised in one line. */
const MAX_WARNINGS = 50;

/** Grades `doc` with a grader's caches (createGrader); never throws: an unexpected failure becomes a file-level error. */
export function gradeAnswers(doc: unknown, options: GradeOptions, grader: GraderContext): FileReport {
  try {
    return gradeDocument(doc, options, grader);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    return errorReport(options.path, [problem('internal', '', { detail })]);
  }
}

/** The report for a file that could not be read or validated at all. */
export function errorReport(path: string, errors: Problem[], warnings: Problem[] = []): FileReport {
  const maxScore = EXERCISES.reduce((sum, e) => sum + e.parts.length, 0);
  return { path, status: 'error', score: 0, maxScore, errors, warnings, exercises: [] };
}

function gradeDocument(doc: unknown, options: GradeOptions, grader: GraderContext): FileReport {
  const { path, positions = new Map<string, Position>(), variants = false } = options;
  const at = (p: string): Position | undefined => positions.get(p);
  const warnings: Problem[] = [];
  const warn = (p: Problem): void => void warnings.push(p);
  const conflicts = new Map((options.conflicts ?? []).map((c) => [c.path, c]));
  const report = gradeDocumentWith(
    doc,
    path,
    { variants, requireLearner: options.requireLearner === true },
    { errors: [], warn, at, conflicts, grader },
  );
  return { ...report, warnings: capped(warnings) };
}

function gradeDocumentWith(doc: unknown, path: string, mode: { variants: boolean; requireLearner: boolean }, ctx: Grading): FileReport {
  const { variants } = mode;
  const { at, warn } = ctx;
  if (doc === null || doc === undefined) return errorReport(path, [problem('empty', '', {}, at(''))]);
  if (!isRecord(doc)) return errorReport(path, [problem('not-a-mapping', '', { got: describeValue(doc) }, at(''))]);
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.includes(key))
      warn(problem('unknown-key', joinPath('', key), { key, suggestion: suggest(key, TOP_LEVEL_KEYS) }, at(joinPath('', key))));
  }
  const given = own(doc, 'learner');
  const blank = given === undefined || given === null || (typeof given === 'string' && given.trim() === '');
  let envelope = envelopeProblems(doc, at);
  if (variants && mode.requireLearner && blank) {
    // Whose numbers to grade against is unknown: say that, rather than "learner must be text" for `learner:` left empty.
    envelope = [
      problem('no-learner', 'learner', {}, at(given === undefined ? '' : 'learner')),
      ...envelope.filter((p) => p.code !== 'invalid-learner'),
    ];
  }
  if (envelope.length > 0)
    return {
      ...errorReport(path, envelope),
      ...(typeof given === 'string' ? { learner: given } : {}),
      ...(variants ? { variant: false } : {}),
    };

  const learner = given as string | undefined;
  const named = learner !== undefined && !blank;
  if (!variants && named) warn(problem('learner-ignored', 'learner', { learner: learner.trim() }, at('learner')));
  const answers = own(doc, 'answers') as Record<string, unknown>;
  for (const id of Object.keys(answers)) {
    if (!EXERCISE_IDS.includes(id) && !CHALLENGE_ID_LIST.includes(id)) {
      const where = joinPath('answers', id);
      warn(
        problem('unknown-exercise', where, { exercise: id, suggestion: suggest(id, [...EXERCISE_IDS, ...CHALLENGE_ID_LIST]) }, at(where)),
      );
    }
  }

  const exercises = EXERCISES.map((exercise) => {
    // With variants off every file has the post's numbers: no need to fold the learner id five times per file.
    const params = variants ? exerciseParams(exercise, learner, variants) : exercise.canonical;
    return gradeExercise(exercise, own(answers, exercise.id), references(exercise, params, ctx.grader), ctx);
  });
  // The lab challenges are replayed only for a file that answers one (grader/challenges.ts).
  if (answersAnyChallenge(answers)) exercises.push(...gradeChallenges(answers, named ? learner : undefined, variants, ctx.grader));
  const score = exercises.reduce((sum, e) => sum + e.score, 0);
  const maxScore = exercises.reduce((sum, e) => sum + e.maxScore, 0);
  const variant = variants && named;
  const report: FileReport = { path, status: 'graded', score, maxScore, errors: ctx.errors, warnings: [], exercises };
  if (learner !== undefined) Object.assign(report, { learner, variant });
  const submitted = own(doc, 'submitted');
  if (typeof submitted === 'string' && submitted.trim() !== '') report.submitted = submitted.trim();
  else if (submitted instanceof Date) report.submitted = submitted.toISOString();
  return report;
}

/**
 * File-level problems with `course`, `learner` and `answers`: the rules of
 * AnswerEnvelopeSchema (grader/schema.ts, their one definition), applied here
 * without loading zod, each as a problem with its code and place;
 * test/grader/schema.test.ts holds the two to failing the same fields.
 */
export function envelopeProblems(doc: Record<string, unknown>, at: (p: string) => Position | undefined = () => undefined): Problem[] {
  const problems: Problem[] = [];
  const course = own(doc, 'course');
  if (course !== undefined && course !== COURSE_ID)
    problems.push(problem('wrong-course', 'course', { got: describeValue(course) }, at('course')));
  const learner = own(doc, 'learner');
  const validLearner = typeof learner === 'string' && learner.length >= 1 && learner.length <= LEARNER_MAX_LENGTH;
  if (learner !== undefined && !validLearner) {
    problems.push(problem('invalid-learner', 'learner', { got: describeValue(learner), limit: LEARNER_MAX_LENGTH }, at('learner')));
  }
  const answers = own(doc, 'answers');
  if (answers === undefined) problems.push(problem('missing-answers', '', {}, at('')));
  else if (!isRecord(answers)) problems.push(problem('invalid-answers', 'answers', { got: describeValue(answers) }, at('answers')));
  return problems;
}

interface Context {
  /** Duplicate keys by the exercise or part path they repeat. */
  conflicts?: ReadonlyMap<string, Problem>;
  errors: Problem[];
  warn: (p: Problem) => void;
  at: (p: string) => Position | undefined;
}

/** A file's grading: its problems and positions, and the grader whose caches it uses. */
interface Grading extends Context {
  grader: GraderContext;
}

/** An exercise's dotted path, its part ids and each part's path: the same for every file, so worked out once. */
interface Paths {
  base: string;
  partIds: readonly string[];
  parts: readonly string[];
}

/** Every exercise's paths, as the readers hand them out (childPath), so position look-ups find them by identity. */
const PATHS: ReadonlyMap<ExerciseDefinition, Paths> = new Map(
  EXERCISES.map((exercise) => {
    const base = childPath('answers', exercise.id);
    const partIds = exercise.parts.map((p) => p.id);
    return [exercise, { base, partIds, parts: partIds.map((id) => childPath(base, id)) }];
  }),
);

function gradeExercise(exercise: ExerciseDefinition, given: unknown, refs: References, ctx: Grading): ExerciseReport {
  const { base, partIds, parts: partPaths } = PATHS.get(exercise)!;
  let values: Record<string, unknown> = Object.create(null);
  let notAMapping: Problem | undefined;
  if (isRecord(given)) {
    values = given;
    for (const id of Object.keys(given)) {
      if (partIds.includes(id)) continue;
      const owner = EXERCISES.find((e) => e.parts.some((p) => p.id === id))?.id;
      const where = joinPath(base, id);
      ctx.warn(problem('unknown-part', where, { exercise: exercise.id, part: id, suggestion: suggest(id, partIds), owner }, ctx.at(where)));
    }
  } else if (given !== undefined && given !== null) {
    notAMapping = problem('invalid-exercise', base, { exercise: exercise.id, got: describeValue(given) }, ctx.at(base));
    ctx.errors.push(notAMapping);
  }
  const repeated = ctx.conflicts?.get(base);
  if (repeated) ctx.errors.push(repeated);
  const parts = exercise.parts.map((part, index) => {
    const where = partPaths[index]!;
    if (notAMapping) return { id: part.id, verdict: 'invalid' as const, feedback: notAMapping.message };
    const conflict = repeated ?? ctx.conflicts?.get(where);
    if (conflict) {
      if (!repeated) ctx.errors.push(conflict);
      return {
        id: part.id,
        verdict: 'invalid' as const,
        feedback: conflict.message,
        ...(conflict.line === undefined ? {} : { line: conflict.line }),
      };
    }
    const reference = refs.answers[part.id];
    if (reference === undefined) throw new Error(`exercise '${exercise.id}' has no reference answer for '${part.id}'`);
    const outcome = gradePart(
      {
        part,
        value: own(values, part.id),
        reference,
        misconceptions: refs.byPart.get(part.id) ?? NO_MISCONCEPTIONS,
        place: { path: where, at: ctx.at(where) },
      },
      ctx.grader,
    );
    if (outcome.problem) ctx.errors.push(outcome.problem);
    return outcome.report;
  });
  const score = parts.filter((p) => p.verdict === 'correct').length;
  return { id: exercise.id, title: exercise.title, score, maxScore: parts.length, parts };
}

/**
 * Reference answers and misconceptions for one parameter set, kept: most
 * files use the post's numbers (the very `canonical` object, so keyed by
 * identity), and a class's variants repeat across runs of the same learners.
 * The same arrays come back each time, so the expression verdicts kept per
 * catalogue (part.ts) are found again.
 */
function references(exercise: ExerciseDefinition, params: ExerciseDefinition['canonical'], grader: GraderContext): References {
  const key = params === exercise.canonical ? params : `${exercise.id}\u0000${JSON.stringify(params)}`;
  return grader.references.getOrCompute(key, () => computeReferences(exercise, params));
}

function computeReferences(exercise: ExerciseDefinition, params: ExerciseDefinition['canonical']): References {
  const byPart = new Map<string, Misconception[]>();
  for (const m of exercise.misconceptions(params)) byPart.set(m.part, [...(byPart.get(m.part) ?? []), m]);
  return { answers: exercise.answers(params), byPart };
}

/** Keeps the first MAX_WARNINGS warnings and counts the rest in one line. */
function capped(warnings: Problem[]): Problem[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [...warnings.slice(0, MAX_WARNINGS), problem('too-many-problems', '', { count: warnings.length - MAX_WARNINGS })];
}
