/** How learner text is quoted inside a sentence: short, whole characters, and its type named. */

/** 'text' in quotes. */
export const q = (text: string): string => `'${text}'`;

/** "; did you mean 'x'?" or nothing. */
export const didYouMean = (suggestion?: string): string => (suggestion ? `; did you mean ${q(suggestion)}?` : '');

/**
 * The grapheme segmenter, made on the first long text: making one loads ICU's break rules, a good part of
 * the single-file grader's start-up, and most runs never quote anything long. null where Intl has none.
 */
let segmenter: Intl.Segmenter | null | undefined;
function graphemes(): Intl.Segmenter | null {
  segmenter ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  return segmenter;
}

/**
 * Shortens learner text quoted in a message to `max` characters, cutting
 * between whole characters as a reader sees them (an emoji, a flag or an
 * accented letter is never split into halves that render as U+FFFD).
 */
export function clip(text: string, max = 40): string {
  if (text.length <= max) return text; // UTF-16 units ≥ graphemes: short enough already
  const segments = graphemes();
  const pieces = segments ? Array.from(segments.segment(text), (s) => s.segment) : Array.from(text);
  if (pieces.length <= max) return text;
  return `${pieces.slice(0, max - 1).join('')}…`;
}

/** Describes a value's type in a message: "a list", "true (a yes/no)", "nothing". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `${value} (a yes/no)`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the text ${q(clip(value))}`;
  return `a ${typeof value}`;
}

/** A size in KiB or MiB, one decimal. */
export function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
