/**
 * What the exercise modules share: tolerance bands, the misconception
 * catalogue, variant picks and parameter display. Imports the engine only.
 */
import type { Rng } from '../engine/prng.ts';
import type { ChoicePart, ExerciseDefinition, Misconception, NumberPart, Params, Tolerance } from './types.ts';

/** Half-width of the band of answers a tolerance accepts around `value`. */
export function toleranceBand(tolerance: Tolerance, value: number): number {
  return tolerance.kind === 'absolute' ? tolerance.value : tolerance.value * Math.abs(value);
}

/** True when `x` would be accepted as `value`. */
export function withinTolerance(tolerance: Tolerance, value: number, x: number): boolean {
  return Math.abs(x - value) <= toleranceBand(tolerance, value);
}

/** True when the bands around `a` and `b` share a point, so one answer could be read as either. */
export function bandsOverlap(tolerance: Tolerance, a: number, b: number): boolean {
  return Math.abs(a - b) <= toleranceBand(tolerance, a) + toleranceBand(tolerance, b);
}

/** A possible mistake for a number part, before the catalogue checks it. */
export interface Candidate {
  /** Short kebab-case name of the slip, e.g. `one-factor-too-many`. */
  slug: string;
  value: number;
  feedback: string;
  /**
   * A slip that lands close to the answer (an approximation, an answer rounded too far): kept as
   * long as its own value is outside the tolerance, even when its band touches the answer's.
   * The grader checks the answer first, so an answer within tolerance is still correct.
   */
  near?: boolean;
}

/**
 * A number part's misconceptions, candidates listed likeliest first. A candidate
 * whose band overlaps the reference's (unless it is `near`), or a likelier
 * candidate's, is left out: one answer must get one message. (At w·σ′ = 0.1,
 * one factor too many is also exactly a power of ten; the factor count is the
 * likelier slip, so it speaks.) `kept` holds slips already in the catalogue.
 */
export function numberMisconceptions(
  part: NumberPart,
  reference: number,
  candidates: readonly Candidate[],
  kept: readonly Misconception[] = [],
): Misconception[] {
  const out: Misconception[] = [];
  for (const { slug, value, feedback, near } of candidates) {
    if (!Number.isFinite(value) || withinTolerance(part.tolerance, reference, value)) continue;
    if (!near && bandsOverlap(part.tolerance, value, reference)) continue;
    if ([...kept, ...out].some((m) => m.part === part.id && bandsOverlap(part.tolerance, value, m.value as number))) continue;
    out.push({ id: `${part.id}.${slug}`, part: part.id, value, feedback, ...(near ? { near: true } : {}) });
  }
  return out;
}

/** How far a "rounded too far" answer may be from the reference: about 10%. */
const ROUNDED_REACH = 0.1;

/** `x` cut to `sig` significant figures, to the nearest or towards zero. */
function toFigures(x: number, sig: number, mode: 'nearest' | 'truncate'): number {
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) - sig + 1);
  const cut = mode === 'nearest' ? Math.round(x / scale) : Math.trunc(x / scale);
  return Number((cut * scale).toPrecision(sig));
}

/**
 * The slips every number part shares, after its own: an answer rounded to one or
 * two significant figures that lands within about 10% but outside the tolerance,
 * and, for a learner's variant, the post's (canonical) answer instead of their own.
 */
export function commonSlips(reference: number, canonical: number | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  if (canonical !== undefined) {
    candidates.push({
      slug: 'post-numbers',
      value: canonical,
      feedback:
        "That is the answer for the post's numbers, not yours: your learner id gives you your own numbers (the question above shows them), so redo the steps with those.",
    });
  }
  if (reference !== 0) {
    const figures = (sig: number, mode: 'nearest' | 'truncate', feedback: string): void => {
      const value = toFigures(reference, sig, mode);
      if (Math.abs(value / reference - 1) <= ROUNDED_REACH)
        candidates.push({ slug: `${mode === 'nearest' ? 'rounded' : 'truncated'}-${sig}-sig`, value, feedback, near: true });
    };
    const keep = 'Keep at least three significant figures in the answer and in every step before it.';
    figures(1, 'nearest', `Close, but rounded too far: at one significant figure this lands outside the tolerance. ${keep}`);
    figures(2, 'nearest', `Close, but rounded too far: at two significant figures this lands outside the tolerance. ${keep}`);
    figures(1, 'truncate', `Close, but cut off too early: dropping the digits after the first lands outside the tolerance. ${keep}`);
    figures(2, 'truncate', `Close, but cut off too early: dropping the digits after the second lands outside the tolerance. ${keep}`);
  }
  return candidates;
}

