/**
 * Grades one part: first parse (input that cannot be read is `invalid` and is
 * not graded), then compare with the reference. Wrong answers get the
 * matching misconception's own feedback, else a hint that does not give the
 * answer away.
 */
import type { AnswerValue, ChoicePart, ExpressionPart, Misconception, NumberPart, Part, Tolerance } from '../../exercises/types.ts';
// The same band the catalogue uses to keep misconceptions apart, so grading and catalogue cannot drift.
import { toleranceBand, withinTolerance } from '../../exercises/catalogue.ts';
import { BoundedCache } from './bounded-cache.ts';
import type { Graded, GraderContext } from './context.ts';
import { readChoice } from '../read/choice.ts';
import { equivalent, isCompletedSquare } from './equivalence.ts';
import {
  hasVariable,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  parseExpression,
  printExpression,
  type Expr,
  type ExpressionFailure,
} from '../read/expression.ts';
import { EXPRESSION_DETAILS } from '../messages/details.ts';
import { describeTolerance, FEEDBACK } from '../messages/feedback.ts';
import { EXAMPLE_TEXT, problem } from '../messages/problems.ts';
import { describeValue } from '../messages/quote.ts';
import { describeNumber, MAX_NUMBER_LENGTH, readNumber } from '../read/number.ts';
import type { PartReport, Position, Problem } from '../schema.ts';

/** A part's verdict and, for an `invalid` one, the problem to list in the file's errors. */
export interface PartOutcome {
  report: PartReport;
  problem?: Problem;
}

/** Where the answer sits in the file: its dotted path and, when known, its position. */
export interface PartPlace {
  path: string;
  at?: Position;
}

/** One answer to grade: the part, the value as found in the file or form, the reference answer and the part's misconceptions. */
export interface PartQuestion {
  part: Part;
  value: unknown;
  reference: AnswerValue;
  /** The part's catalogued misconceptions (others' are skipped); the array also keys the expression verdicts kept. */
  misconceptions: readonly Misconception[];
  place: PartPlace;
}

const NUMBER_EXPECTED = `a number such as ${EXAMPLE_TEXT}`;

/** Grades `value` (as found in the file or form) for `part` with a grader's caches (createGrader); never throws on learner input. */
export function gradePart({ part, value, reference, misconceptions, place }: PartQuestion, context: GraderContext): PartOutcome {
  const line = place.at?.line;
  const withLine = (report: PartReport): PartReport => {
    if (line !== undefined) report.line = line;
    return report;
  };
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { report: withLine({ id: part.id, verdict: 'missing', feedback: FEEDBACK.missing() }) };
  }
  const own = partsOwn(misconceptions, part.id);
  const graded =
    part.kind === 'number'
      ? gradeNumber({ part, value, reference, own, place, context })
      : part.kind === 'expression'
        ? gradeExpressionOnce({ part, value, reference, own, place, context }, misconceptions)
        : gradeChoice({ part, value, reference, own, place, context });
  if ('problem' in graded) {
    const report = withLine({ id: part.id, verdict: 'invalid', feedback: FEEDBACK.invalid(graded.problem.message) });
    return { report, problem: graded.problem };
  }
  const report = withLine({ id: part.id, verdict: graded.verdict, feedback: graded.feedback, readAs: graded.readAs });
  if (graded.misconception !== undefined) report.misconception = graded.misconception;
  return { report };
}

/** The misconceptions of one part; the grader passes each part's own list already, so that is kept, not copied. */
function partsOwn(misconceptions: readonly Misconception[], id: string): readonly Misconception[] {
  for (const m of misconceptions) if (m.part !== id) return misconceptions.filter((n) => n.part === id);
  return misconceptions;
}

/*
 * One string for each feedback sentence that repeats, kept in the grader's context: a class's files repeat
 * the same few, and a report of ten thousand files would otherwise hold ten thousand copies of "correct (read
 * as 0.25)" (measured: 12,000 files' reports take 8 MiB more without it). A sentence is looked up by its
 * reading (a short string, shared itself: the numbers' readings, the expression verdicts, the choice words)
 * under what else it is made of, so one seen before is found without building or hashing the sentence.
 * Expression sentences are shared through the verdicts kept below; an uncatalogued wrong number's or choice
 * word's is not kept at all, being most often seen once or rarely (keeping them did not pay in the benchmark).
 */

/** "correct (read as …)" by reading: most parts' feedback. */
function correctFeedback(readAs: string, context: GraderContext): string {
  return context.correctSentences.getOrCompute(readAs, FEEDBACK.correct);
}

