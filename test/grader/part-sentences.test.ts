/**
 * part.ts finds feedback sentences in caches (by reading, under the slip or the part) instead of building
 * each one: every sentence must still be exactly the template's, for any value, in any order, however
 * often the caches start again. The oracle is the templates themselves, applied to what the report says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES, type Misconception } from '../../exercises/index.ts';
import { describeTolerance, FEEDBACK } from '../../grader/messages/feedback.ts';
import { describeNumber } from '../../grader/read/number.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import type { PartReport } from '../../grader/schema.ts';

const { gradePart } = createGrader();

const SEEDS = [0, 7, 2654435761];
const cases = EXERCISES.flatMap((exercise) =>
  [exercise.canonical, ...SEEDS.map((s) => exercise.variant(s))].flatMap((params) => {
    const answers = exercise.answers(params);
    const catalogue = exercise.misconceptions(params);
    return exercise.parts
      .filter((p) => p.kind !== 'expression')
      .map((part) => ({ exercise, part, reference: answers[part.id]!, catalogue, own: catalogue.filter((m) => m.part === part.id) }));
  }),
);
type Case = (typeof cases)[number];

/** The sentence the templates give for this report (the reading and verdict taken from the report). */
function expected(c: Case, x: unknown, report: PartReport): string {
  const readAs = report.readAs!;
  if (report.verdict === 'correct') return FEEDBACK.correct(readAs);
  const slip: Misconception | undefined = c.own.find((m) => m.id === report.misconception);
  if (slip) return FEEDBACK.misconception(readAs, slip.feedback);
  if (c.part.kind === 'choice') return FEEDBACK.offChoice(readAs);
  const value = Number(x);
  const reference = c.reference as number;
  const direction = value * reference < 0 ? 'sign' : Math.abs(value) > Math.abs(reference) ? 'large' : 'small';
  if (c.part.kind !== 'number') throw new Error('not a number part');
  return FEEDBACK.offNumber(readAs, describeTolerance(c.part.tolerance.kind, c.part.tolerance.value), direction);
}

/** Values near the answer and each slip, and anywhere else; choices as words in any case. */
function value(c: Case): fc.Arbitrary<unknown> {
  if (c.part.kind === 'choice') return fc.constantFrom(...c.part.choices, ...c.part.choices.map((w) => w.toUpperCase()));
  const near = [c.reference, ...c.own.map((m) => m.value)].filter((v): v is number => typeof v === 'number');
  return fc.oneof(
    fc.tuple(fc.constantFrom(...near), fc.double({ min: 0.97, max: 1.03, noNaN: true })).map(([v, f]) => v * f),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
    fc.constantFrom(...near),
  );
}

describe('feedback sentences come from caches but read exactly as the templates', () => {
  it('for number and choice parts, canonical and variant numbers, in any order', () => {
    const input = fc.array(
      fc.integer({ min: 0, max: cases.length - 1 }).chain((i) => value(cases[i]!).map((x) => [i, x] as const)),
      { minLength: 1, maxLength: 200 },
    );
    let slips = 0;
    fc.assert(
      fc.property(input, (answers) => {
        for (const [i, x] of answers) {
          const c = cases[i]!;
          const { report } = gradePart({
            part: c.part,
            value: x,
            reference: c.reference,
            misconceptions: c.catalogue,
            place: { path: 'p' },
          });
          if (report.verdict === 'invalid' || report.verdict === 'missing') continue;
          if (c.part.kind === 'number') expect(report.readAs).toBe(describeNumber(Number(x)));
          if (report.misconception) slips++;
          expect(report.feedback).toBe(expected(c, x, report));
        }
      }),
      { numRuns: 300 },
    );
    expect(slips).toBeGreaterThan(100); // the slips' own sentences were exercised, not only the others
  });
});