/** The one wrong word of a two-way choice part, with feedback about the reasoning. */
export function wrongChoice(partId: string, choices: readonly string[], correct: string, feedback: string): Misconception {
  const wrong = choices.find((c) => c !== correct);
  if (wrong === undefined) throw new Error(`choice part '${partId}' needs a second word`);
  return { id: `${partId}.wrong-word`, part: partId, value: wrong, feedback };
}

/** Every wrong word of a choice part, each with its own feedback; a wrong word without feedback is a mistake in the definition. */
export function wrongChoices(part: ChoicePart, correct: string, feedback: Readonly<Record<string, string>>): Misconception[] {
  return part.choices
    .filter((word) => word !== correct)
    .map((word) => {
      const text = feedback[word];
      if (text === undefined) throw new Error(`choice part '${part.id}' has no feedback for the wrong word '${word}'`);
      return { id: `${part.id}.${word}`, part: part.id, value: word, feedback: text };
    });
}

/** One of `options`, uniformly. */
export function pick<T>(rng: Rng, options: readonly T[]): T {
  return options[rng.int(options.length)]!;
}

/** Entries kept per exercise function; the variant lists have at most 100 combinations. */
const MEMO_LIMIT = 256;

/**
 * Caches a pure function of params by their JSON text, freezing what it
 * returns so callers can share it. The grader asks for the same answers and
 * catalogue for every file, and recomputing the engine traces each time
 * would cost more than parsing the file.
 */
function memo<P extends Params, R extends object>(fn: (params: P) => R): (params: P) => R {
  const cache = new Map<string, R>();
  return (params) => {
    const key = JSON.stringify(params);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(params);
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'object' && item !== null) Object.freeze(item);
    Object.freeze(value);
    if (cache.size >= MEMO_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
    return value;
  };
}

/**
 * Memoizes an exercise's answers, catalogue, hints and display, adds the
 * slips every number part shares (commonSlips), and erases its own parameter
 * and part-id types so the five fit in one list. The erasure is a narrowing
 * `as P` on the way in: the grader and the site only ever pass back params
 * that this exercise's `canonical` or `variant` produced.
 */
export function defineExercise<P extends Params, Id extends string>(definition: ExerciseDefinition<P, Id>): ExerciseDefinition {
  const canonicalKey = JSON.stringify(definition.canonical);
  const answers = memo(definition.answers);
  const misconceptions = memo((params: P): Misconception[] => {
    const own = [...definition.misconceptions(params)];
    const mine = answers(params);
    const post = JSON.stringify(params) === canonicalKey ? undefined : answers(definition.canonical);
    for (const part of definition.parts) {
      const reference = mine[part.id];
      if (part.kind !== 'number' || typeof reference !== 'number') continue;
      const canonical = post?.[part.id];
      own.push(
        ...numberMisconceptions(part, reference, commonSlips(reference, typeof canonical === 'number' ? canonical : undefined), own),
      );
    }
    return own;
  });
  const hints = memo(definition.hints);
  const display = memo(definition.display);
  return {
    ...definition,
    canonical: Object.freeze({ ...definition.canonical }),
    variant: (seed) => definition.variant(seed),
    answers: (params) => answers(params as P),
    misconceptions: (params) => misconceptions(params as P),
    hints: (params) => hints(params as P),
    display: (params) => display(params as P),
  };
}
