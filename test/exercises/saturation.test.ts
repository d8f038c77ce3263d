import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import saturation, { WEIGHTS, Z_SATURATED, Z_SMALL } from '../../exercises/saturation/index.ts';
import { formatNumber } from '../../engine/format.ts';
import { describeCatalogue } from './catalogue-check.ts';
import { accepts, numberAnswer, numberPartOf, sigmaSlope } from './support.ts';

const canonical = saturation.canonical;
const answer = (id: string, params = canonical) => numberAnswer(saturation, params, id);
const near = (x: number, oracle: number, relative = 1e-12) => expect(Math.abs(x - oracle)).toBeLessThanOrEqual(relative * Math.abs(oracle));

describe('saturation reference answers (canonical: z = 5 and 0.5, w = 10)', () => {
  it('match σ′(z) = e^−z / (1 + e^−z)² computed directly', () => {
    near(answer('dsigma_at_5'), Math.exp(-5) / (1 + Math.exp(-5)) ** 2);
    near(answer('dsigma_at_0_5'), Math.exp(-0.5) / (1 + Math.exp(-0.5)) ** 2);
    near(answer('ratio'), sigmaSlope(0.5) / sigmaSlope(5));
    near(answer('factor_w10_at_5'), 10 * sigmaSlope(5));
  });

  it('agree with the exact figures 0.006648, 0.2350, 35.35 and 0.06648', () => {
    near(answer('dsigma_at_5'), 0.006648, 1e-4);
    near(answer('dsigma_at_0_5'), 0.235, 1e-4);
    near(answer('ratio'), 35.35, 1e-4);
    near(answer('factor_w10_at_5'), 0.06648, 1e-4);
  });

  it("accept the post's rounded 0.00665, 0.235, 35.3 and 0.0665", () => {
    const rounded = { dsigma_at_5: 0.00665, dsigma_at_0_5: 0.235, ratio: 35.3, factor_w10_at_5: 0.0665 };
    for (const [id, x] of Object.entries(rounded)) expect(accepts(numberPartOf(saturation, id), answer(id), x)).toBe(true);
  });
});

describe('saturation variants', () => {
  const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  it('draw z_sat, z_small and w from the documented lists', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = saturation.variant(seed);
        expect(Z_SATURATED).toContain(p.zSat);
        expect(Z_SMALL).toContain(p.zSmall);
        expect(WEIGHTS).toContain(p.w);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the point: z_sat is saturated, and even times the large w its slope loses to the small-z slope', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = saturation.variant(seed);
        const [zSat, zSmall, w] = [p.zSat as number, p.zSmall as number, p.w as number];
        near(answer('dsigma_at_5', p), sigmaSlope(zSat));
        near(answer('dsigma_at_0_5', p), sigmaSlope(zSmall));
        near(answer('factor_w10_at_5', p), w * sigmaSlope(zSat));
        expect(zSat).toBeGreaterThan(3);
        expect(w).toBeGreaterThanOrEqual(5);
        expect(answer('factor_w10_at_5', p)).toBeLessThan(answer('dsigma_at_0_5', p));
        expect(answer('ratio', p)).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
  });
});

describe("saturation catalogue for the post's numbers", () => {
  it('lists these slips, likeliest first (values shown to 3 figures)', () => {
    const show = (v: number | string) => (typeof v === 'number' ? formatNumber(v, { style: 'ascii' }) : v);
    expect(saturation.misconceptions(saturation.canonical).map((m) => `${m.id} = ${show(m.value)}`)).toMatchInlineSnapshot(`
      [
        "dsigma_at_5.exponential-tail = 0.00674",
        "dsigma_at_5.rounded-sigma = 0.00695",
        "dsigma_at_5.sigma-for-derivative = 0.993",
        "dsigma_at_5.peak-slope = 0.250",
        "dsigma_at_5.power-of-ten-large = 0.0665",
        "dsigma_at_5.power-of-ten-small = 6.65e-4",
        "dsigma_at_5.reciprocal = 150",
        "dsigma_at_0_5.sigma-for-derivative = 0.622",
        "dsigma_at_0_5.peak-slope = 0.250",
        "dsigma_at_0_5.power-of-ten-large = 2.35",
        "dsigma_at_0_5.power-of-ten-small = 0.0235",
        "dsigma_at_0_5.reciprocal = 4.26",
        "ratio.reciprocal = 0.0283",
        "ratio.exponential-tail = 34.9",
        "ratio.rounded-sigma = 33.8",
        "ratio.sigma-ratio = 0.627",
        "ratio.difference = 0.228",
        "ratio.power-of-ten-large = 353",
        "ratio.power-of-ten-small = 3.53",
        "factor_w10_at_5.forgot-sigma-prime = 10.0",
        "factor_w10_at_5.exponential-tail = 0.0674",
        "factor_w10_at_5.rounded-sigma = 0.0695",
        "factor_w10_at_5.forgot-w = 0.00665",
        "factor_w10_at_5.small-z = 2.35",
        "factor_w10_at_5.power-of-ten-large = 0.665",
        "dsigma_at_5.truncated-1-sig = 0.00600",
        "dsigma_at_0_5.rounded-2-sig = 0.240",
        "dsigma_at_0_5.truncated-2-sig = 0.230",
        "factor_w10_at_5.truncated-1-sig = 0.0600",
      ]
    `);
  });
});

// Every combination the variants can draw, from the exercise's documented lists.
describeCatalogue(
  saturation,
  Z_SATURATED.flatMap((zSat) => Z_SMALL.flatMap((zSmall) => WEIGHTS.map((w) => ({ zSat, zSmall, w })))),
);
