/**
 * The lesson data (docs/decisions.md: lesson data is checked against oracles), each number checked against an oracle
 * that does not share its code path: finite differences of the loss, closed
 * forms, a direct scan of σ′, the post's own table, Nielsen's chapter 5.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorNetwork, traceChain, type ChainSpec } from '../../engine/chain.ts';
import { sigmoid } from '../../engine/activations.ts';
import { fixed, grouped, sci } from '../../examples/trace.ts';
import {
  ANCHOR,
  W,
  Y,
  code,
  headline,
  hundredStepsDetail,
  lossOfChain,
  nielsenProduct,
  notation,
  outputActivation,
  programVsLogit,
} from '../../src/lesson-data/anchor.ts';
import { EXAMPLE, pair, single } from '../../src/lesson-data/basics.ts';
import { bnScale, constantInit, minUnstableWeight, unstableWindow, widestWindow } from '../../src/lesson-data/fixes.ts';
import { GLOSSARY } from '../../src/lesson-data/glossary.ts';
import { enginePrintout } from '../../src/lesson-data/measuring.ts';
import { measureDecay } from '../../src/lesson-data/post-program.ts';
import { REFERENCES } from '../../src/lesson-data/references.ts';
import { RACE, sigmoidRun } from '../../src/lesson-data/training.ts';
import { inversionEpoch, threeLayers } from '../../src/lesson-data/training-notes.ts';
import { traceRows } from '../../src/islands/TraceExplorer.tsx';

/** Step for central differences: the loss is smooth, and a larger step keeps round-off below the tiny δ₁. */
const H = 1e-3;
/** ∂L/∂(parameter) by central differences, the parameter set by `set`. */
function numeric(set: (spec: ChainSpec, v: number) => ChainSpec, at: number, spec: ChainSpec = ANCHOR): number {
  return (lossOfChain(set(spec, at + H)) - lossOfChain(set(spec, at - H))) / (2 * H);
}
const withBias1 = (spec: ChainSpec, b: number): ChainSpec => ({ ...spec, layers: spec.layers.map((l, k) => (k === 0 ? { ...l, b } : l)) });

describe('lesson 0', () => {
  it('one neuron: ∂L/∂w = (ŷ − y)·x, the loss −log ŷ, and a step that lowers it', () => {
    expect(single.yHat).toBeCloseTo(1 / (1 + Math.exp(-EXAMPLE.w * EXAMPLE.x)), 12);
    expect(single.loss).toBeCloseTo(-Math.log(single.yHat), 12);
    const loss = (w: number) => -Math.log(sigmoid.f(w * EXAMPLE.x));
    expect(single.dLdw).toBeCloseTo((loss(EXAMPLE.w + H) - loss(EXAMPLE.w - H)) / (2 * H), 6);
    expect(single.newLoss).toBeLessThan(single.loss);
  });

  it('two neurons: δ₁ is the product of the three chain-rule factors and a finite difference of the loss', () => {
    expect(pair.delta1).toBeCloseTo(pair.dLdzOut * pair.wOut * pair.df1, 15);
    const two = anchorNetwork({ depth: 1 });
    expect(Math.abs(numeric(withBias1, 0, two) / pair.delta1 - 1)).toBeLessThan(1e-5);
  });
});

describe('the notation table', () => {
  it('the course’s δ₁ is a finite difference of the loss in b₁ (∂L/∂b₁ = ∂L/∂z₁)', () => {
    expect(Math.abs(numeric(withBias1, 0) / notation.course.value - 1)).toBeLessThan(1e-5);
  });

  it('the post’s table value agrees with the post’s printed 1.56 × 10⁻⁵ to its digits', () => {
    expect(Number(notation.table.value.toPrecision(3))).toBe(1.56e-5);
  });

  it('the program’s value is the table’s value one layer lower: times w·σ′(z₁)', () => {
    const df1 = sigmoid.df(W * ANCHOR.x);
    expect(notation.program.value).toBeCloseTo(notation.table.value * W * df1, 18);
  });

  it('the course’s δ is proportional to the program’s, by (ŷ − y)·w_out/w, so their layer ratios agree', () => {
    expect(headline.deltaRatio).toBeCloseTo(code.ratio, 6);
    expect(Math.round(code.ratio)).toBe(64247);
  });
});

