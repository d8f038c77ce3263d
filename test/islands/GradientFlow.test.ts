import { describe, expect, it } from 'vitest';
import { flowSentence } from '../../src/islands/GradientFlow.tsx';
import { gradientFlow } from '../../engine/flow.ts';

describe('the flow explorer\'s sentence', () => {
  it('reads the anchor network as the post does, with the exact ratio 64,128 (1 / (0.1·σ′)³ at the trace’s z)', () => {
    const flow = gradientFlow({ depth: 4, w: 0.1, activation: 'sigmoid', init: 'constant', width: 1, residual: false, batchNorm: false, seed: 1 });
    expect(flowSentence(flow, 4)).toBe("Layer 1 receives 1/64,128 of layer 4's gradient.");
    expect(flowSentence(undefined, 4)).toMatch(/could not be computed/);
    expect(flowSentence(flow, 1)).toMatch(/nothing vanishes/);
  });

  it('calls a gradient that grows a little on the way back (residual highway) growth, and only a large one an explosion', () => {
    const base = { depth: 4, activation: 'sigmoid', init: 'constant', width: 1, batchNorm: false, seed: 1 } as const;
    // Residual anchor: each step back multiplies by 1 + w·σ′ ≈ 1.025, so layer 1 gets about 1.08 × layer 4's gradient.
    const residual = gradientFlow({ ...base, w: 0.1, residual: true });
    expect(flowSentence(residual, 4)).toBe("Layer 1 receives 1.08 times layer 4's gradient: it grows a little on the way back instead of shrinking.");
    // ReLU with w = 2: every step back multiplies by 2, so layer 1 gets 2³ = 8 times layer 4's gradient: an explosion, not "a little".
    const exploding = gradientFlow({ ...base, activation: 'relu', w: 2, residual: false });
    expect(flowSentence(exploding, 4)).toBe("Layer 1 receives 8 times layer 4's gradient: it explodes instead of vanishing.");
    // ReLU with w = 1 passes the gradient on unchanged: "as much", never "1/1 of".
    const unchanged = gradientFlow({ ...base, activation: 'relu', w: 1, residual: false });
    expect(flowSentence(unchanged, 4)).toBe("Layer 1 receives as much gradient as layer 4: it neither vanishes nor grows on the way back.");
  });

  it('names the cause when layer 1 gets no gradient: a zero weight, or dead ReLU units', () => {
    const base = { depth: 4, init: 'constant', width: 1, residual: false, batchNorm: false, seed: 1 } as const;
    const zero = gradientFlow({ ...base, activation: 'sigmoid', w: 0 });
    expect(flowSentence(zero, 4, { w: 0, activation: 'sigmoid' })).toBe('Layer 1 receives no gradient at all: every weight is 0, so nothing flows back through them.');
    // ReLU with a negative weight: z ≤ 0 from layer 2 on, so those units are dead.
    const dead = gradientFlow({ ...base, activation: 'relu', w: -0.5 });
    expect(flowSentence(dead, 4, { w: -0.5, activation: 'relu' })).toBe("Layer 1 receives no gradient at all: every path back from layer 4 is cut (dead ReLU units).");
  });

  it('gives a tiny fraction as a number, not as 1 over a power of ten', () => {
    const deep = gradientFlow({ depth: 20, w: 0.1, activation: 'sigmoid', init: 'constant', width: 1, residual: false, batchNorm: false, seed: 1 });
    expect(flowSentence(deep, 20)).toMatch(/^Layer 1 receives only \d(\.\d+)? × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+ times layer 20's gradient\.$/);
  });
});

describe('the bias control', () => {
  it('reproduces the limits lesson’s exploding sigmoid chain: x = ½, w = 8, b = −4 holds every z at 0, so each factor is 8 · ¼ = 2', () => {
    const held = gradientFlow({ depth: 4, w: 8, bias: -4, x: 0.5, activation: 'sigmoid', init: 'constant', width: 1, residual: false, batchNorm: false, seed: 1 });
    expect(held.firstOverLast).toBeCloseTo(8, 12);
    expect(flowSentence(held, 4)).toBe("Layer 1 receives 8 times layer 4's gradient: it explodes instead of vanishing.");
  });
});
