/**
 * A comparative sentence takes its word and its figure from the numbers it
 * compares: compare() picks "larger" or "smaller" (or the words you pass) and
 * the factor between them, so a claim can never disagree with its data.
 */

/** Two values within this factor of each other are called a tie: closer than the figures the lessons print (2–3 significant digits) can tell apart in a ratio. */
export const TIE_FACTOR = 1.05;

export interface CompareWords {
  /** The word when `value` is the larger of the two, e.g. "better". */
  larger: string;
  /** The word when `value` is the smaller, e.g. "worse". */
  smaller: string;
  /** The word when they are within TIE_FACTOR of each other. */
  tie?: string;
  /** Below this factor the two count as a tie (default TIE_FACTOR); 1 makes only equal values a tie. */
  tieFactor?: number;
}

export interface Comparison {
  /** The word that fits the numbers. */
  word: string;
  /** How many times the larger is the smaller (≥ 1). */
  times: number;
  /** Which way the numbers go. */
  order: 'larger' | 'smaller' | 'tie';
}

/** Compares the sizes |value| and |to|: "value is `times` times `word` than to". */
export function compare(value: number, to: number, words: CompareWords = { larger: 'larger', smaller: 'smaller' }): Comparison {
  const a = Math.abs(value);
  const b = Math.abs(to);
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new RangeError(`compare() needs two finite non-zero sizes, got ${value} and ${to}`);
  }
  const times = a >= b ? a / b : b / a;
  const order = times < (words.tieFactor ?? TIE_FACTOR) || times === 1 ? 'tie' : a > b ? 'larger' : 'smaller';
  const word = order === 'tie' ? (words.tie ?? 'about the same as') : words[order];
  return { word, times, order };
}