/** A catalogued slip's sentences by slip, then reading: a class makes the same slips, written a few ways. */
function slipFeedback(readAs: string, slip: Misconception, context: GraderContext): string {
  return context.slipSentences
    .getOrCompute(slip, () => new BoundedCache(context.limits.slipReadings))
    .getOrCompute(readAs, (r) => FEEDBACK.misconception(r, slip.feedback));
}

/** One answer for a part of a known kind, with the part's own misconceptions. */
interface Asked<P extends Part> {
  part: P;
  value: unknown;
  reference: AnswerValue;
  own: readonly Misconception[];
  place: PartPlace;
  context: GraderContext;
}

function gradeNumber({ part, value, reference, own, place, context }: Asked<NumberPart>): Graded {
  const read = readNumber(value);
  if (!read.ok) {
    const { path, at } = place;
    if (read.code === 'wrong-type')
      return { problem: problem('wrong-type', path, { got: describeValue(value), expected: NUMBER_EXPECTED }, at) };
    // Longer than any way of writing a number: said plainly, never parsed again as "a calculation".
    if (read.code === 'too-long')
      return { problem: problem('number-too-long', path, { length: read.text.length, limit: MAX_NUMBER_LENGTH }, at) };
    if (read.code === 'not-a-number' && isCalculation(read.text)) return { problem: problem('calculation', path, { text: read.text }, at) };
    if (read.code === 'not-a-number' || read.code === 'not-finite') return { problem: problem(read.code, path, { text: read.text }, at) };
    if (read.code === 'percent') {
      const whole = readNumber(read.text.slice(0, -1));
      const fraction = whole.ok ? String(Number((whole.value / 100).toPrecision(12))) : undefined;
      return { problem: problem('percent', path, fraction === undefined ? { text: read.text } : { text: read.text, fraction }, at) };
    }
    return { problem: problem(read.code, path, { text: read.text, dotted: read.text.replaceAll(',', '.') }, at) };
  }
  const x = read.value;
  const readAs = context.numbers.getOrCompute(x, describeNumber);
  const expected = typeof reference === 'number' ? reference : Number.NaN;
  if (withinTolerance(part.tolerance, expected, x)) return { verdict: 'correct', feedback: correctFeedback(readAs, context), readAs };
  const misconception = closestMisconception(part.tolerance, x, own);
  if (misconception)
    return { verdict: 'incorrect', feedback: slipFeedback(readAs, misconception, context), readAs, misconception: misconception.id };
  // Only two non-zero numbers can have opposite signs: 0 for a positive answer is too small, 2 for an answer of 0 too large.
  const direction = x * expected < 0 ? 'sign' : Math.abs(x) > Math.abs(expected) ? 'large' : 'small';
  // Not shared: a wrong number that is no catalogued slip is most often the learner's own, seen once.
  return {
    verdict: 'incorrect',
    feedback: FEEDBACK.offNumber(readAs, describeTolerance(part.tolerance.kind, part.tolerance.value), direction, part.hints !== false),
    readAs,
  };
}

/** True for arithmetic on numbers alone, such as "0.4^3" or "(0.5*0.2)^3": parsed by the safe grammar, never evaluated as code. */
function isCalculation(text: string): boolean {
  const read = parseExpression(text, 's');
  return read.ok && !hasVariable(read.expr);
}

/** The numeric misconception whose band holds x, nearest first (measured in band widths). */
function closestMisconception(tolerance: Tolerance, x: number, own: readonly Misconception[]): Misconception | undefined {
  let best: Misconception | undefined;
  let bestDistance = Infinity;
  for (const m of own) {
    if (typeof m.value !== 'number' || !withinTolerance(tolerance, m.value, x)) continue;
    const band = toleranceBand(tolerance, m.value);
    const distance = band === 0 ? 0 : Math.abs(x - m.value) / band;
    if (distance < bestDistance) [best, bestDistance] = [m, distance];
  }
  return best;
}

/**
 * A class writes the same few expressions again and again, and checking one (parse, then evaluate at many
 * points against the reference and each catalogued slip) costs more than the rest of its file: the verdict
 * for a text is kept per part and catalogue (the catalogue array stands for the parameters it was made for).
 * Only verdicts are kept; a text that cannot be read is parsed again, since its problem names the file's path.
 */
