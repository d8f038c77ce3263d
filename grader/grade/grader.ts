/**
 * A grader: the grading functions bound to one context that holds every
 * cache they keep (context.ts). Build one per job (a CLI run, a class
 * report, a test); two graders share nothing, and a fresh one grades exactly
 * as a warmed one does.
 */
import type { FileReport } from '../schema.ts';
import { type CacheName, createGraderContext, type GraderContext } from './context.ts';
import { type GradeOptions, gradeAnswers } from './grade-document.ts';
import { type GradeTextOptions, gradeText } from './grade-text.ts';
import { gradePart, type PartOutcome, type PartQuestion } from './part.ts';

export interface GraderOptions {
  /** Overrides of CACHE_LIMITS, entries per cache; 0 turns a cache off (the same reports, computed every time). */
  cacheLimits?: Partial<Record<CacheName, number>>;
}

export interface Grader {
  /** Reads and grades one answers file's content; never throws. */
  gradeText(text: string | Uint8Array, options: GradeTextOptions): FileReport;
  /** Grades an answers document already read (from a file or a form); never throws. */
  gradeAnswers(doc: unknown, options: GradeOptions): FileReport;
  /** Grades one answer to one part; never throws on learner input. */
  gradePart(question: PartQuestion): PartOutcome;
  /** The caches, for tests and experiments that look at what this grader keeps. */
  readonly context: GraderContext;
}

/** A grader with empty caches of its own. */
export function createGrader(options: GraderOptions = {}): Grader {
  const context = createGraderContext(options.cacheLimits);
  return {
    gradeText: (text, textOptions) => gradeText(text, textOptions, context),
    gradeAnswers: (doc, gradeOptions) => gradeAnswers(doc, gradeOptions, context),
    gradePart: (question) => gradePart(question, context),
    context,
  };
}
