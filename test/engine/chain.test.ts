import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../engine/activations.ts';
import { anchorNetwork, forwardChain, traceChain, type ChainSpec, type LossName } from '../../engine/chain.ts';
import { centralDifference, expectGradientClose, expectPrinted } from './support.ts';

const anchor = anchorNetwork();
const blog = traceChain(anchor, { convention: { kind: 'blog' }, learningRate: 0.01 });
const code = traceChain(anchor, { convention: { kind: 'code' }, learningRate: 0.01 });

describe("the post's trace table (blog convention)", () => {
  // Oracle: the post's forward pass and trace table, to the digits it prints.
  const printed = [
    { z: '0.1', s: '0.525', ds: '0.249', delta: '1.56e-5' },
    // The post prints 6.25 × 10⁻⁴ = 0.025², from its rounded factor; the exact δ₂ prints as 6.24e-4 (tested below).
    { z: '0.0525', s: '0.513', ds: '0.250', delta: '6.24e-4' },
    { z: '0.0513', s: '0.513', ds: '0.250', delta: '0.025' },
    { z: '0.0513', s: '0.513', ds: '0.250', delta: '1.000' },
  ];

  it.each(printed.map((row, k) => [k + 1, row] as const))('layer %i matches z, σ, σ′ and δ', (layer, row) => {
    const forward = blog.forward.layers[layer - 1]!;
    expectPrinted(forward.z, row.z);
    expectPrinted(forward.a, row.s);
    expectPrinted(forward.df, row.ds);
    expectPrinted(blog.backward.deltas[layer - 1]!, row.delta);
  });

  it("has δ₂ within 0.2% of the post's 6.25e-4, which is 0.025² (each factor rounded)", () => {
    expect(Math.abs(blog.backward.deltas[1]! / 6.25e-4 - 1)).toBeLessThan(0.002);
    expect(blog.backward.deltas[1]!).toBeCloseTo(0.1 ** 2 * blog.forward.layers[2]!.df * blog.forward.layers[3]!.df, 18);
  });

  it('gives ∂L/∂W₁ = δ₁·x ≈ 1.56e-5 and the update −1.56e-7 at η = 0.01', () => {
    expectPrinted(blog.backward.weightGrads[0]!, '1.56e-5');
    expect(blog.backward.updates[0]).toBeLessThan(0);
    expectPrinted(blog.backward.updates[0]!, '-1.56e-7');
  });

  it("has the exact ratio δ₄/δ₁ = 1/(w³σ′(z₂)σ′(z₃)σ′(z₄)) ≈ 64,128, between the post's 64,000 and its 64,103", () => {
    // Oracle: the closed form, computed here from scratch.
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const ds = (z: number) => s(z) * (1 - s(z));
    const z1 = 0.1;
    const z2 = 0.1 * s(z1);
    const z3 = 0.1 * s(z2);
    const z4 = 0.1 * s(z3);
    const exact = 1 / (0.1 ** 3 * ds(z2) * ds(z3) * ds(z4));
    expect(blog.backward.lastOverFirst).toBeCloseTo(exact, 6);
    expect(Math.round(exact)).toBe(64128);
    expect(Math.round(0.025 ** -3)).toBe(64000); // the post's "64,000×": each factor rounded to 0.025
    expect(Math.round(1 / 1.56e-5)).toBe(64103); // the post's "64,103×": δ₁ rounded to 1.56e-5 first
  });
});

describe("the post's code as written (code convention)", () => {
  it('prints the forward lines z, σ(z), σ′(z) to 4 decimals', () => {
    // Running the code prints 0.2498 for layers 3 and 4; the post shows 0.2499 there. We test what runs.
    const lines = [
      ['0.1000', '0.5250', '0.2494'],
      ['0.0525', '0.5131', '0.2498'],
      ['0.0513', '0.5128', '0.2498'],
      ['0.0513', '0.5128', '0.2498'],
    ];
    lines.forEach(([z, s, ds], k) => {
      const layer = code.forward.layers[k]!;
      expect([layer.z.toFixed(4), layer.a.toFixed(4), layer.df.toFixed(4)]).toEqual([z, s, ds]);
    });
  });

  it('prints δ₁ ≈ 3.89e-07, δ₄ ≈ 2.50e-02 and the ratio 64,247', () => {
    expectPrinted(code.backward.deltas[0]!, '3.89e-7');
    expectPrinted(code.backward.deltas[3]!, '2.50e-2');
    expect(Math.round(code.backward.lastOverFirst)).toBe(64247);
  });

  it('prints ΔW = η·δ: 3.89e-09 at layer 1 and 2.50e-04 at layer 4', () => {
    // The code prints η·δ, with no minus sign and without the input a_{k−1}; at layer 1 the input is x = 1.
    expectPrinted(0.01 * code.backward.deltas[0]!, '3.89e-9');
    expectPrinted(0.01 * code.backward.deltas[3]!, '2.50e-4');
    expect(code.backward.updates[0]).toBeCloseTo(-0.01 * code.backward.deltas[0]!, 20);
  });

  it('has one more factor than the blog convention: δ₁(code) = δ₁(blog) · w·σ′(z₁)', () => {
    const z1 = code.forward.layers[0]!;
    expect(code.backward.deltas[0]).toBeCloseTo(blog.backward.deltas[0]! * 0.1 * z1.df, 18);
  });
});

