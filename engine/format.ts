/**
 * Number formatting shared by the lessons, the grader's "read as …" feedback
 * and the islands, so a number reads the same everywhere.
 */

export type Notation = 'auto' | 'scientific' | 'plain';

export interface FormatOptions {
  /** Significant figures; default 3. */
  sig?: number;
  /** `auto` switches to scientific below 1e-3 or from 1e6. */
  notation?: Notation;
  /** `unicode` gives "1.56 × 10⁻⁵"; `ascii` gives "1.56e-5". */
  style?: 'unicode' | 'ascii';
  /** Group thousands in plain notation ("64,128"); default true. */
  group?: boolean;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Writes an integer exponent in superscript digits, e.g. -5 → "⁻⁵". */
export function superscript(n: number): string {
  let out = ''; // a loop, not a replace with a callback: the grader formats every number a learner gives
  for (const c of String(n)) out += SUPERSCRIPT[c] ?? c;
  return out;
}

/** Formats x with `sig` significant figures in the chosen notation. */
export function formatNumber(x: number, options: FormatOptions = {}): string {
  const { sig = 3, notation = 'auto', style = 'unicode', group = true } = options;
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const scientific = notation === 'scientific' || (notation === 'auto' && (abs < 1e-3 || abs >= 1e6));
  if (scientific) {
    const [mantissa = '', exp = '0'] = x.toExponential(sig - 1).split('e');
    const e = Number(exp);
    if (style === 'ascii') return `${mantissa}e${e}`;
    const minus = mantissa.startsWith('-') ? '−' : '';
    return `${minus}${mantissa.replace('-', '')} × 10${superscript(e)}`;
  }
  // Plain notation: round to `sig` significant figures, keep trailing zeros that are significant.
  // Count digits after rounding, so 99.96 at 3 figures becomes "100", not "100.0".
  const rounded = Number(x.toPrecision(sig));
  const digitsBefore = Math.floor(Math.log10(Math.abs(rounded))) + 1;
  const decimals = Math.max(0, sig - digitsBefore);
  let text = rounded.toFixed(decimals);
  // Only an integer part of four characters or more can take a comma.
  if (group && (text.indexOf('.') === -1 ? text.length : text.indexOf('.')) > 3) {
    const [int = '', frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac === undefined ? '' : `.${frac}`);
  }
  return style === 'unicode' ? text.replace('-', '−') : text;
}

/**
 * A given value written with just the digits it has, up to 6 significant
 * figures: 0.1 → "0.1", 0.5·0.2 → "0.1" (not "0.100000"), 0.125 → "0.125".
 * Values that need more digits are shown to 6. Plain notation by default.
 */
export function exact(value: number, notation: Notation = 'plain'): string {
  for (let sig = 1; sig <= 6; sig++) {
    // Within 1e-12 relative: floating-point products such as 0.1 + 0.2 still read as their intended value.
    if (Math.abs(Number(value.toPrecision(sig)) - value) <= 1e-12 * Math.abs(value)) return formatNumber(value, { sig, notation });
  }
  return formatNumber(value, { sig: 6, notation });
}

/**
 * A computed number for reading, with no padding zeros ("0.25", not "0.250"):
 * 3 significant figures, except whole thousands keep every integer digit
 * ("64,128", not "64,100"). Words and expressions pass through as written.
 */
export function readable(value: number | string): string {
  if (typeof value !== 'number') return value;
  const abs = Math.abs(value);
  const sig = abs >= 1000 && abs < 1e6 ? Math.floor(Math.log10(abs)) + 1 : 3;
  // Trailing zeros of the mantissa only claim precision; the reference values are exact.
  return formatNumber(value, { sig })
    .replace(/^([^.]*\.\d*?)0+(?=$|\s)/, '$1')
    .replace(/\.(?=$|\s)/, '');
}

/** A number as TeX: "1.56 \times 10^{-5}", "0.0250", "64{,}128". */
export function tex(value: number, sig = 3, notation: Notation = 'auto'): string {
  return formatNumber(value, { sig, notation, style: 'ascii' })
    .replace(/^(-?[\d.]+)e(-?\d+)$/, (_, m: string, e: string) => `${m} \\times 10^{${e}}`)
    .replace(/,/g, '{,}');
}

/** A given value as TeX with just the digits it has. */
export function texExact(value: number): string {
  return exact(value).replace(/,/g, '{,}').replace('−', '-');
}
