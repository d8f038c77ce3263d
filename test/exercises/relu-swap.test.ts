import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reluSwap, { DEPTHS, WEIGHTS } from '../../exercises/relu-swap/index.ts';
import { formatNumber } from '../../engine/format.ts';
import { describeCatalogue } from './catalogue-check.ts';
import { accepts, blogFirstDelta, numberAnswer, numberPartOf } from './support.ts';

const canonical = reluSwap.canonical;
const answer = (id: string, params = canonical) => numberAnswer(reluSwap, params, id);
const near = (x: number, oracle: number, relative = 1e-12) => expect(Math.abs(x - oracle)).toBeLessThanOrEqual(relative * Math.abs(oracle));
const relu = (z: number) => Math.max(0, z);
const reluSlope = (z: number) => (z > 0 ? 1 : 0);

describe('relu-swap reference answers (canonical: w = 0.1, four layers)', () => {
  it('are w³ for the ReLU chain, and its ratio to the sigmoid chain', () => {
    near(answer('gradient_relu'), 0.1 ** 3);
    near(answer('gradient_relu'), blogFirstDelta(0.1, 4, relu, reluSlope));
    near(answer('improvement_factor'), 0.1 ** 3 / blogFirstDelta(0.1, 4));
    near(answer('improvement_factor'), 64.128, 1e-4);
    expect(reluSwap.answers(canonical).vanishing_gone).toBe('no');
  });

  it('accepts the post-derived 1e-3 and 64 within the default 1% (64 is 0.2% from 64.13)', () => {
    const part = numberPartOf(reluSwap, 'improvement_factor');
    expect(part.tolerance).toEqual({ kind: 'relative', value: 0.01 });
    expect(accepts(part, answer('improvement_factor'), 64)).toBe(true);
    expect(accepts(numberPartOf(reluSwap, 'gradient_relu'), answer('gradient_relu'), 1e-3)).toBe(true);
  });

  it("tells the post's 64,000× (the sigmoid network's own shrink) apart from the comparison", () => {
    const shrink = reluSwap.misconceptions(canonical).find((m) => m.id === 'improvement_factor.sigmoid-shrink');
    expect(shrink?.value).toBeCloseTo(1 / blogFirstDelta(0.1, 4), 6);
  });
});

describe('relu-swap variants', () => {
  const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  it('draw w and depth from the documented lists', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = reluSwap.variant(seed);
        expect(WEIGHTS).toContain(p.w);
        expect(DEPTHS).toContain(p.depth);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the answers closed-form and the verdict "no": the weights still shrink the ReLU chain', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const p = reluSwap.variant(seed);
        const [w, depth] = [p.w as number, p.depth as number];
        near(answer('gradient_relu', p), w ** (depth - 1));
        near(answer('improvement_factor', p), w ** (depth - 1) / blogFirstDelta(w, depth));
        expect(answer('gradient_relu', p)).toBeLessThan(1);
        expect(answer('improvement_factor', p)).toBeGreaterThan(1);
        expect(reluSwap.answers(p).vanishing_gone).toBe('no');
      }),
      { numRuns: 300 },
    );
  });
});

describe("relu-swap catalogue for the post's numbers", () => {
  it('lists these slips, likeliest first (values shown to 3 figures)', () => {
    const show = (v: number | string) => (typeof v === 'number' ? formatNumber(v, { style: 'ascii' }) : v);
    expect(reluSwap.misconceptions(reluSwap.canonical).map((m) => `${m.id} = ${show(m.value)}`)).toMatchInlineSnapshot(`
      [
        "gradient_relu.one-factor-too-many = 1.00e-4",
        "gradient_relu.one-factor-too-few = 0.0100",
        "gradient_relu.forgot-w = 1.00",
        "gradient_relu.sigmoid-gradient = 1.56e-5",
        "gradient_relu.dead-slope = 0",
        "gradient_relu.reciprocal = 1,000",
        "improvement_factor.reciprocal = 0.0156",
        "improvement_factor.sigmoid-shrink = 64,100",
        "improvement_factor.one-factor-too-many = 257",
        "improvement_factor.one-factor-too-few = 16.0",
        "improvement_factor.power-of-ten-large = 641",
        "improvement_factor.power-of-ten-small = 6.41",
        "vanishing_gone.wrong-word = yes",
        "improvement_factor.rounded-1-sig = 60.0",
      ]
    `);
  });
});

// Every combination the variants can draw, from the exercise's documented lists.
describeCatalogue(
  reluSwap,
  WEIGHTS.flatMap((w) => DEPTHS.map((depth) => ({ w, depth }))),
);
