import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import deeperNetwork, { DEPTHS, WEIGHTS } from '../../exercises/deeper-network/index.ts';
import { formatNumber } from '../../engine/format.ts';
import { describeCatalogue } from './catalogue-check.ts';
import { accepts, blogFirstDelta, numberAnswer, numberPartOf, sigma, sigmaSlope } from './support.ts';

const canonical = deeperNetwork.canonical;
const answer = (id: string, params = canonical) => numberAnswer(deeperNetwork, params, id);
const near = (x: number, oracle: number, relative = 1e-12) => expect(Math.abs(x - oracle)).toBeLessThanOrEqual(relative * Math.abs(oracle));

describe('deeper-network reference answers (canonical: w = 0.1, four layers)', () => {
  it('match the chain product computed from the sigmoid formulas', () => {
    near(answer('gradient_5_layers'), blogFirstDelta(0.1, 5));
    near(answer('gradient_6_layers'), blogFirstDelta(0.1, 6));
    // The factor is the step from the new layer 1 to layer 2: w·σ′(z₂), z₂ = w·σ(w·x).
    near(answer('factor_per_layer'), 0.1 * sigmaSlope(0.1 * sigma(0.1)));
  });

  it('are, as pinned engine output to five figures, 3.8959e-7 and 9.7333e-9 (the closed form above is their oracle; the post prints 3.9e-7 and 9.75e-9)', () => {
    near(answer('gradient_5_layers'), 3.8959e-7, 1e-4);
    near(answer('gradient_6_layers'), 9.7333e-9, 1e-4);
  });

  it("accept the post's rounded figures (0.025, 3.9e-7, 9.75e-9) within the part tolerance", () => {
    expect(accepts(numberPartOf(deeperNetwork, 'factor_per_layer'), answer('factor_per_layer'), 0.025)).toBe(true);
    expect(accepts(numberPartOf(deeperNetwork, 'gradient_5_layers'), answer('gradient_5_layers'), 3.9e-7)).toBe(true);
    expect(accepts(numberPartOf(deeperNetwork, 'gradient_6_layers'), answer('gradient_6_layers'), 9.75e-9)).toBe(true);
    // And the naive closed form 0.025^(L − 1) as well.
    expect(accepts(numberPartOf(deeperNetwork, 'gradient_6_layers'), answer('gradient_6_layers'), 0.025 ** 5)).toBe(true);
  });

  it("catalogues the post's own code slip (one factor too many) and its opposite", () => {
    const ids = deeperNetwork.misconceptions(canonical).map((m) => m.id);
    for (const part of ['gradient_5_layers', 'gradient_6_layers']) {
      expect(ids).toContain(`${part}.one-factor-too-many`);
      expect(ids).toContain(`${part}.one-factor-too-few`);
    }
  });
});

describe('deeper-network variants', () => {
  const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  it('draw w and the starting depth from the documented lists', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = deeperNetwork.variant(seed);
        expect(WEIGHTS).toContain(p.w);
        expect(DEPTHS).toContain(p.depth);
        expect(deeperNetwork.variant(seed)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it('answer with the oracle chain product, and the gradient keeps vanishing as layers are added', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = deeperNetwork.variant(seed);
        const w = p.w as number;
        const depth = p.depth as number;
        near(answer('gradient_5_layers', p), blogFirstDelta(w, depth + 1));
        near(answer('gradient_6_layers', p), blogFirstDelta(w, depth + 2));
        expect(answer('factor_per_layer', p)).toBeLessThan(0.1);
        expect(answer('gradient_6_layers', p)).toBeLessThan(answer('gradient_5_layers', p));
        expect(answer('gradient_5_layers', p)).toBeLessThan(blogFirstDelta(w, depth));
      }),
      { numRuns: 300 },
    );
  });
});

describe("deeper-network catalogue for the post's numbers", () => {
  it('lists these slips, likeliest first (values shown to 3 figures)', () => {
    const show = (v: number | string) => (typeof v === 'number' ? formatNumber(v, { style: 'ascii' }) : v);
    expect(deeperNetwork.misconceptions(deeperNetwork.canonical).map((m) => `${m.id} = ${show(m.value)}`)).toMatchInlineSnapshot(`
      [
        "factor_per_layer.forgot-w = 0.250",
        "factor_per_layer.forgot-sigma-prime = 0.100",
        "factor_per_layer.sigma-for-derivative = 0.0513",
        "factor_per_layer.reciprocal = 40.0",
        "factor_per_layer.power-of-ten-small = 0.00250",
        "gradient_5_layers.forgot-w-added = 3.90e-6",
        "gradient_5_layers.one-factor-too-many = 9.72e-9",
        "gradient_5_layers.one-factor-too-few = 1.56e-5",
        "gradient_5_layers.forgot-w = 0.00390",
        "gradient_5_layers.forgot-sigma-prime = 1.00e-4",
        "gradient_5_layers.power-of-ten-small = 3.90e-8",
        "gradient_5_layers.reciprocal = 2.57e6",
        "gradient_6_layers.forgot-w-added = 9.73e-7",
        "gradient_6_layers.one-factor-too-many = 2.43e-10",
        "gradient_6_layers.one-factor-too-few = 3.90e-7",
        "gradient_6_layers.forgot-w = 9.73e-4",
        "gradient_6_layers.forgot-sigma-prime = 1.00e-5",
        "gradient_6_layers.power-of-ten-large = 9.73e-8",
        "gradient_6_layers.power-of-ten-small = 9.73e-10",
        "gradient_6_layers.reciprocal = 1.03e8",
        "factor_per_layer.truncated-2-sig = 0.0240",
        "gradient_5_layers.rounded-1-sig = 4.00e-7",
        "gradient_5_layers.truncated-2-sig = 3.80e-7",
        "gradient_6_layers.rounded-1-sig = 1.00e-8",
        "gradient_6_layers.truncated-1-sig = 9.00e-9",
      ]
    `);
  });
});

// Every combination the variants can draw, from the exercise's documented lists.
describeCatalogue(
  deeperNetwork,
  WEIGHTS.flatMap((w) => DEPTHS.map((depth) => ({ w, depth }))),
);
