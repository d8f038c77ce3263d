import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numberMisconceptions } from '../../exercises/catalogue.ts';
import { EXERCISES } from '../../exercises/index.ts';
import type { NumberPart } from '../../exercises/types.ts';

describe('every exercise', () => {
  // The properties themselves are in catalogue-check.ts; each exercise's own test runs them over its parameter grid.
  it.each(EXERCISES.map((e) => e.id))('%s has its catalogue checked over its parameter grid by its own test file', (id) => {
    const test = readFileSync(new URL(`./${id}.test.ts`, import.meta.url), 'utf8');
    expect(test).toMatch(/^describeCatalogue\(\s*\w+,/m);
  });
});

describe('catalogue helpers', () => {
  const part: NumberPart = { id: 'g', label: 'g', question: 'g?', kind: 'number', tolerance: { kind: 'relative', value: 0.01 } };

  it('drops a slip that lands in the reference band or a likelier slip’s band, keeping the likelier one', () => {
    const kept = numberMisconceptions(part, 1e-3, [
      { slug: 'too-many', value: 1e-4, feedback: 'one factor too many' },
      { slug: 'tenth', value: 1.0005e-4, feedback: 'power of ten' },
      { slug: 'rounded', value: 1.005e-3, feedback: 'within tolerance' },
      { slug: 'nan', value: Number.NaN, feedback: 'not a number' },
      { slug: 'inverse', value: 1e3, feedback: 'inverted' },
    ]);
    expect(kept.map((m) => m.id)).toEqual(['g.too-many', 'g.inverse']);
  });

  it('caches answers and catalogues per parameters and hands out frozen copies nobody can corrupt', () => {
    for (const exercise of EXERCISES) {
      const params = exercise.variant(7);
      expect(exercise.misconceptions(params)).toBe(exercise.misconceptions({ ...params }));
      expect(Object.isFrozen(exercise.answers(params))).toBe(true);
      const first = exercise.misconceptions(params)[0]!;
      expect(() => Object.assign(first, { value: 0 })).toThrow(TypeError);
    }
    const [a, b] = [
      { w: 0.1, depth: 4 },
      { w: 0.2, depth: 4 },
    ];
    const deeperNetwork = EXERCISES[1]!;
    expect(deeperNetwork.answers(a)).not.toEqual(deeperNetwork.answers(b));
  });
});
