import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { flowNetwork, gradientFlow, type FlowOptions } from '../../engine/flow.ts';
import { forward, type Mlp } from '../../engine/mlp.ts';
import { centralDifference, expectGradientClose } from './support.ts';

const base: FlowOptions = {
  depth: 4,
  w: 0.1,
  activation: 'sigmoid',
  init: 'constant',
  width: 1,
  residual: false,
  batchNorm: false,
  seed: 1,
};

describe("measure: 'delta', the course's δ_k = ∂L/∂z_k relative to the top layer's", () => {
  it('is δ_k/δ_L of real backprop (BCE, y = 1) on the chain, residual or not, for any loss-independent ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.constantFrom('sigmoid', 'tanh') as fc.Arbitrary<FlowOptions['activation']>,
        fc.boolean(),
        (depth, w, activation, residual) => {
          const flow = gradientFlow({ ...base, depth, w, activation, residual, measure: 'delta' });
          const deltas = traceChain(anchorNetwork({ depth, w, activation, residual }), { convention: { kind: 'loss', loss: 'bce', y: 1 } })
            .backward.deltas;
          const top = Math.abs(deltas.at(-1)!);
          fc.pre(top > 0); // the oracle is 0/0 when the output saturates at ŷ = y
          const REL_TOL = 1e-12;
          flow.perLayer.forEach((v, k) => {
            const exact = Math.abs(deltas[k]!) / top;
            expect(Math.abs(v - exact)).toBeLessThanOrEqual(REL_TOL * exact);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the course’s headline ratio at the anchor settings: 1/(w³·σ′(z₁)σ′(z₂)σ′(z₃)), about 64,200', () => {
    const flow = gradientFlow({ ...base, measure: 'delta' });
    const [d1, d2, d3] = flow.meanDerivative;
    expect(flow.lastOverFirst).toBeCloseTo(1 / (0.1 ** 3 * d1! * d2! * d3!), 6);
    expect(Math.round(flow.lastOverFirst / 100) * 100).toBe(64200);
  });

  it('stays finite in the wide network, 1 at the top, and 0 everywhere when nothing passes the top', () => {
    const wide = gradientFlow({ ...base, init: 'xavier', width: 8, depth: 10, measure: 'delta' });
    expect(wide.perLayer.at(-1)).toBe(1);
    for (const v of wide.perLayer) expect(Number.isFinite(v)).toBe(true);
    const dead = gradientFlow({ ...base, activation: 'relu', w: -0.5, measure: 'delta' });
    expect(dead.perLayer.every((v) => v === 0 || Number.isFinite(v))).toBe(true);
  });
});

describe('the anchor chain (constant init, width 1, no batch norm)', () => {
  it("is the blog convention's chain: |δ_k| from traceChain, layer 1 first", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.constantFrom('sigmoid', 'tanh', 'relu') as fc.Arbitrary<FlowOptions['activation']>,
        fc.boolean(),
        (depth, w, activation, residual) => {
          const flow = gradientFlow({ ...base, depth, w, activation, residual });
          const chain = traceChain(anchorNetwork({ depth, w, activation, residual }), { convention: { kind: 'blog' } });
          expect(flow.source).toBe('chain');
          expect(flow.perLayer).toEqual(chain.backward.deltas.map(Math.abs));
          expect(flow.meanDerivative).toEqual(chain.forward.layers.map((l) => l.df));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives the post's numbers at the canonical settings: δ₁ ≈ 1.56e-5, about 64,000× below δ₄", () => {
    const flow = gradientFlow(base);
    expect(flow.perLayer[3]).toBe(1);
    expect(flow.perLayer[0]).toBeCloseTo(1.56e-5, 7);
    expect(flow.firstOverLast).toBeCloseTo(flow.perLayer[0]!, 15);
    expect(Math.round(flow.lastOverFirst)).toBe(64128);
  });
});

/** S = Σ a_L over the batch and units, as a function of the activations a_k (0-based k), by running the layers above. */
const sumAbove = (mlp: Mlp, depth: number, k: number, batch: number) => (ak: Float64Array) => {
  if (k === depth - 1) return ak.reduce((s, v) => s + v, 0);
  const above: Mlp = { config: mlp.config, layers: mlp.layers.slice(k + 1) };
  return forward(above, ak, batch).layers[depth - k - 2]!.a.reduce((s, v) => s + v, 0);
};

describe('the batched MLP path', () => {
  it('reports mean |∂S/∂a_k| for S = Σ a_L, matching finite differences, batch norm and residuals included', () => {
    fc.assert(
      fc.property(
        fc.record({
          depth: fc.integer({ min: 1, max: 4 }),
          width: fc.integer({ min: 1, max: 3 }),
          activation: fc.constantFrom('sigmoid', 'tanh') as fc.Arbitrary<FlowOptions['activation']>,
          init: fc.constantFrom('constant', 'xavier', 'he') as fc.Arbitrary<FlowOptions['init']>,
          residual: fc.boolean(),
          batchNorm: fc.boolean(),
          seed: fc.integer({ min: 0, max: 10_000 }),
        }),
        (o) => {
          const options: FlowOptions = { ...o, w: 0.7, batch: 6 };
          fc.pre(!(o.init === 'constant' && o.width === 1 && !o.batchNorm));
          const flow = gradientFlow(options);
          const { mlp, X, batch } = flowNetwork(options);
          const cache = forward(mlp, X, batch);
          expect(flow.source).toBe('mlp');
          for (let k = 0; k < o.depth; k++) {
            const ak = cache.layers[k]!.a.slice();
            const S = sumAbove(mlp, o.depth, k, batch);
            let total = 0;
            ak.forEach((v, i) => {
              total += Math.abs(
                centralDifference((x) => {
                  ak[i] = x;
                  const s = S(ak);
                  ak[i] = v;
                  return s;
                }, v),
              );
            });
            expectGradientClose(flow.perLayer[k]!, total / ak.length, `layer ${k + 1}`);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is deterministic for a seed and changes with it', () => {
    const o: FlowOptions = { ...base, depth: 10, width: 8, init: 'he', activation: 'relu' };
    expect(gradientFlow(o)).toEqual(gradientFlow(o));
    expect(gradientFlow({ ...o, seed: 2 }).perLayer).not.toEqual(gradientFlow(o).perLayer);
  });
});

describe('what the explorer shows at depth 50, width 32 (loose bounds)', () => {
  const deep: FlowOptions = { ...base, depth: 50, width: 32, init: 'xavier' };
  it("sigmoid with Xavier init vanishes: layer 1 gets less than 1e-10 of layer 50's signal", () => {
    expect(gradientFlow(deep).firstOverLast).toBeLessThan(1e-10);
    for (const d of gradientFlow(deep).meanDerivative) expect(d).toBeLessThanOrEqual(0.25);
  });

  it('ReLU with He init keeps it within a factor of 100 either way', () => {
    const r = gradientFlow({ ...deep, activation: 'relu', init: 'he' }).firstOverLast;
    expect(r).toBeGreaterThan(0.01);
    expect(r).toBeLessThan(100);
  });

  it("residual connections or batch norm bring sigmoid's layer 1 back above a tenth of layer 50", () => {
    expect(gradientFlow({ ...deep, residual: true }).firstOverLast).toBeGreaterThan(0.1);
    expect(gradientFlow({ ...deep, batchNorm: true }).firstOverLast).toBeGreaterThan(0.1);
  });
});

describe('option checks', () => {
  it('rejects depths outside 1 … 50 and widths below 1', () => {
    expect(() => gradientFlow({ ...base, depth: 0 })).toThrow(RangeError);
    expect(() => gradientFlow({ ...base, depth: 51 })).toThrow(RangeError);
    expect(() => gradientFlow({ ...base, width: 0 })).toThrow(RangeError);
  });
});
