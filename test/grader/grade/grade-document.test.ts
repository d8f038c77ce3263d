import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseParams } from '../../../exercises/index.ts';
import { createGrader } from '../../../grader/grade/grader.ts';
import type { FileReport, PartReport } from '../../../grader/schema.ts';
import { PARTS, partsOf } from '../../support/course.ts';
import { POST_ANSWERS_YAML, POST_EXERCISE_IDS, postAnswers, withPart } from '../fixtures.ts';

const { gradeText, gradeAnswers } = createGrader();

const part = (report: FileReport, exercise: string, id: string): PartReport => {
  const found = report.exercises.find((e) => e.id === exercise)?.parts.find((p) => p.id === id);
  if (!found) throw new Error(`no part ${exercise}.${id} in ${JSON.stringify(report)}`);
  return found;
};
const gradeOne = (exercise: string, id: string, value: unknown): PartReport =>
  part(gradeAnswers(withPart(exercise, id, value), { path: 'x.yaml' }), exercise, id);

describe("the post's answers", () => {
  it('score full marks: the rounded figures 3.9e-7, 9.75e-9, 64, 35.3 and 0.00665 are within 1%', () => {
    const report = gradeText(POST_ANSWERS_YAML, { path: 'ada.yaml' });
    // The file names a learner and variants are off: graded against the post's numbers, with a warning that says so.
    expect(report).toMatchObject({
      status: 'graded',
      score: PARTS,
      maxScore: PARTS,
      errors: [],
      warnings: [{ code: 'learner-ignored', path: 'learner' }],
    });
    // The post's five (an exercise added after them is answered with its reference answers, counted in PARTS).
    const five = report.exercises.filter((e) => POST_EXERCISE_IDS.includes(e.id));
    expect(five.map((e) => [e.id, e.score, e.maxScore])).toEqual([
      ['sigmoid-max', 4, 4],
      ['deeper-network', 3, 3],
      ['weight-scale', 5, 5],
      ['saturation', 4, 4],
      ['relu-swap', 3, 3],
    ]);
    expect(part(report, 'deeper-network', 'gradient_5_layers')).toEqual({
      id: 'gradient_5_layers',
      verdict: 'correct',
      feedback: 'correct (read as 3.9 × 10⁻⁷)',
      readAs: '3.9 × 10⁻⁷',
      line: 11,
    });
  });

  it("accept the engine's exact figures, pinned engine output (depth 5: 3.8959e-7, depth 6: 9.7333e-9; test/exercises/deeper-network.test.ts holds them to the closed form)", () => {
    expect(gradeOne('deeper-network', 'gradient_5_layers', '3.8959e-7').verdict).toBe('correct');
    expect(gradeOne('deeper-network', 'gradient_6_layers', '9.7333 × 10^-9').verdict).toBe('correct');
  });
});

describe('tolerance', () => {
  it('is relative: 0 is never accepted for a tiny answer, nor is 1e-9 for 3.9e-7', () => {
    for (const id of ['gradient_5_layers', 'gradient_6_layers']) {
      expect(gradeOne('deeper-network', id, 0).verdict).toBe('incorrect');
      expect(gradeOne('deeper-network', id, '0').verdict).toBe('incorrect');
    }
    expect(gradeOne('deeper-network', 'gradient_5_layers', 1e-9).verdict).toBe('incorrect');
  });

  it('accepts 1% either side and no more (3.8959e-7 exact)', () => {
    expect(gradeOne('deeper-network', 'gradient_5_layers', 3.8959e-7 * 1.0099).verdict).toBe('correct');
    expect(gradeOne('deeper-network', 'gradient_5_layers', 3.8959e-7 * 0.9901).verdict).toBe('correct');
    expect(gradeOne('deeper-network', 'gradient_5_layers', 3.8959e-7 * 1.0101).verdict).toBe('incorrect');
    expect(gradeOne('deeper-network', 'gradient_5_layers', 3.8959e-7 * 0.9899).verdict).toBe('incorrect');
  });

  it("uses a part's own absolute tolerance where the answer is 0 (argmax_z: ±0.01)", () => {
    expect(gradeOne('sigmoid-max', 'argmax_z', 0.009).verdict).toBe('correct');
    expect(gradeOne('sigmoid-max', 'argmax_z', -0.009).verdict).toBe('correct');
    expect(gradeOne('sigmoid-max', 'argmax_z', 0.02).verdict).toBe('incorrect');
  });
});