function gradeExpressionOnce(asked: Asked<ExpressionPart>, catalogue: readonly Misconception[]): Graded {
  const { part, value, reference, context } = asked;
  if (typeof value !== 'string' && typeof value !== 'number') return gradeExpression(asked);
  const verdicts = context.expressionVerdicts.getOrCompute(catalogue, () => new BoundedCache(context.limits.expressionVerdicts));
  const key = `${part.id}\u0000${part.variable}\u0000${part.form ?? ''}\u0000${String(reference)}\u0000${typeof value}\u0000${value}`;
  const hit = verdicts.get(key);
  if (hit) return hit;
  const graded = gradeExpression(asked);
  if (!('problem' in graded)) verdicts.set(key, graded);
  return graded;
}

function gradeExpression({ part, value, reference, own, place, context }: Asked<ExpressionPart>): Graded {
  const { path, at } = place;
  if (typeof value !== 'string' && typeof value !== 'number') {
    return {
      problem: problem(
        'wrong-type',
        path,
        { got: describeValue(value), expected: `an expression in ${part.variable}, such as 2${part.variable}(1 − ${part.variable})` },
        at,
      ),
    };
  }
  const read = parseExpression(String(value), part.variable);
  if (!read.ok) return { problem: expressionProblem(read.failure, part.variable, path, at) };
  const readAs = printExpression(read.expr);
  const expected = knownExpression(reference, part.variable);
  const matching = (): Misconception | undefined =>
    own.find((m) => {
      const expr = knownExpression(m.value, part.variable);
      return expr !== undefined && equivalent(read.expr, expr);
    });
  if (expected && equivalent(read.expr, expected)) {
    if (part.form !== 'completed-square' || isCompletedSquare(read.expr)) {
      return { verdict: 'correct', feedback: correctFeedback(readAs, context), readAs };
    }
    // A catalogued equivalent-but-unfinished form speaks first, then the part's own form message.
    const form = matching();
    const specific = form?.feedback ?? part.formFeedback;
    const feedback = specific ? FEEDBACK.misconception(readAs, specific) : FEEDBACK.wrongForm(readAs);
    return { verdict: 'incorrect', feedback, readAs, ...(form ? { misconception: form.id } : {}) };
  }
  const slip = matching();
  if (slip) return { verdict: 'incorrect', feedback: FEEDBACK.misconception(readAs, slip.feedback), readAs, misconception: slip.id };
  return { verdict: 'incorrect', feedback: FEEDBACK.offExpression(readAs, part.variable), readAs };
}

/** A reference or misconception expression, parsed (not kept: it is parsed only when a verdict is not kept already). */
function knownExpression(text: AnswerValue, variable: string): Expr | undefined {
  const parsed = parseExpression(String(text), variable);
  return parsed.ok ? parsed.expr : undefined;
}

function expressionProblem(failure: ExpressionFailure, variable: string, path: string, at?: Position): Problem {
  if (failure.code === 'expression-too-long')
    return problem(failure.code, path, { length: failure.length, limit: MAX_EXPRESSION_LENGTH }, at);
  if (failure.code === 'expression-too-deep') return problem(failure.code, path, { limit: MAX_EXPRESSION_DEPTH }, at);
  const detail =
    failure.reason === 'unknown-name'
      ? EXPRESSION_DETAILS['unknown-name'](failure.token, variable)
      : failure.reason === 'unexpected-character'
        ? EXPRESSION_DETAILS['unexpected-character'](failure.token)
        : failure.reason === 'unexpected-token'
          ? EXPRESSION_DETAILS['unexpected-token'](failure.token)
          : EXPRESSION_DETAILS[failure.reason]();
  return problem('bad-expression', path, { detail, column: failure.column }, at);
}

function gradeChoice({ part, value, reference, own, place, context }: Asked<ChoicePart>): Graded {
  const read = readChoice(value, part.choices);
  if (!read.ok) {
    const { path, at } = place;
    if (read.code === 'wrong-type')
      return { problem: problem('wrong-type', path, { got: describeValue(value), expected: `one of ${part.choices.join(', ')}` }, at) };
    return { problem: problem('not-a-choice', path, { text: read.text, choices: part.choices }, at) };
  }
  const word = read.value;
  if (word.toLowerCase() === String(reference).toLowerCase())
    return { verdict: 'correct', feedback: correctFeedback(word, context), readAs: word };
  const misconception = own.find((m) => String(m.value).toLowerCase() === word.toLowerCase());
  if (misconception)
    return { verdict: 'incorrect', feedback: slipFeedback(word, misconception, context), readAs: word, misconception: misconception.id };
  return { verdict: 'incorrect', feedback: FEEDBACK.offChoice(word), readAs: word };
}
