/**
 * The shape of a record kept in localStorage, written as data: one rule per
 * field, from which both the record's type (Stored) and its check
 * (readStored) come, so each rule is written once. Not zod: the exercise
 * page's JavaScript has a 60 KB gzip budget and islands stay free of zod;
 * test/islands/exercise/storage.test.ts builds the zod schema of the same
 * rules and holds readStored to it on generated and damaged records.
 */
import { VERDICTS } from '../../../grader/constants.ts';
import { isRecord, own } from '../../../grader/read/plain-data.ts';

/** The version of every record; a record of another version is removed with a notice. */
export const STORAGE_VERSION = 1;
/** The longest text kept for one answer, feedback or learner id; saving clips to it, loading accepts it. */
export const MAX_STORED_TEXT = 2000;

/** One field's rule. */
export type Rule =
  /** Text of at most MAX_STORED_TEXT characters. */
  | { readonly type: 'text' }
  | { readonly type: 'boolean' }
  /** One of the grader's verdicts. */
  | { readonly type: 'verdict' }
  /** A whole number from 0 to `max`. */
  | { readonly type: 'count'; readonly max: number }
  /** STORAGE_VERSION itself. */
  | { readonly type: 'version' }
  /** A mapping from any keys to values of one rule (answers by part id, results by checkpoint id). */
  | { readonly type: 'byKey'; readonly of: Rule }
  /** An object with these fields; the optional ones may be left out. Other keys are dropped. */
  | { readonly type: 'fields'; readonly required: Readonly<Record<string, Rule>>; readonly optional?: Readonly<Record<string, Rule>> };

/** The value a rule accepts, as a type. */
export type Stored<R> = R extends { type: 'text' }
  ? string
  : R extends { type: 'boolean' }
    ? boolean
    : R extends { type: 'verdict' }
      ? (typeof VERDICTS)[number]
      : R extends { type: 'count' }
        ? number
        : R extends { type: 'version' }
          ? typeof STORAGE_VERSION
          : R extends { type: 'byKey'; of: infer Of }
            ? Record<string, Stored<Of>>
            : R extends { type: 'fields'; required: infer Required }
              ? { -readonly [K in keyof Required]: Stored<Required[K]> } & OptionalFields<R>
              : never;
type OptionalFields<R> = R extends { optional: infer Optional } ? { -readonly [K in keyof Optional]?: Stored<Optional[K]> } : unknown;

/** Marks a value that does not fit (undefined is a value an optional field may have). */
const NO: unique symbol = Symbol('does not fit');

/** Sets an own, enumerable key (a key such as `__proto__` stays plain data). */
export function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value checked against its rule and copied key by key, or undefined when anything in it does not fit. */
export function readStored<R extends Rule>(rule: R, value: unknown): Stored<R> | undefined {
  const read = check(rule, value);
  // `never`: the checked value is a Stored<R>, which the compiler cannot follow through the rules' recursion.
  return read === NO ? undefined : (read as never);
}

function check(rule: Rule, value: unknown): unknown {
  switch (rule.type) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_STORED_TEXT ? value : NO;
    case 'boolean':
      return typeof value === 'boolean' ? value : NO;
    case 'verdict':
      return (VERDICTS as readonly unknown[]).includes(value) ? value : NO;
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= rule.max ? value : NO;
    case 'version':
      return value === STORAGE_VERSION ? value : NO;
    case 'byKey': {
      if (!isRecord(value)) return NO;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const read = check(rule.of, item);
        if (read === NO) return NO;
        put(out, key, read);
      }
      return out;
    }
    case 'fields': {
      if (!isRecord(value)) return NO;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(rule.required)) {
        const read = check(field, own(value, key));
        if (read === NO) return NO;
        out[key] = read;
      }
      for (const [key, field] of Object.entries(rule.optional ?? {})) {
        const given = own(value, key);
        if (given === undefined) continue;
        const read = check(field, given);
        if (read === NO) return NO;
        out[key] = read;
      }
      return out;
    }
  }
}
