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
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** Writes an integer exponent in superscript digits, e.g. -5 → "⁻⁵". */
export function superscript(n: number): string {
  return String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c] ?? c);
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
  if (group) {
    const [int = '', frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac === undefined ? '' : `.${frac}`);
  }
  return style === 'unicode' ? text.replace('-', '−') : text;
}