describe('verdicts and feedback', () => {
  it('says how a number was read, and gives a direction without the answer', () => {
    expect(gradeOne('deeper-network', 'gradient_5_layers', '4.2e-7')).toMatchInlineSnapshot(`
      {
        "feedback": "read as 4.2 × 10⁻⁷, which is not within 1% of the expected value: it is too large; recheck the steps (the hints help)",
        "id": "gradient_5_layers",
        "readAs": "4.2 × 10⁻⁷",
        "verdict": "incorrect",
      }
    `);
    expect(gradeOne('deeper-network', 'gradient_5_layers', -3.9e-7).feedback).toContain('wrong sign');
  });

  it('says "wrong sign" only for two non-zero numbers of opposite signs, never for 0 or around an answer of 0', () => {
    expect(gradeOne('deeper-network', 'gradient_6_layers', 0).feedback).toMatchInlineSnapshot(
      `"read as 0, which is not within 1% of the expected value: it is too small; recheck the steps (the hints help)"`,
    );
    expect(gradeOne('sigmoid-max', 'argmax_z', 2).feedback).toMatchInlineSnapshot(
      `"read as 2, which is not within ±0.01 of the expected value: it is too large; recheck the steps (the hints help)"`,
    );
    expect(gradeOne('sigmoid-max', 'argmax_z', -2).feedback).toContain('too large');
  });

  it("gives a misconception's own feedback: one factor too many (3.9e-7 × 0.025 ≈ 9.75e-9)", () => {
    const slip = gradeOne('deeper-network', 'gradient_5_layers', 9.75e-9);
    expect(slip.verdict).toBe('incorrect');
    expect(slip.feedback).toMatch(/^read as 9\.75 × 10⁻⁹\. /);
    const catalogue = EXERCISES.find((e) => e.id === 'deeper-network')!;
    const own = catalogue.misconceptions(catalogue.canonical).filter((m) => m.part === 'gradient_5_layers');
    expect(own.some((m) => slip.feedback.endsWith(m.feedback))).toBe(true);
  });

  it('marks an empty answer missing, and unreadable ones invalid (not graded), naming what was expected', () => {
    expect(gradeOne('saturation', 'ratio', null)).toEqual({ id: 'ratio', verdict: 'missing', feedback: 'no answer given' });
    expect(gradeOne('saturation', 'ratio', '   ').verdict).toBe('missing');
    expect(gradeOne('saturation', 'ratio', 'about 35').feedback).toMatchInlineSnapshot(
      `"could not read 'about 35' as a number; expected a number such as 3.7e-6 or 3.7 × 10^-6"`,
    );
    expect(gradeOne('saturation', 'ratio', 'NaN').feedback).toMatchInlineSnapshot(
      `"'NaN' is not a finite number; expected a number such as 3.7e-6 or 3.7 × 10^-6"`,
    );
    expect(gradeOne('saturation', 'ratio', [35]).feedback).toMatchInlineSnapshot(
      `"expected a number such as 3.7e-6 or 3.7 × 10^-6, but got a list"`,
    );
    expect(gradeOne('saturation', 'ratio', true).verdict).toBe('invalid');
    // Arithmetic is read by the safe grammar only to say what is wrong; a number part takes the value.
    expect(gradeOne('weight-scale', 'gradient_w_2', '(2*0.2)^3').feedback).toMatchInlineSnapshot(
      `"'(2*0.2)^3' is a calculation; work out its value and write that as a number, such as 3.7e-6 or 3.7 × 10^-6"`,
    );
    expect(gradeOne('weight-scale', 'gradient_w_2', '(2*0.2)^3').verdict).toBe('invalid');
    // Decisions: hostile submissions: a quoted number of 101 to 200 characters (under the expression limit) is too long, not "a calculation".
    const long = `0.${'0'.repeat(140)}1`;
    expect(gradeOne('weight-scale', 'gradient_w_2', long).feedback).toMatchInlineSnapshot(
      `"the answer is 143 characters long; a number needs at most 100, such as 3.7e-6 or 3.7 × 10^-6"`,
    );
    expect(gradeOne('weight-scale', 'gradient_w_2', '0.4^s').feedback).toMatch(/^could not read/);
    // The example is the learner's own number, never a fixed one that could be some exercise's answer.
    expect(gradeOne('saturation', 'ratio', '3530%').feedback).toMatchInlineSnapshot(
      `"percentages are not accepted; write 35.3 rather than 3530%"`,
    );
    expect(gradeOne('sigmoid-max', 'max_value', '25 %').feedback).toMatchInlineSnapshot(
      `"percentages are not accepted; write 0.25 rather than 25 %"`,
    );
    expect(gradeOne('sigmoid-max', 'max_value', 'lots%').feedback).toMatchInlineSnapshot(
      `"percentages are not accepted; write 'lots%' as a plain number"`,
    );
    expect(gradeOne('deeper-network', 'factor_per_layer', '0,3').feedback).toMatchInlineSnapshot(
      `"a comma is read only as a thousands separator, as in 64,128; write decimals with a point: 0.3 rather than 0,3"`,
    );
  });

  it('lists invalid parts in errors with their path and line', () => {
    const text = POST_ANSWERS_YAML.replace('gradient_relu: 1e-3', 'gradient_relu: one thousandth');
    const report = gradeText(text, { path: 'ada.yaml' });
    expect(report.status).toBe('graded');
    expect(report.score).toBe(PARTS - 1);
    expect(report.errors).toMatchInlineSnapshot(`
      [
        {
          "code": "not-a-number",
          "column": 5,
          "line": 25,
          "message": "could not read 'one thousandth' as a number; expected a number such as 3.7e-6 or 3.7 × 10^-6",
          "path": "answers.relu-swap.gradient_relu",
        },
      ]
    `);
  });

  it('checks expressions for equivalence and for the completed-square form', () => {
    expect(gradeOne('sigmoid-max', 'completed_square', '-(s - 0.5)**2 + 0.25').verdict).toBe('correct');
    expect(gradeOne('sigmoid-max', 'completed_square', '1/4 - (1/2 - s)²').verdict).toBe('correct');
    const notSquare = gradeOne('sigmoid-max', 'completed_square', 's*(1-s)');
    expect(notSquare.verdict).toBe('incorrect');
    expect(notSquare.feedback).toMatchInlineSnapshot(
      `"read as s·(1 − s). That is equal to s(1 − s), but it is not yet a constant minus a square: rewrite it as c − (s − a)² so the largest value can be read off without calculus."`,
    );
    expect(gradeOne('sigmoid-max', 'completed_square', '1/4 + (s - 1/2)^2').feedback).toContain('Check the sign in front of the square');
    expect(gradeOne('sigmoid-max', 'completed_square', '1/3 - (s - 1/2)^2').feedback).toMatchInlineSnapshot(
      `"read as 1/3 − (s − 1/2)^2, which does not equal the expected expression for every s"`,
    );
    expect(gradeOne('sigmoid-max', 'completed_square', 'σ(1-σ)').feedback).toMatchInlineSnapshot(
      `"could not read the expression: unknown name 'σ'; the only variable is s (at character 1)"`,
    );
    expect(gradeOne('sigmoid-max', 'completed_square', 'x'.repeat(201)).feedback).toMatchInlineSnapshot(
      `"the expression is 201 characters long; the limit is 200"`,
    );
  });

  it('reads choices in any case, and yes/no as booleans too', () => {
    expect(gradeOne('relu-swap', 'vanishing_gone', false).verdict).toBe('correct');
    expect(gradeOne('relu-swap', 'vanishing_gone', ' NO ').verdict).toBe('correct');
    expect(gradeOne('relu-swap', 'vanishing_gone', 'true').verdict).toBe('incorrect');
    expect(gradeOne('weight-scale', 'verdict_w_2', 'worse').feedback).toMatch(/^read as worse\. /);
    expect(gradeOne('weight-scale', 'verdict_w_2', 'maybe').feedback).toMatchInlineSnapshot(
      `"expected one of better, worse, but got 'maybe'"`,
    );
  });
});

