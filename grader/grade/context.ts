/**
 * The grader's state: every value it keeps between files, in one object that
 * createGrader() builds (grader.ts). Nothing else in the grader remembers
 * anything, so two graders never share what they learned, and a test that
 * wants a grader with nothing in it builds one.
 *
 * Every cache is a BoundedCache (one eviction policy: emptied when full),
 * and their sizes are CACHE_LIMITS below. Each was kept only where the
 * benchmark showed it pays (docs/decisions.md, "One grader context").
 */
import type { ChallengeVerdict } from '../../exercises/challenges/index.ts';
import type { AnswerValue, Misconception } from '../../exercises/types.ts';
import type { PartReport, Problem } from '../schema.ts';
import { BoundedCache } from './bounded-cache.ts';

/**
 * The most entries each cache keeps; 0 turns a cache off (the grader then
 * computes every value again, with the same results). Learner input decides
 * most keys, so each is bounded; the sizes hold a class's repeats with room.
 */
export const CACHE_LIMITS = {
  /** describeNumber's text by number: the readings that the sentences below are looked up by. */
  numbers: 1024,
  /** "correct (read as …)" by reading: most parts' feedback. */
  correctSentences: 4096,
  /** A catalogued slip's sentences, by slip… */
  slipSentences: 1024,
  /** …then by reading: a class makes the same slips, written a few ways. */
  slipReadings: 16,
  /** Expression verdicts, by part catalogue (which stands for its parameters)… */
  expressionCatalogues: 256,
  /** …then by part and text: checking an expression costs more than the rest of its file. */
  expressionVerdicts: 1024,
  /** Reference answers and catalogue per exercise and parameter set: a class's variants repeat. */
  references: 512,
  /** Challenge verdicts by challenge, parameters and setup: a replay trains networks. */
  challengeVerdicts: 1024,
} as const;

export type CacheName = keyof typeof CACHE_LIMITS;

/** A part's verdict, or the problem that makes it `invalid`. */
export type Graded = Pick<PartReport, 'verdict' | 'feedback' | 'readAs' | 'misconception'> | { problem: Problem };

/** One exercise's reference answers and catalogue for one parameter set. */
export interface References {
  answers: Readonly<Record<string, AnswerValue>>;
  /** The catalogue, split by part once per parameter set. */
  byPart: ReadonlyMap<string, readonly Misconception[]>;
}

/** Every cache of one grader. */
export interface GraderContext {
  readonly numbers: BoundedCache<number, string>;
  readonly correctSentences: BoundedCache<string, string>;
  readonly slipSentences: BoundedCache<Misconception, BoundedCache<string, string>>;
  readonly expressionVerdicts: BoundedCache<readonly Misconception[], BoundedCache<string, Graded>>;
  /** Keyed by the exercise's own `canonical` object (most files: no key to build), else by exercise id and parameters' JSON. */
  readonly references: BoundedCache<object | string, References>;
  readonly challengeVerdicts: BoundedCache<string, ChallengeVerdict>;
  /** The limits it was built with, for the caches made inside these (slip readings, expression verdicts). */
  readonly limits: Readonly<Record<CacheName, number>>;
}

/** A grader's caches, all empty; `limits` overrides CACHE_LIMITS (a test or an experiment turns one off with 0). */
export function createGraderContext(limits: Partial<Record<CacheName, number>> = {}): GraderContext {
  const size = { ...CACHE_LIMITS, ...limits };
  return {
    numbers: new BoundedCache(size.numbers),
    correctSentences: new BoundedCache(size.correctSentences),
    slipSentences: new BoundedCache(size.slipSentences),
    expressionVerdicts: new BoundedCache(size.expressionCatalogues),
    references: new BoundedCache(size.references),
    challengeVerdicts: new BoundedCache(size.challengeVerdicts),
    limits: size,
  };
}
