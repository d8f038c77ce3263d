import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIE_FACTOR, compare } from '../../src/lesson-data/compare.ts';
import { initSeries, residualReal, reluReal, xavierVsConstant } from '../../src/lesson-data/fixes.ts';
import { bce, headline } from '../../src/lesson-data/anchor.ts';
import { typedClaims } from './claims.ts';

const LESSONS = join(import.meta.dirname, '../../content/lessons');
const lessons = [...readdirSync(LESSONS).filter((f) => f.endsWith('.mdx')), '../index.mdx'];

describe('compare()', () => {
  it('takes its word from the order of the sizes, and its factor from their quotient', () => {
    expect(compare(1, 4)).toEqual({ word: 'smaller', times: 4, order: 'smaller' });
    expect(compare(-8, 2, { larger: 'better', smaller: 'worse' })).toEqual({ word: 'better', times: 4, order: 'larger' });
  });

  it('calls sizes within the tie factor a tie, and only equal ones with tieFactor 1', () => {
    expect(compare(1, 1 + (TIE_FACTOR - 1) / 2).order).toBe('tie');
    expect(compare(1, 1.0001, { larger: 'l', smaller: 's', tieFactor: 1 }).word).toBe('s');
    expect(compare(2, 2, { larger: 'l', smaller: 's', tie: 'equal', tieFactor: 1 }).word).toBe('equal');
  });

  it('refuses to compare with zero or a non-finite value rather than print a wrong word', () => {
    expect(() => compare(0, 1)).toThrow(RangeError);
    expect(() => compare(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('the typed-claim scan', () => {
  it('catches the sentence lesson 7 used to print, and a typed "n times smaller"', () => {
    const old =
      'Layer 1 keeps <Num value={a} /> of it. For the sigmoid, Xavier does *worse* than a constant\n<Num value={W} exact />. Three facts explain it.';
    expect(typedClaims(old).map((c) => c.word)).toEqual(['worse']);
    expect(typedClaims('δ₁ is <Num value={r} sig={3} /> times smaller than δ₄.').map((c) => c.line)).toEqual([1]);
  });

  it('lets computed words through: <Compare>, and a word from an expression', () => {
    expect(typedClaims('δ₁ is <Compare value={a} to={b} /> than δ₄, <Num value={r} />.')).toEqual([]);
    expect(typedClaims('Xavier does {c.word} than a constant <Num value={W} />.')).toEqual([]);
  });
});

describe('the lessons', () => {
  it.each(lessons)('%s types no comparative word beside a computed number', (file) => {
    const claims = typedClaims(readFileSync(join(LESSONS, file), 'utf8'));
    expect(claims, 'take the word from the numbers: <Compare value to /> or {compare(…).word}').toEqual([]);
  });
});

describe('the claims follow their numbers (engine output, checked against its own raw series)', () => {
  it('lesson 7: for the sigmoid, Xavier keeps more of layer 1’s signal than every weight 0.1, so it does better', () => {
    const [constant, xavier] = initSeries;
    const kept = (values: number[]) => values[0]! / values.at(-1)!;
    expect(kept(xavier!.values)).toBeGreaterThan(kept(constant!.values));
    expect(xavierVsConstant.word).toBe('better');
    expect(xavierVsConstant.times).toBeCloseTo(kept(xavier!.values) / kept(constant!.values), 10);
  });

  it('lesson 7: ReLU’s δ₄/δ₁ is smaller than the sigmoid’s (better); with skips δ₁ exceeds δ₄ (the signal grows)', () => {
    expect(reluReal.deltaRatio).toBeLessThan(headline.deltaRatio);
    expect(Math.abs(residualReal.delta1)).toBeGreaterThan(Math.abs(residualReal.deltaTop));
    expect(residualReal.firstOverLast).toBeGreaterThan(1);
  });

  it('lesson 4: δ₁ is smaller than δ₄ and layer 1’s weight gradient smaller than layer 4’s', () => {
    expect(Math.abs(bce.deltas[0]!)).toBeLessThan(Math.abs(bce.deltas.at(-1)!));
    expect(Math.abs(bce.grad1)).toBeLessThan(Math.abs(bce.grad4));
  });
});
