/**
 * A grader keeps each expression's verdict per part and catalogue, and
 * sentences by reading: grading many files with one grader must give each
 * file exactly what a fresh grader gives it alone.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';
import { createGrader } from '../../grader/grade/grader.ts';

const expressionParts = EXERCISES.flatMap((e) => e.parts.filter((p) => p.kind === 'expression').map((p) => [e.id, p.id] as const));
const TEXTS = ['s*(1-s)', '1/4 - (s - 1/2)^2', 's - s^2', '2s(1-s)', '(s-1/2)^2', 's*(1-', 42];

/** One file per text, every expression part answered with it, for two learners. */
const files = TEXTS.flatMap((text, i) =>
  ['ada@example.edu', 'Grace@Example.edu'].map((learner, j) => {
    const answers: Record<string, Record<string, unknown>> = {};
    for (const [exercise, part] of expressionParts) (answers[exercise] ??= {})[part] = text;
    const json = '\n'.repeat(i + j) + JSON.stringify({ learner, answers }, null, 2); // the line of each answer moves from file to file
    return { path: `submissions/${i}-${j}.json`, json };
  }),
);

describe('grading in one process gives each file what it gets alone', () => {
  it('has expression parts to test', () => expect(expressionParts.length).toBeGreaterThan(0));

  for (const variants of [false, true]) {
    it(`variants ${variants ? 'on' : 'off'}: the same reports, paths and lines, in any order`, () => {
      const { gradeText, context } = createGrader();
      const together = files.map((f) => gradeText(f.json, { path: f.path, variants }));
      // The grader did keep expression verdicts, so the files after the first were graded from them.
      expect(context.expressionVerdicts.size).toBeGreaterThan(0);
      const reversed = [...files]
        .reverse()
        .map((f) => gradeText(f.json, { path: f.path, variants }))
        .reverse();
      expect(reversed).toEqual(together);
      for (const [index, f] of files.entries()) {
        const alone = createGrader().gradeText(f.json, { path: f.path, variants });
        expect(together[index]).toEqual(alone);
      }
      // The unreadable text is an error at its own file's line, not at the line of the first file that had it.
      const bad = together.filter((r) => r.errors.length > 0).map((r) => r.errors.map((e) => e.line));
      expect(new Set(bad.map((lines) => lines.join())).size).toBeGreaterThan(1);
    });
  }
});
