/**
 * A memo table with a size limit: the grader keeps derived values (formatted
 * numbers, feedback sentences, expression verdicts, reference answers) that
 * a class's files repeat, in a process that may grade any number of files.
 * Learner input decides the keys, so an unbounded Map would grow with every
 * distinct wrong answer; this one forgets everything once it holds `limit`
 * entries. Clearing all at once is O(1) and keeps no bookkeeping per hit;
 * the few values that repeat are back after their next use.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #limit: number;

  /** @param limit the most entries kept; reaching it empties the cache before the next one is added; 0 keeps nothing. */
  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`a cache needs a whole-number limit of 0 or more, not ${limit}`);
    this.#limit = limit;
  }

  /** How many entries the cache holds now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value kept for `key`, or undefined. */
  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  /** True when a value (possibly undefined) is kept for `key`. */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Keeps `value` for `key`, first emptying the cache if it is full; returns `value`. */
  set(key: K, value: V): V {
    if (this.#limit === 0) return value;
    if (this.#entries.size >= this.#limit && !this.#entries.has(key)) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }

  /** The value kept for `key`, else `compute(key)`, kept and returned (undefined is kept too). */
  getOrCompute(key: K, compute: (key: K) => V): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined || this.#entries.has(key)) return hit as V;
    return this.set(key, compute(key));
  }
}
