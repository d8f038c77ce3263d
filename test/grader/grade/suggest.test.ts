import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../../grader/grade/suggest.ts';

/** A fixed list of candidates (the post's five ids): suggest() is a pure function of it, so an exercise added to the manifest leaves these cases as they are. */
const EXERCISES = ['sigmoid-max', 'deeper-network', 'weight-scale', 'saturation', 'relu-swap'];

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['relu-swp', 'relu-swap', 1],
    ['ab', 'ba', 1], // one transposition, where plain Levenshtein counts 2
    ['ca', 'abc', 3], // OSA, not unrestricted Damerau (which gives 2)
  ])('%j → %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  it.each([
    ['relu-swp', 'relu-swap'],
    ['relu_swap', 'relu-swap'],
    ['Relu-Swap', 'relu-swap'],
    ['saturaiton', 'saturation'],
    ['weightscale', 'weight-scale'],
    ['sigmoid_max', 'sigmoid-max'],
  ])('suggests %j for %j', (typo, id) => expect(suggest(typo, EXERCISES)).toBe(id));

  it('stays quiet when nothing is close', () => {
    expect(suggest('banana', EXERCISES)).toBeUndefined();
    expect(suggest('relu', EXERCISES)).toBeUndefined();
    expect(suggest('', EXERCISES)).toBeUndefined();
    expect(suggest('x'.repeat(10_000), EXERCISES)).toBeUndefined();
  });

  it('allows fewer edits for short ids, so "abc" does not become "ratio"', () => {
    expect(suggest('rati', ['ratio'])).toBe('ratio');
    expect(suggest('rat', ['ratio'])).toBeUndefined();
  });
});
