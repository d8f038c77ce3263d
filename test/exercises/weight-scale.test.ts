import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import weightScale, { SIGMA_PRIMES, WEIGHTS_A, WEIGHTS_B } from '../../exercises/weight-scale/index.ts';
import { formatNumber } from '../../engine/format.ts';
import { describeCatalogue } from './catalogue-check.ts';
import { accepts, numberAnswer, numberPartOf } from './support.ts';

const canonical = weightScale.canonical;
const answer = (id: string, params = canonical) => numberAnswer(weightScale, params, id);
const near = (x: number, oracle: number) => expect(Math.abs(x - oracle)).toBeLessThanOrEqual(1e-12 * Math.abs(oracle));

describe('weight-scale reference answers (canonical: σ′ = 0.20, w = 0.5 and 2.0)', () => {
  it('are the closed forms (w·σ′)³ over three steps back, and 1/σ′', () => {
    near(answer('gradient_w_0_5'), (0.5 * 0.2) ** 3);
    near(answer('gradient_w_2'), (2 * 0.2) ** 3);
    near(answer('explode_threshold_w'), 1 / 0.2);
    expect(weightScale.answers(canonical)).toMatchObject({ verdict_w_0_5: 'better', verdict_w_2: 'better' });
  });

  it('accept the answer file figures 1e-3, 0.064 and 5', () => {
    expect(accepts(numberPartOf(weightScale, 'gradient_w_0_5'), answer('gradient_w_0_5'), 1e-3)).toBe(true);
    expect(accepts(numberPartOf(weightScale, 'gradient_w_2'), answer('gradient_w_2'), 0.064)).toBe(true);
    expect(accepts(numberPartOf(weightScale, 'explode_threshold_w'), answer('explode_threshold_w'), 5)).toBe(true);
  });

  it('catalogue "weights above 1 explode", which the post itself suggests, and the factor count slips', () => {
    const ids = weightScale.misconceptions(canonical).map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'explode_threshold_w.weights-above-one',
        'gradient_w_0_5.one-factor-too-many',
        'gradient_w_0_5.one-factor-too-few',
        'gradient_w_0_5.forgot-w',
        'gradient_w_0_5.forgot-sigma-prime',
      ]),
    );
  });
});

describe('weight-scale variants', () => {
  const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  it('draw σ′ and both weights from the documented lists', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = weightScale.variant(seed);
        expect(SIGMA_PRIMES).toContain(p.sigmaPrime);
        expect(WEIGHTS_A).toContain(p.wA);
        expect(WEIGHTS_B).toContain(p.wB);
      }),
      { numRuns: 300 },
    );
  });

  it('keep every question meaningful: closed forms, verdicts against w = 0.1, w_B below the threshold', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = weightScale.variant(seed);
        const [s, wA, wB] = [p.sigmaPrime as number, p.wA as number, p.wB as number];
        near(answer('gradient_w_0_5', p), (wA * s) ** 3);
        near(answer('gradient_w_2', p), (wB * s) ** 3);
        near(answer('explode_threshold_w', p), 1 / s);
        // While w·σ′ < 1 everywhere, "better" means strictly more gradient reaches layer 1 than with w = 0.1.
        expect(wB * s).toBeLessThan(1);
        expect(wB).toBeLessThan(answer('explode_threshold_w', p));
        const answers = weightScale.answers(p);
        expect(answers.verdict_w_0_5).toBe((wA * s) ** 3 > (0.1 * s) ** 3 ? 'better' : 'worse');
        expect(answers.verdict_w_2).toBe('better');
      }),
      { numRuns: 300 },
    );
  });

  it('include both verdict words across variants, so the first verdict is not a giveaway', () => {
    const words = new Set(WEIGHTS_A.map((wA) => weightScale.answers({ sigmaPrime: 0.2, wA, wB: 2 }).verdict_w_0_5));
    expect([...words].sort()).toEqual(['better', 'worse']);
  });
});

describe("weight-scale catalogue for the post's numbers", () => {
  it('lists these slips, likeliest first (values shown to 3 figures)', () => {
    const show = (v: number | string) => (typeof v === 'number' ? formatNumber(v, { style: 'ascii' }) : v);
    expect(weightScale.misconceptions(weightScale.canonical).map((m) => `${m.id} = ${show(m.value)}`)).toMatchInlineSnapshot(`
      [
        "gradient_w_0_5.one-factor-too-many = 1.00e-4",
        "gradient_w_0_5.one-factor-too-few = 0.0100",
        "gradient_w_0_5.forgot-w = 0.00800",
        "gradient_w_0_5.forgot-sigma-prime = 0.125",
        "gradient_w_0_5.baseline-weight = 8.00e-6",
        "gradient_w_0_5.peak-slope = 0.00195",
        "gradient_w_0_5.slope-once = 0.0250",
        "gradient_w_0_5.exact-slope = 0.00183",
        "gradient_w_0_5.reciprocal = 1,000",
        "verdict_w_0_5.wrong-word = worse",
        "gradient_w_2.one-factor-too-many = 0.0256",
        "gradient_w_2.one-factor-too-few = 0.160",
        "gradient_w_2.forgot-w = 0.00800",
        "gradient_w_2.forgot-sigma-prime = 8.00",
        "gradient_w_2.baseline-weight = 8.00e-6",
        "gradient_w_2.peak-slope = 0.125",
        "gradient_w_2.slope-once = 1.60",
        "gradient_w_2.exact-slope = 0.0171",
        "gradient_w_2.power-of-ten-large = 0.640",
        "gradient_w_2.power-of-ten-small = 0.00640",
        "gradient_w_2.reciprocal = 15.6",
        "verdict_w_2.wrong-word = worse",
        "explode_threshold_w.weights-above-one = 1.00",
        "explode_threshold_w.peak-slope = 4.00",
        "explode_threshold_w.reciprocal = 0.200",
        "explode_threshold_w.power-of-ten-large = 50.0",
        "explode_threshold_w.power-of-ten-small = 0.500",
        "gradient_w_2.rounded-1-sig = 0.0600",
      ]
    `);
  });
});

// Every combination the variants can draw, from the exercise's documented lists.
describeCatalogue(
  weightScale,
  SIGMA_PRIMES.flatMap((sigmaPrime) => WEIGHTS_A.flatMap((wA) => WEIGHTS_B.map((wB) => ({ sigmaPrime, wA, wB })))),
);
