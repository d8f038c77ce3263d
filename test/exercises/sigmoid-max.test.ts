import { describe, expect, it } from 'vitest';
import sigmoidMax from '../../exercises/sigmoid-max/index.ts';
import { formatNumber } from '../../engine/format.ts';
import { describeCatalogue } from './catalogue-check.ts';
import { accepts, equivalent, evaluate, numberAnswer, numberPartOf, partOf, sigma, sigmaSlope, S_POINTS } from './support.ts';

const params = sigmoidMax.canonical;
const answers = sigmoidMax.answers(params);

describe('sigmoid-max reference answers', () => {
  it('match the closed forms: the peak of s(1 − s) is 1/4 at s = 1/2, where z = 0', () => {
    expect(numberAnswer(sigmoidMax, params, 'max_value')).toBe(1 / 4);
    expect(numberAnswer(sigmoidMax, params, 'argmax_sigma')).toBe(1 / 2);
    expect(numberAnswer(sigmoidMax, params, 'argmax_z')).toBe(0);
    // The oracle: σ(0) = 1/2 and σ′(0) = 1/4 straight from the definitions.
    expect(sigma(0)).toBe(numberAnswer(sigmoidMax, params, 'argmax_sigma'));
    expect(sigmaSlope(0)).toBe(numberAnswer(sigmoidMax, params, 'max_value'));
  });

  it('no point of a fine grid beats the maximum', () => {
    const max = numberAnswer(sigmoidMax, params, 'max_value');
    for (let z = -8; z <= 8; z += 0.01) expect(sigmaSlope(z)).toBeLessThanOrEqual(max + 1e-15);
  });

  it('the completed square equals s(1 − s) and has the form c − (s − a)²', () => {
    const answer = answers.completed_square as string;
    expect(equivalent(answer, 's*(1-s)')).toBe(true);
    expect(answer.replace(/\s/g, '')).toMatch(/^1\/4-\(s-1\/2\)\^2$/);
  });

  it('accepts the numbers the post and the answer file use', () => {
    expect(accepts(numberPartOf(sigmoidMax, 'max_value'), 0.25, 0.25)).toBe(true);
    expect(accepts(numberPartOf(sigmoidMax, 'argmax_sigma'), 0.5, 0.5)).toBe(true);
    // The post's rounded σ′ ≈ 0.2499 near z = 0 is accepted as the maximum too.
    expect(accepts(numberPartOf(sigmoidMax, 'max_value'), 0.25, 0.2499)).toBe(true);
  });

  it('argmax_z states an absolute tolerance with a reason, and it separates 0 from every slip', () => {
    const part = numberPartOf(sigmoidMax, 'argmax_z');
    expect(part.tolerance.kind).toBe('absolute');
    expect(part.tolerance.reason).toBeTruthy();
    expect(accepts(part, 0, 0.005)).toBe(true);
    expect(accepts(part, 0, 0.25)).toBe(false);
    // At the edge of the band σ′ is still the maximum to well within max_value's own 1%.
    expect(sigmaSlope(part.tolerance.value) / sigmaSlope(0)).toBeGreaterThan(0.9999);
  });
});

describe('sigmoid-max misconceptions', () => {
  const expressions = sigmoidMax.misconceptions(params).filter((m) => m.part === 'completed_square');

  it('catalogues the sign slip, the negation, a wrong constant and a wrong shift', () => {
    expect(expressions.map((m) => m.value)).toEqual(expect.arrayContaining(['1/4 + (s - 1/2)^2', '1/2 - (s - 1/2)^2']));
    expect(expressions.length).toBeGreaterThanOrEqual(3);
  });

  it('no catalogued expression is equal to s(1 − s), and no two are equal to each other', () => {
    const values = expressions.map((m) => m.value as string);
    for (const v of values) expect(equivalent(v, 's*(1-s)')).toBe(false);
    for (const [i, a] of values.entries()) for (const b of values.slice(i + 1)) expect(equivalent(a, b)).toBe(false);
    // Every catalogued string parses in the safe grammar: numbers, s, + − * / ^ and parentheses.
    for (const v of values) for (const s of S_POINTS) expect(Number.isFinite(evaluate(v, s))).toBe(true);
  });

  it('gives form feedback for an equivalent answer that is not a completed square', () => {
    const part = partOf(sigmoidMax, 'completed_square');
    expect(part.kind === 'expression' && part.form).toBe('completed-square');
    expect(part.kind === 'expression' && part.formFeedback).toMatchInlineSnapshot(
      `"That is equal to s(1 − s), but it is not yet a constant minus a square: rewrite it as c − (s − a)² so the largest value can be read off without calculus."`,
    );
  });
});

describe("sigmoid-max catalogue for the post's numbers", () => {
  it('lists these slips, likeliest first (values shown to 3 figures)', () => {
    const show = (v: number | string) => (typeof v === 'number' ? formatNumber(v, { style: 'ascii' }) : v);
    expect(sigmoidMax.misconceptions(sigmoidMax.canonical).map((m) => `${m.id} = ${show(m.value)}`)).toMatchInlineSnapshot(`
      [
        "max_value.sigma-not-slope = 0.500",
        "max_value.reciprocal = 4.00",
        "max_value.power-of-ten-small = 0.0250",
        "max_value.power-of-ten-large = 2.50",
        "argmax_sigma.height-not-location = 0.250",
        "argmax_sigma.z-not-sigma = 0",
        "argmax_sigma.reciprocal = 2.00",
        "argmax_z.sigma-not-z = 0.500",
        "argmax_z.height-not-location = 0.250",
        "argmax_z.solved-exponential-wrongly = 0.693",
        "completed_square.sign-of-square = 1/4 + (s - 1/2)^2",
        "completed_square.negated = (s - 1/2)^2 - 1/4",
        "completed_square.wrong-constant = 1/2 - (s - 1/2)^2",
        "completed_square.wrong-shift = 1/4 - (s + 1/2)^2",
      ]
    `);
  });
});

// No parameters: the canonical set is the only one.
describeCatalogue(sigmoidMax, [{}]);
