/** A number for reading, used for reference answers (solution spans, variant refills) and the islands' ratios: numbers through formatNumber without padding zeros ("0.25", not "0.250"), words and expressions as written. */
import { formatNumber } from '../engine/format.ts';

export function formatReadable(value: number | string): string {
  if (typeof value !== 'number') return value;
  // Whole thousands keep every integer digit ("64,128", not "64,100").
  const abs = Math.abs(value);
  const sig = abs >= 1000 && abs < 1e6 ? Math.floor(Math.log10(abs)) + 1 : 3;
  // Trailing zeros of the mantissa only claim precision; the reference values are exact.
  return formatNumber(value, { sig }).replace(/^([^.]*\.\d*?)0+(?=$|\s)/, '$1').replace(/\.(?=$|\s)/, '');
}
