import { describe, expect, it } from 'vitest';
import { formatReadable } from '../../src/islands/readable.ts';
import { flowSentence } from '../../src/islands/GradientFlow.tsx';
import { gradientFlow } from '../../src/engine/flow.ts';

describe('numbers for reading', () => {
  it('drops padding zeros and keeps whole thousands', () => {
    expect([0.25, 0.001, 5, 8e-6, 1.5594e-5, 64128, 2566800, -0.5, 'better'].map(formatReadable)).toEqual([
      '0.25', '0.001', '5', '8 × 10⁻⁶', '1.56 × 10⁻⁵', '64,128', '2.57 × 10⁶', '−0.5', 'better',
    ]);
  });

  it('reads the anchor network as the post does, with the exact ratio 64,128 (1 / (0.1·σ′)³ at the trace’s z)', () => {
    const flow = gradientFlow({ depth: 4, w: 0.1, activation: 'sigmoid', init: 'constant', width: 1, residual: false, batchNorm: false, seed: 1 });
    expect(flowSentence(flow, 4)).toBe("Layer 1 receives 1/64,128 of layer 4's gradient.");
    expect(flowSentence(undefined, 4)).toMatch(/could not be computed/);
    expect(flowSentence(flow, 1)).toMatch(/nothing vanishes/);
  });
});