describe('validation', () => {
  it('warns about unknown ids with a suggestion, and still grades', () => {
    const answers = { ...postAnswers(), 'relu-swp': {}, saturation: { ...postAnswers().saturation, ratoi: 1, gradient_relu: 1 } };
    const report = gradeAnswers({ anwsers: 1, answers }, { path: 'x.yaml' });
    expect(report.status).toBe('graded');
    expect(report.score).toBe(PARTS);
    expect(report.warnings.map((w) => [w.path, w.message])).toMatchInlineSnapshot(`
      [
        [
          "anwsers",
          "unknown key 'anwsers'; did you mean 'answers'?",
        ],
        [
          "answers.relu-swp",
          "unknown exercise 'relu-swp'; did you mean 'relu-swap'?",
        ],
        [
          "answers.saturation.ratoi",
          "unknown part 'ratoi' in 'saturation'; did you mean 'ratio'?",
        ],
        [
          "answers.saturation.gradient_relu",
          "unknown part 'gradient_relu' in 'saturation'; 'gradient_relu' is a part of 'relu-swap'",
        ],
      ]
    `);
  });

  it('fails the file for a wrong course, a bad learner or missing answers', () => {
    const errors = (doc: unknown) => gradeAnswers(doc, { path: 'x.yaml' }).errors.map((e) => e.message);
    expect(errors({ course: 'deep-learning', answers: {} })).toMatchInlineSnapshot(`
      [
        "'course' must be 'vanishing-gradients' (this course), but the file has the text 'deep-learning'",
      ]
    `);
    expect(errors({ learner: 42, answers: {} })).toMatchInlineSnapshot(`
      [
        "'learner' must be text of 1 to 200 characters, such as ada@example.edu, but it holds the number 42; put a numeric id in quotes, e.g. learner: "00123"",
      ]
    `);
    expect(errors({ learner: 'x'.repeat(201), answers: {} })[0]).toContain('1 to 200 characters');
    expect(errors({ anwsers: {} })).toMatchInlineSnapshot(`
      [
        "the file has no 'answers' mapping",
      ]
    `);
    expect(errors({ answers: [1, 2] })).toMatchInlineSnapshot(`
      [
        "'answers' must be a mapping from exercise ids to their answers, but it holds a list",
      ]
    `);
    expect(errors(null)).toMatchInlineSnapshot(`
      [
        "the file is empty; it needs an 'answers' mapping (start from the blank template)",
      ]
    `);
    expect(errors('answers')).toMatchInlineSnapshot(`
      [
        "the file must be a mapping with an 'answers' key, but it holds the text 'answers'",
      ]
    `);
    for (const doc of [{ course: 'x', answers: {} }, { anwsers: {} }, null]) {
      expect(gradeAnswers(doc, { path: 'x.yaml' })).toMatchObject({ status: 'error', score: 0, maxScore: PARTS, exercises: [] });
    }
  });

  it('marks an exercise that is not a mapping invalid and grades the rest', () => {
    const report = gradeAnswers({ answers: { ...postAnswers(), saturation: 35.3 } }, { path: 'x.yaml' });
    expect(report.status).toBe('graded');
    expect(report.score).toBe(PARTS - partsOf('saturation'));
    expect(report.exercises.find((e) => e.id === 'saturation')!.parts.every((p) => p.verdict === 'invalid')).toBe(true);
    expect(report.errors.map((e) => e.message)).toEqual([
      "the answers for 'saturation' must be a mapping from part ids to answers, but they hold the number 35.3",
    ]);
  });

  it('treats __proto__, constructor and prototype as unknown keys and pollutes nothing', () => {
    const text = [
      '__proto__: {polluted: 1}',
      'answers:',
      '  constructor: {prototype: {polluted: 1}}',
      '  __proto__: {polluted: 1}',
      '  saturation:',
      '    prototype: 1',
      '    ratio: 35.3',
    ].join('\n');
    const report = gradeText(text, { path: 'x.yaml' });
    expect(report.status).toBe('graded');
    expect(report.warnings.map((w) => w.path)).toEqual([
      '__proto__',
      'answers.constructor',
      'answers.__proto__',
      'answers.saturation.prototype',
    ]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(part(report, 'saturation', 'ratio').verdict).toBe('correct');
  });

  it('grades a browser-built object with ordinary prototypes the same way', () => {
    const fromForm = { answers: { 'relu-swap': { gradient_relu: '0.001', improvement_factor: '64', vanishing_gone: 'no' } } };
    const report = gradeAnswers(fromForm, { path: 'form' });
    expect(report.exercises.find((e) => e.id === 'relu-swap')!.score).toBe(3);
    expect(report.score).toBe(3);
    // Inherited names are not answers: an empty exercise has no `constructor` part to find.
    expect(gradeAnswers({ answers: { saturation: {} } }, { path: 'form' }).warnings).toEqual([]);
  });
});

describe('variants', () => {
  const learner = 'ada@example.edu';

  it('uses the post’s numbers unless variants are on and a learner is named', () => {
    const on = gradeAnswers({ learner, answers: postAnswers() }, { path: 'x', variants: true });
    const off = gradeAnswers({ learner, answers: postAnswers() }, { path: 'x', variants: false });
    const anonymous = gradeAnswers({ answers: postAnswers() }, { path: 'x', variants: true });
    expect(off.score).toBe(PARTS);
    expect(anonymous.score).toBe(PARTS);
    expect(on).toMatchObject({ learner, variant: true });
    expect(off).toMatchObject({ learner, variant: false });
    // The variant's reference answers are the ones that score.
    const exercise = EXERCISES.find((e) => e.id === 'relu-swap')!;
    const params = exerciseParams(exercise, learner, true);
    const ref = exercise.answers(params);
    const graded = gradeAnswers({ learner, answers: { 'relu-swap': { ...ref } } }, { path: 'x', variants: true });
    expect(graded.exercises.find((e) => e.id === 'relu-swap')!.score).toBe(3);
  });
});

describe('robustness', () => {
  it('turns an exception inside grading into a file-level error instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const report = gradeAnswers(hostile, { path: 'x' });
    expect(report).toMatchObject({
      status: 'error',
      errors: [{ code: 'internal', message: 'the grader failed unexpectedly (Error: boom); please report this' }],
    });
  });
});
