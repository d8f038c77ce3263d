/**
 * Reads a number written the way people write numbers: 1e-3, 1E-03, 0.001,
 * 1/1000, 10^-3, 1 × 10^-3, 1x10^-3, 1*10^-3, 1·10⁻³, 1 * 10**-3, with a
 * Unicode minus, a leading + and surrounding spaces. Strictly these forms:
 * there is no general evaluator, so "2+2" or "sqrt(2)" is not a number.
 *
 * Decisions: a comma is accepted only as a well-formed thousands separator
 * (64,128 or 1,000,000.5), so "0,025" is refused with a message instead of
 * being misread as 25; percentages are refused, because "25%" for 0.25 is
 * ambiguous next to answers that are themselves ratios.
 */
import { formatNumber } from '../../engine/format.ts';

export type NumberFailure = 'too-long' | 'not-a-number' | 'not-finite' | 'percent' | 'decimal-comma' | 'wrong-type';
export type NumberRead = { ok: true; value: number } | { ok: false; code: NumberFailure; text: string };

/** Longer strings are not numbers in any accepted form; refuse before running any pattern. */
export const MAX_NUMBER_LENGTH = 100;

/** Superscript minus and digits in ASCII, as both readers take an exponent written 10⁻⁵ (expression.ts too). */
export const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '⁻': '-',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** A number also takes a superscript plus (10⁺³); an expression does not. */
const SUPERSCRIPTS: Readonly<Record<string, string>> = { ...SUPERSCRIPT_DIGITS, '⁺': '+' };

const DECIMAL = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const SCIENTIFIC = String.raw`${DECIMAL}(?:[eE][+-]?\d+)?`;
const GROUPED = String.raw`[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?`;
const EXPONENT = String.raw`(?:[+-]?\d+|\(\s*[+-]?\d+\s*\)|\{\s*[+-]?\d+\s*\})`;
const POWER_OF_TEN = String.raw`10\s*(?:\^|\*\*)\s*(${EXPONENT})`;
const TIMES = '[×xX*·⋅]';

const PLAIN = new RegExp(`^(${SCIENTIFIC})$`);
const THOUSANDS = new RegExp(`^(${GROUPED})$`);
const MANTISSA_TIMES_POWER = new RegExp(`^(${DECIMAL})\\s*${TIMES}\\s*${POWER_OF_TEN}$`);
const POWER_ONLY = new RegExp(`^${POWER_OF_TEN}$`);
const FRACTION = new RegExp(`^(${SCIENTIFIC})\\s*/\\s*(${SCIENTIFIC})$`);
const NOT_FINITE = /^(?:nan|inf|infinity|\.inf|∞)$/i;
const COMMA_DECIMAL = /^\d+,\d+$/;
/** The form most answers take ("0.25", "-1.5e-3"): read by Number() at once, the same value the general path gives. */
const SIGNED_PLAIN = new RegExp(`^[-+]?${SCIENTIFIC}$`);

/** Reads a number from a YAML/JSON value or form text; never throws. */
export function readNumber(input: unknown): NumberRead {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, code: 'not-finite', text: String(input) };
  }
  if (typeof input !== 'string') return { ok: false, code: 'wrong-type', text: '' };
  // Surrounding spaces are allowed (trimming is linear); only what is left counts towards the limit.
  if (input.length > MAX_NUMBER_LENGTH && input.trim().length > MAX_NUMBER_LENGTH)
    return { ok: false, code: 'too-long', text: input.trim() };
  if (SIGNED_PLAIN.test(input)) {
    // Nothing to trim or normalise, and Number("-x") is exactly -Number("x"), as the general path computes it.
    const value = Number(input);
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, code: 'not-finite', text: input };
  }
  return readNumberText(input);
}

function readNumberText(input: string): NumberRead {
  let text = normalise(input);
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1).trimStart();
  }
  const fail = (code: NumberFailure): NumberRead => ({ ok: false, code, text: input.trim() });
  const value = unsignedValue(text);
  if (value === undefined) {
    if (NOT_FINITE.test(text)) return fail('not-finite');
    if (text.endsWith('%')) return fail('percent');
    if (COMMA_DECIMAL.test(text)) return fail('decimal-comma');
    return fail('not-a-number');
  }
  return Number.isFinite(value) ? { ok: true, value: sign * value } : fail('not-finite');
}

/** The value of an unsigned number in one of the accepted forms, or undefined. */
function unsignedValue(text: string): number | undefined {
  let m = PLAIN.exec(text);
  if (m) return Number(m[1]);
  m = THOUSANDS.exec(text);
  if (m) return Number(m[1]!.replaceAll(',', ''));
  m = MANTISSA_TIMES_POWER.exec(text);
  // Build "1.56e-5" and let Number() round once, so 1.56 × 10^-5 equals 1.56e-5 exactly.
  if (m) return Number(`${m[1]}e${exponent(m[2]!)}`);
  m = POWER_ONLY.exec(text);
  if (m) return Number(`1e${exponent(m[1]!)}`);
  m = FRACTION.exec(text);
  if (m) return Number(m[1]) / Number(m[2]);
  return undefined;
}

/** "(-3)", "{-3}" or "-3" → "-3". */
function exponent(text: string): string {
  return text.replace(/[(){}\s]/g, '');
}

/** Trims, turns the Unicode minus into "-" and superscript exponents into "^…". */
function normalise(input: string): string {
  const text = input.trim().replaceAll('−', '-');
  return text.replace(/[⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (run) => `^${[...run].map((c) => SUPERSCRIPTS[c]).join('')}`);
}

/**
 * How a read number is shown back to the learner: as few significant figures
 * as reproduce it (up to 6), in the course's shared notation.
 * @example describeNumber(3.9e-7) === '3.9 × 10⁻⁷'
 */
export function describeNumber(x: number): string {
  // toExponential() with no argument gives the shortest digits that round-trip to x: "-1.25e-7" has 3.
  const shortest = x.toExponential();
  const sign = shortest.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const point = shortest.charCodeAt(sign + 1) === 46 ? 1 : 0; // '.'
  const digits = shortest.indexOf('e') - sign - point;
  return formatNumber(x, { sig: Math.min(6, digits) });
}