describe('closed-form products', () => {
  it('with σ′ fixed at 0.20: δ₁ = (w·0.2)^(L−1) under blog, (w·0.2)^L under code', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 6, noNaN: true }), fc.integer({ min: 1, max: 12 }), (w, depth) => {
        const spec = anchorNetwork({ w, depth });
        const b = traceChain(spec, { convention: { kind: 'blog' }, idealizedDerivative: 0.2 }).backward;
        const c = traceChain(spec, { convention: { kind: 'code' }, idealizedDerivative: 0.2 }).backward;
        expect(b.deltas[0]).toBeCloseTo((w * 0.2) ** (depth - 1), 10);
        expect(c.deltas[0]).toBeCloseTo((w * 0.2) ** depth, 10);
      }),
    );
  });

  it("gives Test 3's numbers: w = 0.5 → 1e-3, w = 2 → 0.064, and growth above w = 5", () => {
    const at = (w: number) =>
      traceChain(anchorNetwork({ w }), { convention: { kind: 'blog' }, idealizedDerivative: 0.2 }).backward.deltas[0]!;
    expect(at(0.5)).toBeCloseTo(1e-3, 15);
    expect(at(2)).toBeCloseTo(0.064, 15);
    expect(at(5)).toBeCloseTo(1, 15);
    expect(at(5.01)).toBeGreaterThan(1);
  });

  it("gives Test 2's deeper networks: δ₁ shrinks by w·σ′ per added layer", () => {
    const d = (depth: number) => traceChain(anchorNetwork({ depth }), { convention: { kind: 'blog' } }).backward.deltas[0]!;
    expectPrinted(d(5), '3.90e-7');
    expectPrinted(d(6), '9.73e-9');
    expect(d(5) / d(4)).toBeCloseTo(0.025, 3);
  });

  it("with ReLU and w = 0.1: δ₁ = 0.1³ = 1e-3, 64× the sigmoid chain's", () => {
    const r = traceChain(anchorNetwork({ activation: 'relu' }), { convention: { kind: 'blog' } }).backward;
    expect(r.deltas[0]).toBeCloseTo(1e-3, 15);
    expect(r.deltas[0]! / blog.backward.deltas[0]!).toBeCloseTo(64.1, 1);
  });

  it('with residuals each step back is 1 + w·f′: δ₁ = (1 + w·0.2)^(L−1)', () => {
    const r = traceChain(anchorNetwork({ residual: true, w: 0.5 }), { convention: { kind: 'blog' }, idealizedDerivative: 0.2 });
    expect(r.backward.deltas[0]).toBeCloseTo(1.1 ** 3, 12);
  });
});

describe('the loss convention at extreme logits', () => {
  it('keeps BCE exact for a confident wrong prediction (L ≈ z_out, not capped by a clamp)', () => {
    const spec: ChainSpec = {
      x: 1,
      layers: [{ w: 50, b: 0, activation: 'linear' }],
      output: { w: 1, b: 0, activation: 'sigmoid' },
    };
    const { backward } = traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: 0 } });
    expect(backward.loss!.value).toBeCloseTo(50 + Math.log1p(Math.exp(-50)), 12);
    expect(backward.loss!.dLdzOut).toBeCloseTo(1, 12);
  });
});

// ——— finite differences for every convention × activation × residual ———

const ACTS: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];
const KINKED = new Set<ActivationName>(['relu', 'leaky-relu']);
/** Points closer than this to a ReLU kink are skipped: the derivative is not defined there. */
const KINK_MARGIN = 1e-3;