describe('Nielsen’s expanded product', () => {
  it('multiplies out to δ₁, with one σ′ per layer and one weight per connection above layer 1', () => {
    expect(nielsenProduct.product).toBeCloseTo(notation.course.value, 18);
    const slopes = nielsenProduct.factors.filter((f) => f.symbol.includes("sigma'"));
    expect(slopes.length).toBe(ANCHOR.layers.length);
    expect(nielsenProduct.factors.length).toBe(2 * ANCHOR.layers.length + 1);
  });
});

describe('the headline ratios', () => {
  it('the weight-gradient ratio is about 32,900 (the issue’s figure) and the signal ratio about 64,200', () => {
    expect(Number(headline.weightGradRatio.toPrecision(3))).toBe(32900);
    expect(Number(headline.deltaRatio.toPrecision(3))).toBe(64200);
  });

  it('the per-layer factor is the post’s 0.025 to its digits', () => {
    expect(Number(headline.factor.toPrecision(2))).toBe(0.025);
  });
});

describe('a hundred steps on the anchor example', () => {
  it('the loss falls by about a third, and the output bias moves most', () => {
    expect(hundredStepsDetail.fallen).toBeGreaterThan(0.3);
    expect(hundredStepsDetail.fallen).toBeLessThan(0.37);
    const moved = [hundredStepsDetail.outputBias, hundredStepsDetail.outputWeight, hundredStepsDetail.w4, hundredStepsDetail.w1];
    expect(Math.max(...moved)).toBe(hundredStepsDetail.outputBias);
    expect(hundredStepsDetail.w1).toBeLessThan(hundredStepsDetail.w4 / 1000);
  });
});

describe('the output activation (the post’s fifth question)', () => {
  it('does not change δ₄/δ₁, for sigmoid or ReLU hidden layers', () => {
    expect(outputActivation.sigmoidReluOut / outputActivation.sigmoidSigmoidOut).toBeCloseTo(1, 12);
    expect(outputActivation.reluAll / outputActivation.reluSigmoidOut).toBeCloseTo(1, 12);
    // Closed form for the ReLU chain: each step multiplies δ by w.
    expect(outputActivation.reluSigmoidOut).toBeCloseTo(1 / W ** 3, 6);
  });

  it('in the ReLU chain every weight gradient δₖ·aₖ₋₁ is the same (signal and activations shrink in step)', () => {
    const { backward } = traceChain(anchorNetwork({ activation: 'relu' }), { convention: { kind: 'loss', loss: 'bce', y: Y } });
    for (const g of backward.weightGrads) expect(g / backward.weightGrads[0]!).toBeCloseTo(1, 12);
  });
});

describe('the program’s count against ∂z_out/∂z_k', () => {
  it('agrees only because w_out = w; otherwise it is off by w_out/w', () => {
    expect(programVsLogit(W).ratio).toBeCloseTo(1, 12);
    expect(programVsLogit(5 * W).ratio).toBeCloseTo(5, 12);
  });
});

describe('the sigmoid window (Nielsen, chapter 5, problem)', () => {
  /** Width of {a : |w·σ′(w·a)| ≥ 1} by a direct scan. */
  const scan = (w: number) => {
    let count = 0;
    const step = 1e-4;
    for (let a = -5; a <= 5; a += step) if (Math.abs(w * sigmoid.df(w * a)) >= 1) count++;
    return count * step;
  };

  it('matches a direct scan of |w·σ′(w·a)| ≥ 1', () => {
    for (const w of [4.5, 6, 6.9, 10, 20]) expect(unstableWindow(w)).toBeCloseTo(scan(w), 3);
  });

  it('is empty below |w| = 4, and at most about 0.45, near |w| ≈ 6.9 (Nielsen’s answer)', () => {
    expect(minUnstableWeight).toBe(4);
    expect(unstableWindow(3.9)).toBe(0);
    expect(widestWindow.width).toBeCloseTo(0.45, 2);
    expect(widestWindow.w).toBeCloseTo(6.9, 1);
  });

  it('the constant initialisation acts like one weight of fan-in × w', () => {
    expect(constantInit.effectiveWeight).toBeCloseTo(1.6, 12);
  });
});

