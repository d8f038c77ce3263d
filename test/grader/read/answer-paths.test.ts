import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPath, joinPath } from '../../../grader/read/answer-paths.ts';

/** The rule as first written, with a regular expression: the oracle for the hand-written check. */
const oracle = (path: string, key: string): string => {
  const part = /^[\w-]+$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? part : `${path}.${part}`;
};

describe('joinPath', () => {
  it('joins word keys with a dot and quotes any other key as JSON', () => {
    expect(joinPath('', 'answers')).toBe('answers');
    expect(joinPath('answers', 'relu-swap')).toBe('answers.relu-swap');
    expect(joinPath('answers.relu-swap', 'gradient_relu')).toBe('answers.relu-swap.gradient_relu');
    expect(joinPath('answers', 'odd.key')).toBe('answers."odd.key"');
    expect(joinPath('answers', '')).toBe('answers.""');
    expect(joinPath('answers', 'é')).toBe('answers."é"');
  });

  it('agrees with the regular expression /^[\\w-]+$/ on any key', () => {
    const keys = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', '_', '-', '.', ' ', '@', '`', '[', '/', ':', '{', 'é') }),
    );
    fc.assert(
      fc.property(fc.constantFrom('', 'answers'), keys, (path, key) => joinPath(path, key) === oracle(path, key)),
      { numRuns: 2000 },
    );
  });
});

describe('childPath', () => {
  it("is joinPath for any path and key, the course's own paths (from its table) and any other", () => {
    expect(childPath(childPath('answers', 'sigmoid-max'), 'max_value')).toBe('answers.sigmoid-max.max_value');
    expect(childPath('', 'learner')).toBe('learner');
    const keys = fc.oneof(fc.constantFrom('answers', 'relu-swap', 'a.b', '', 'é'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('', 'answers', 'answers.relu-swap'), keys), { maxLength: 600 }), (pairs) => {
        for (const [path, key] of pairs) expect(childPath(path, key)).toBe(joinPath(path, key));
      }),
      { numRuns: 50 },
    );
    // Many parents and keys, none of them the course's: still the same text.
    for (let i = 0; i < 2000; i++) expect(childPath(`p${i % 300}`, `k${i}`)).toBe(joinPath(`p${i % 300}`, `k${i}`));
  });
});