/** A random chain: 1–5 layers, weights of magnitude 0.5–2 with either sign, so δ stays measurable. */
const chainArb = (activation: ActivationName, residual: boolean) =>
  fc
    .record({
      x: fc.double({ min: -2, max: 2, noNaN: true }),
      layers: fc.array(
        fc.record({
          w: fc.double({ min: 0.5, max: 2, noNaN: true }),
          sign: fc.boolean(),
          b: fc.double({ min: -1, max: 1, noNaN: true }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      out: fc.record({ w: fc.double({ min: -2, max: 2, noNaN: true }), b: fc.double({ min: -1, max: 1, noNaN: true }) }),
    })
    .map(
      ({ x, layers, out }): ChainSpec => ({
        x,
        residual,
        layers: layers.map((l) => ({ w: l.sign ? l.w : -l.w, b: l.b, activation })),
        output: { ...out, activation: 'sigmoid' },
      }),
    );

const awayFromKinks = (spec: ChainSpec) =>
  !KINKED.has(spec.layers[0]!.activation) || forwardChain(spec).layers.every((l) => Math.abs(l.z) > KINK_MARGIN);

/** a_L as a function of the input to layer `from` (0-based), by running the remaining layers. */
const lastFrom = (spec: ChainSpec, from: number) => (a: number) => {
  const rest = forwardChain({ x: a, layers: spec.layers.slice(from), residual: spec.residual });
  return rest.layers.length === 0 ? a : rest.layers[rest.layers.length - 1]!.a;
};

/**
 * The loss written out here, independently of the engine. BCE is taken from the logit z, as
 * softplus(z) − y·z, because 1 − ŷ loses digits when ŷ is near 1 and finite differences would amplify that.
 */
const lossOfSpec = (spec: ChainSpec, loss: LossName, y: number) => {
  const out = forwardChain(spec).output!;
  return loss === 'mse' ? 0.5 * (out.a - y) ** 2 : Math.max(out.z, 0) - y * out.z + Math.log1p(Math.exp(-Math.abs(out.z)));
};

describe.each(ACTS)('finite differences, %s', (activation) => {
  describe.each([false, true])('residual %s', (residual) => {
    it('blog: δ_k = ∂a_L/∂a_k', () => {
      fc.assert(
        fc.property(chainArb(activation, residual), (spec) => {
          fc.pre(awayFromKinks(spec));
          const { forward, backward } = traceChain(spec, { convention: { kind: 'blog' } });
          backward.deltas.forEach((delta, k) => {
            const ak = forward.layers[k]!.a;
            expectGradientClose(delta, centralDifference(lastFrom(spec, k + 1), ak), `δ_${k + 1}`);
          });
        }),
        { numRuns: 60 },
      );
    });

    it('code: δ_k = ∂a_L/∂a_{k−1}', () => {
      fc.assert(
        fc.property(chainArb(activation, residual), (spec) => {
          fc.pre(awayFromKinks(spec));
          const { forward, backward } = traceChain(spec, { convention: { kind: 'code' } });
          backward.deltas.forEach((delta, k) => {
            const input = k === 0 ? forward.x : forward.layers[k - 1]!.a;
            expectGradientClose(delta, centralDifference(lastFrom(spec, k), input), `δ_${k + 1}`);
          });
        }),
        { numRuns: 60 },
      );
    });

    it.each(['bce', 'mse'] as const)('loss (%s): δ_k = ∂L/∂z_k, and ∂L/∂w_k, ∂L/∂b_k, output gradients', (loss) => {
      fc.assert(
        fc.property(chainArb(activation, residual), fc.constantFrom(0, 1), (spec, y) => {
          fc.pre(awayFromKinks(spec));
          const { backward } = traceChain(spec, { convention: { kind: 'loss', loss, y } });
          const L = (s: ChainSpec) => lossOfSpec(s, loss, y);
          expect(backward.loss!.value).toBeCloseTo(L(spec), 10);
          spec.layers.forEach((layer, k) => {
            // Moving z_k by h is moving b_k by h, so ∂L/∂z_k = ∂L/∂b_k; check both through the parameters.
            const withB = (b: number) => L({ ...spec, layers: spec.layers.map((l, i) => (i === k ? { ...l, b } : l)) });
            const withW = (w: number) => L({ ...spec, layers: spec.layers.map((l, i) => (i === k ? { ...l, w } : l)) });
            const dLdb = centralDifference(withB, layer.b);
            expectGradientClose(backward.deltas[k]!, dLdb, `∂L/∂z_${k + 1}`);
            expectGradientClose(backward.biasGrads[k]!, dLdb, `∂L/∂b_${k + 1}`);
            expectGradientClose(backward.weightGrads[k]!, centralDifference(withW, layer.w), `∂L/∂w_${k + 1}`);
          });
          const out = spec.output!;
          const withOut = (o: Partial<typeof out>) => L({ ...spec, output: { ...out, ...o } });
          expectGradientClose(
            backward.loss!.outputWeightGrad,
            centralDifference((w) => withOut({ w }), out.w),
            '∂L/∂w_out',
          );
          expectGradientClose(
            backward.loss!.outputBiasGrad,
            centralDifference((b) => withOut({ b }), out.b),
            '∂L/∂b_out',
          );
        }),
        { numRuns: 40 },
      );
    });
  });
});