describe('batch norm and the weight scale', () => {
  it('moves the layer ratio far less with batch norm than without when every weight shrinks tenfold', () => {
    const change = (a: number, b: number) => Math.abs(Math.log(a / b));
    expect(change(bnScale.bigRatio, bnScale.smallRatio)).toBeLessThan(1);
    expect(change(bnScale.plainBigRatio, bnScale.plainSmallRatio)).toBeGreaterThan(5);
  });
});

describe('the training notes', () => {
  it("before the order-break epoch every hidden layer's ‖∂L/∂W‖ exceeds the one beneath it; at it, one falls below", () => {
    const increasing = (g: readonly number[]) => g.slice(0, RACE.depth).every((v, k, all) => k === 0 || v > all[k - 1]!);
    expect(inversionEpoch).toBeGreaterThan(0);
    for (const r of sigmoidRun.slice(0, inversionEpoch)) expect(increasing(r.gradNorms.weight)).toBe(true);
    expect(increasing(sigmoidRun[inversionEpoch]!.gradNorms.weight)).toBe(false);
  });

  it('the 3-layer sigmoid network leaves the plateau, but only after the race’s epochs', () => {
    expect(threeLayers.escapeEpoch).toBeGreaterThan(RACE.epochs);
    expect(threeLayers.endLoss).toBeLessThan(Math.log(2) - 0.05);
  });
});

describe('the measuring program', () => {
  it('the corrected program prints what the engine computes, for several networks', () => {
    for (const [depth, w] of [
      [4, 0.1],
      [2, 0.5],
      [7, 1],
      [5, -0.3],
    ] as const) {
      expect(measureDecay(depth, w)).toBe(enginePrintout({ fixed, sci, grouped }, depth, w));
    }
  });

  it('prints the post’s table to its digits, and the exact ratio', () => {
    const out = measureDecay();
    for (const s of ['Layer 1: 1.56e-05', 'Layer 3: 2.50e-02', 'Layer 4: 1.00e+00', '64,128x']) expect(out).toContain(s);
  });

  it('the trace explorer’s rows are the engine’s trace', () => {
    const { rows, deltaRatio } = traceRows(4, 0.1);
    expect(rows.map((r) => r.layer)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.g).toBeCloseTo(notation.table.value, 18);
    expect(rows[0]!.delta).toBeCloseTo(notation.course.value, 18);
    expect(deltaRatio).toBeCloseTo(headline.deltaRatio, 6);
  });
});

describe('glossary, references and summaries', () => {
  const content = join(import.meta.dirname, '../../content');
  const mdx = [...readdirSync(join(content, 'lessons')).map((f) => join(content, 'lessons', f)), join(content, 'index.mdx')].map((f) =>
    readFileSync(f, 'utf8'),
  );
  const used = new Set(mdx.flatMap((s) => [...s.matchAll(/<Term id="([^"]+)"/g)].map((m) => m[1]!)));

  it('every glossary id is unique, and every <Term> names one', () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of used) expect(ids).toContain(id);
  });

  it('every glossary entry is used by some lesson', () => {
    for (const e of GLOSSARY) expect(used.has(e.id), e.id).toBe(true);
  });

  it('a lesson links each term at most once', () => {
    for (const s of mdx) {
      const ids = [...s.matchAll(/<Term id="([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('references have unique ids and web links, and cover the papers the issue names', () => {
    const ids = REFERENCES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of REFERENCES) expect(r.url).toMatch(/^https?:\/\//);
    for (const id of ['nielsen', 'hochreiter1991', 'lstm1997', 'glorot2010', 'he2015', 'he2016', 'ioffe2015', 'pascanu2013'])
      expect(ids).toContain(id);
  });
});
