import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../grader/grade/bounded-cache.ts';

describe('BoundedCache', () => {
  it('keeps values until it holds its limit, then starts again empty', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([1, 2, 2]);
    cache.set('c', 3); // full: emptied, then c kept
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([undefined, undefined, 3, 1]);
  });

  it('replacing a kept key does not empty a full cache', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([10, 2, 2]);
  });

  it('getOrCompute computes once per kept key, and keeps undefined as an answer', () => {
    const cache = new BoundedCache<string, string | undefined>(8);
    let calls = 0;
    const compute = (key: string): string | undefined => {
      calls++;
      return key === 'none' ? undefined : key.toUpperCase();
    };
    expect(cache.getOrCompute('x', compute)).toBe('X');
    expect(cache.getOrCompute('x', compute)).toBe('X');
    expect(cache.getOrCompute('none', compute)).toBeUndefined();
    expect(cache.getOrCompute('none', compute)).toBeUndefined();
    expect(cache.has('none')).toBe(true);
    expect(calls).toBe(2);
  });

  it('refuses a limit that is not a whole number of entries', () => {
    expect(() => new BoundedCache(-1)).toThrow(RangeError);
    expect(() => new BoundedCache(1.5)).toThrow(RangeError);
  });

  it('with a limit of 0 keeps nothing and computes every time (a cache turned off)', () => {
    const cache = new BoundedCache<string, number>(0);
    let calls = 0;
    expect(cache.getOrCompute('a', () => ++calls)).toBe(1);
    expect(cache.getOrCompute('a', () => ++calls)).toBe(2);
    expect([cache.size, cache.has('a')]).toEqual([0, false]);
  });

  it('behaves as a Map emptied whenever it would grow past the limit (any sequence of sets and reads)', () => {
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 }), fc.integer());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (limit, ops) => {
        const cache = new BoundedCache<number, number>(limit);
        const model = new Map<number, number>();
        const modelSet = (key: number, value: number): number => {
          if (model.size >= limit && !model.has(key)) model.clear();
          model.set(key, value);
          return value;
        };
        for (const [write, key, value] of ops) {
          if (write) expect(cache.set(key, value)).toBe(modelSet(key, value));
          else expect(cache.getOrCompute(key, () => value)).toBe(model.has(key) ? model.get(key) : modelSet(key, value));
          expect(cache.size).toBe(model.size);
          expect(cache.size).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });
});
