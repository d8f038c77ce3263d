import { describe, expect, it } from 'vitest';
import { flowSentence } from '../../src/islands/GradientFlow.tsx';
import { gradientFlow } from '../../engine/flow.ts';

describe("the flow explorer's sentence", () => {
  it('reads the anchor network in the course’s δ, with the headline ratio the lessons print, 64,200', () => {
    const flow = gradientFlow({
      depth: 4,
      w: 0.1,
      activation: 'sigmoid',
      init: 'constant',
      width: 1,
      residual: false,
      batchNorm: false,
      seed: 1,
      measure: 'delta',
    });
    expect(flowSentence(flow, 4)).toBe("Layer 1's δ is 1/64,200 of layer 4's: δ₄/δ₁ = 64,200.");
    expect(flowSentence(undefined, 4)).toMatch(/could not be computed/);
    expect(flowSentence(flow, 1)).toMatch(/nothing vanishes/);
  });

  it('calls a gradient that grows a little on the way back (residual highway) growth, and only a large one an explosion', () => {
    const base = { depth: 4, activation: 'sigmoid', init: 'constant', width: 1, batchNorm: false, seed: 1, measure: 'delta' } as const;
    // Residual anchor: δ₁/δ₄ = σ′(z₁)/σ′(z₄) · Π(1 + w·σ′) ≈ 1.09 (lesson 7's figure).
    const residual = gradientFlow({ ...base, w: 0.1, residual: true });
    expect(flowSentence(residual, 4)).toBe("Layer 1's δ is 1.09 times layer 4's: it grows a little on the way back instead of shrinking.");
    // ReLU with w = 2: every step back multiplies by 2, so layer 1 gets 2³ = 8 times layer 4's gradient: an explosion, not "a little".
    const exploding = gradientFlow({ ...base, activation: 'relu', w: 2, residual: false });
    expect(flowSentence(exploding, 4)).toBe("Layer 1's δ is 8 times layer 4's: it explodes instead of vanishing.");
    // ReLU with w = 1 passes the gradient on unchanged: "as much", never "1/1 of".
    const unchanged = gradientFlow({ ...base, activation: 'relu', w: 1, residual: false });
    expect(flowSentence(unchanged, 4)).toBe("Layer 1's δ is as large as layer 4's: it neither vanishes nor grows on the way back.");
  });

  it('names the cause when layer 1 gets no gradient: a zero weight, or dead ReLU units', () => {
    const base = { depth: 4, init: 'constant', width: 1, residual: false, batchNorm: false, seed: 1, measure: 'delta' } as const;
    const zero = gradientFlow({ ...base, activation: 'sigmoid', w: 0 });
    expect(flowSentence(zero, 4, { w: 0, activation: 'sigmoid' })).toBe(
      "Layer 1's δ is 0, no gradient at all: every weight is 0, so nothing flows back through them.",
    );
    // ReLU with a negative weight: z ≤ 0 from layer 2 on, so those units are dead.
    const dead = gradientFlow({ ...base, activation: 'relu', w: -0.5 });
    expect(flowSentence(dead, 4, { w: -0.5, activation: 'relu' })).toBe(
      "Layer 1's δ is 0, no gradient at all: every path back from layer 4 is cut (dead ReLU units).",
    );
  });

  it('gives a tiny fraction as a number, not as 1 over a power of ten', () => {
    const deep = gradientFlow({
      depth: 20,
      w: 0.1,
      activation: 'sigmoid',
      init: 'constant',
      width: 1,
      residual: false,
      batchNorm: false,
      seed: 1,
      measure: 'delta',
    });
    expect(flowSentence(deep, 20)).toMatch(/^Layer 1's δ is only \d(\.\d+)? × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+ times layer 20's\.$/);
  });
});

describe('the bias control', () => {
  it('reproduces the limits lesson’s exploding sigmoid chain: x = ½, w = 8, b = −4 holds every z at 0, so each factor is 8 · ¼ = 2', () => {
    const held = gradientFlow({
      depth: 4,
      w: 8,
      bias: -4,
      x: 0.5,
      activation: 'sigmoid',
      init: 'constant',
      width: 1,
      residual: false,
      batchNorm: false,
      seed: 1,
      measure: 'delta',
    });
    expect(held.firstOverLast).toBeCloseTo(8, 12);
    expect(flowSentence(held, 4)).toBe("Layer 1's δ is 8 times layer 4's: it explodes instead of vanishing.");
  });
});

describe('the flow chart’s axis', () => {
  it('fits the values: the anchor network’s five decades fill it, and every bar, however deep, lies on it (no marks off the axis)', async () => {
    const { flowAxis } = await import('../../src/islands/FlowBars.tsx');
    const anchor = gradientFlow({
      depth: 4,
      w: 0.1,
      activation: 'sigmoid',
      init: 'constant',
      width: 1,
      residual: false,
      batchNorm: false,
      seed: 1,
      measure: 'delta',
    });
    expect(flowAxis(anchor.perLayer)).toEqual([1e-6, 1]);
    for (const [depth, w, activation] of [
      [50, 0.1, 'sigmoid'],
      [50, 3, 'relu'],
      [30, 8, 'sigmoid'],
      [2, 1, 'relu'],
    ] as const) {
      const flow = gradientFlow({
        depth,
        w,
        activation,
        init: 'constant',
        width: 1,
        residual: false,
        batchNorm: false,
        seed: 1,
        measure: 'delta',
      });
      const [lo, hi] = flowAxis(flow.perLayer);
      expect(hi / lo).toBeGreaterThanOrEqual(100);
      for (const v of flow.perLayer)
        if (v > 0 && Number.isFinite(v) && v >= 1e-307) expect(v >= lo && v <= hi, `${depth}, ${w}, ${activation}: ${v}`).toBe(true);
    }
  });
});
